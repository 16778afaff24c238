#!/bin/bash
# issue 24 ablation, the StarGAN (`gan`) row: session-6 recipe, CFP + extra people, seeds 1-3
D=/work/shared/data; R=/work/runs/gan
COMMON="--cfp $D/cfp --lfw-images $D/lfw/images --lfw-pairs $D/lfw/protocol/pairs-folds1-5.txt \
  --celeba $D/celeba-299/identities.txt --crop-cache $R/crops --feature-cache $R/trunk"
J="nice -n 19 java -Xmx4g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -cp $R/facegate.jar facegate.cli.FacegateCommand"
job() { echo "$(date -u +%T) start gan seed $1 load $(cut -d' ' -f1-3 /proc/loadavg)" >> $R/lanes.log
  $J experiment pose-augmentation $COMMON --policies gan --people cfp+extra --seeds $1 --out $R/out/gan-s$1 > $R/gan-s$1.log 2>&1
  echo "$(date -u +%T) end gan seed $1 rc $? load $(cut -d' ' -f1-3 /proc/loadavg)" >> $R/lanes.log; }
job 1
job 2 & job 3 & wait
