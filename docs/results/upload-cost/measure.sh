#!/usr/bin/env bash
# What one upload costs the service: CPU seconds and resident memory above the warmed-up baseline,
# for each image given, each on a freshly started server (so VmHWM is this upload's peak).
# Usage: bash docs/results/upload-cost/measure.sh IMAGE... (from the project root, jar built)
set -euo pipefail
port=8097
jar=$(pwd)/target/facegate.jar
models=$(pwd)/models
warm=$(pwd)/src/test/resources/fixtures/lfw/Mick_Jagger/Mick_Jagger_0001.jpg
# warm-up images: one scaled down (9 MP) and one without a face (the SSD detector's first run
# allocates its native memory), so that one-time costs are paid before measuring
cat >target/warm.py <<'PY'
import struct, sys, zlib
w = h = int(sys.argv[2])
raw = b"".join(b"\x00" + bytes((x * 7 + y) & 0xFF for x in range(w * 3)) for y in range(0, h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
body = chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + body)
PY
python3 target/warm.py target/warm-9mp.png 3000
python3 target/warm.py target/warm-blank.png 600
big=$(pwd)/target/warm-9mp.png
blank=$(pwd)/target/warm-blank.png
work=$(mktemp -d)
printf "%-28s %9s %7s %8s %8s %s\n" image bytes status cpu_s rss_mb answer
for image in "$@"; do
  (cd "$work" && FACEGATE_MODELS_DIR=$models FACEGATE_KEYS_VERIFIER=v \
    java -Dai.djl.offline=true -jar "$jar" serve -- -micronaut.server.port=$port \
    >"$work/serve.log" 2>&1 &)
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.5; done
  pid=$(pgrep -f "micronaut.server.port=$port")
  for photo in "$warm" "$blank" "$big" "$warm" "$blank" "$big" "$blank"; do
    curl -s -o /dev/null -H 'X-API-Key: v' -F photo=@"$photo" "http://127.0.0.1:$port/v1/faces/detect"
  done
  sleep 1
  rss0=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  # reset the high-water mark to now (Linux >= 4.0)
  echo 5 >/proc/$pid/clear_refs
  cpu0=$(awk '{print $14 + $15}' /proc/$pid/stat)
  answer=$(curl -s -H 'X-API-Key: v' -F photo=@"$image" -w ' %{http_code}' \
    "http://127.0.0.1:$port/v1/faces/detect")
  cpu1=$(awk '{print $14 + $15}' /proc/$pid/stat)
  hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  status=${answer##* }
  printf "%-28s %9d %7s %8.2f %8.0f %s\n" "$(basename "$image")" "$(stat -c %s "$image")" \
    "$status" "$(echo "($cpu1 - $cpu0) / $(getconf CLK_TCK)" | bc -l)" \
    "$(echo "($hwm - $rss0) / 1024" | bc -l)" "$(echo "${answer% *}" | cut -c1-70)"
  kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
done
rm -rf "$work"
