# 3 rounds; each round runs raw, normalised (first look), normalised mirrored (order reversed in round 2)
cd /work/main
OUT=/work/runs/mfn/bench; mkdir -p $OUT
B="java -Dai.djl.offline=true -jar /work/runs/facegate-onnx.jar bench --sections verify --verify-requests 400 --verify-concurrency 1,4"
run() { echo "== round $1 $2 $(date -u +%T) load $(cut -d' ' -f1 /proc/loadavg)"; case $2 in
  raw) FACEGATE_MODEL=faceplugin-mfn512 FACEGATE_NORMALIZATION_ENABLED=false $B ;;
  norm) FACEGATE_MODEL=faceplugin-mfn512 FACEGATE_NORMALIZATION_ENABLED=true $B ;;
  mirrored) FACEGATE_MODEL=faceplugin-mfn512 FACEGATE_NORMALIZATION_ENABLED=true FACEGATE_VERIFY_SINGLE_VIEW=false $B ;;
  esac 2>&1 | grep -v "WARN\|NNPACK" | grep -i -E "verify|p99|p50|error|model" | tail -8; }
for r in 1 2 3; do
  if [ $r = 2 ]; then order="mirrored norm raw"; else order="raw norm mirrored"; fi
  for c in $order; do run $r $c; done
done > $OUT/bench.txt
echo done >> $OUT/bench.txt
