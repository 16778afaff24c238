#!/usr/bin/env bash
# Person-disjoint cross-validation of `facegate train` over LFW folds 1-5 (issue 4).
#
# For every variant below and every fold F, trains with fold F's people left out (LFW capped at 8
# images per identity + CelebA), scores fold F's 600 pairs with the saved model at the threshold
# chosen on the held-aside validation identities, and appends one line to OUT/results.tsv:
#   variant fold test-accuracy threshold validation-accuracy steps best-step images/s base-test-accuracy
# Every variant gets the same budget in optimiser steps (not minutes: a paused or shared machine
# then changes the wall time, not the result). Finished (variant, fold) runs are skipped, so the
# script resumes after an interruption. Then OUT/summary.md gets mean ± sd (sample sd) per variant.
#
# Usage: src/main/scripts/cross-validate-training.sh [OUT] [JOBS]
#   OUT   defaults to target/cross-validation; JOBS (parallel runs, one PyTorch thread each) to 2.
#   FOLDS, VARIANTS, SCRATCH_STEPS / FINETUNE_STEPS, DATA and JAR (a copy lets you rebuild meanwhile)
#   override the defaults from the environment.
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=${1:-target/cross-validation}
JOBS=${2:-2}
D=${DATA:-../shared/data}
FOLDS=${FOLDS:-1 2 3 4 5}
VARIANTS=${VARIANTS:-scratch-batch-all finetuned scratch-batch-hard scratch-semi-hard scratch-soft-margin}
SCRATCH_STEPS=${SCRATCH_STEPS:-600}
FINETUNE_STEPS=${FINETUNE_STEPS:-150}
JAR=${JAR:-target/facegate.jar}
mkdir -p "$OUT"
touch "$OUT/results.tsv"

# The options of one variant (everything but data, fold and output).
variant_options() {
  local scratch="--input-size 64 --p 16 --k 4 --lr 0.001 --max-steps $SCRATCH_STEPS --validate-every 150"
  case "$1" in
    scratch-batch-all) echo "$scratch --miner batch-all" ;;
    scratch-batch-hard) echo "$scratch --miner batch-hard" ;;
    scratch-semi-hard) echo "$scratch --miner semi-hard" ;;
    scratch-soft-margin) echo "$scratch --miner soft-margin" ;;
    finetuned)
      echo "--base-model models/dlib-resnet-faceapi --lr 0.0001 --backbone-lr-factor 0.1 --freeze-stages 2" \
        "--p 8 --k 4 --miner batch-hard --max-steps $FINETUNE_STEPS --validate-every 50"
      ;;
    *) echo "unknown variant $1" >&2; return 1 ;;
  esac
}

# Trains and tests one (variant, fold); appends its line to results.tsv.
run_one() {
  local variant=$1 fold=$2 dir="$OUT/$1-f$2"
  if awk -v v="$variant" -v f="$fold" '$1 == v && $2 == f { found = 1 } END { exit !found }' "$OUT/results.tsv"; then
    return 0
  fi
  mkdir -p "$dir"
  # shellcheck disable=SC2046 # the options are words on purpose
  java -Xmx3g -Dai.djl.offline=true -jar "$JAR" train \
    --folder-dataset "$D/lfw/images" --keep-pairs "$D/lfw/protocol/pairs-folds1-5.txt" \
    --max-images-per-identity 8 --list-dataset "$D/celeba-299/identities.txt" \
    $(variant_options "$variant") --max-minutes 100000 --patience 1000 --validation-pairs 300 --seed 1 \
    --test-pairs "$D/lfw/protocol/pairs-folds1-5.txt" --test-fold "$fold" --test-images "$D/lfw/images" \
    --out "$dir" >"$dir/stdout.txt" 2>"$dir/log.txt" || true
  if ! grep -q 'test-accuracy=' "$dir/stdout.txt"; then
    echo "$variant fold $fold failed: see $dir/log.txt" >&2
    return 1
  fi
  awk -v v="$variant" -v f="$fold" '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); value[kv[1]] = kv[2] } }
    END {
      printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", v, f, value["test-accuracy"], value["threshold"],
        value["validation-accuracy"], value["steps"], value["best-step"], value["images/s"],
        ("base-test-accuracy" in value) ? value["base-test-accuracy"] : "-"
    }' "$dir/stdout.txt" >>"$OUT/results.tsv"
}
export -f run_one variant_options
export OUT D JAR SCRATCH_STEPS FINETUNE_STEPS

# the crop caches first, in one process (the runs below only read them)
java -Xmx3g -Dai.djl.offline=true -jar "$JAR" crops \
  --folder-dataset "$D/lfw/images" --keep-pairs "$D/lfw/protocol/pairs-folds1-5.txt" \
  --max-images-per-identity 8 --list-dataset "$D/celeba-299/identities.txt" 2>/dev/null

for variant in $VARIANTS; do
  for fold in $FOLDS; do
    echo "$variant $fold"
  done
done | xargs -P "$JOBS" -L 1 bash -c 'run_one "$0" "$1"' || echo "some runs failed; results.tsv has the others" >&2

# mean ± sample sd per variant (and of the imported model on the same folds, from the fine-tuning runs)
awk -F'\t' '
  function summarise(name, n, sum, sumsq, folds,   mean, sd) {
    mean = sum / n
    sd = n > 1 ? sqrt((sumsq - n * mean * mean) / (n - 1)) : 0
    printf "| %s | %s | %d | %.4f ± %.4f |\n", name, folds, n, mean, sd
  }
  { if (!($1 in n)) order[++variants] = $1
    n[$1]++; sum[$1] += $3; sumsq[$1] += $3 * $3; folds[$1] = folds[$1] (folds[$1] ? ", " : "") $2 ": " $3
    if ($9 != "-") { nb++; sb += $9; sqb += $9 * $9; fb = fb (fb ? ", " : "") $2 ": " $9 } }
  END {
    print "| variant | test accuracy per fold | folds | mean ± sd |"
    print "| --- | --- | --- | --- |"
    for (i = 1; i <= variants; i++) summarise(order[i], n[order[i]], sum[order[i]], sumsq[order[i]], folds[order[i]])
    if (nb) summarise("imported dlib ResNet (threshold from the same validation pairs)", nb, sb, sqb, fb)
  }' <(sort -t$'\t' -k1,1 -k2,2n "$OUT/results.tsv") >"$OUT/summary.md"
cat "$OUT/summary.md"
