// Runs @vladmandic/face-api on the stored crops with the pure-JS tfjs 'cpu' backend and writes
// the reference outputs that FaceApiParityTest compares the DJL port against.
// Usage (from src/test/node): npm ci && node make-reference.js
'use strict';

const fs = require('fs');
const path = require('path');
const { faceapi, tf, packageDir, referenceDir, weightMap, readRgb, cpuBackend } = require('./faceapi-io');

const cropsDir = path.join(referenceDir, 'crops');
const outFile = path.join(referenceDir, 'faceapi-reference.json');

async function main() {
  await cpuBackend();
  faceapi.nets.faceRecognitionNet.loadFromWeightMap(weightMap('face_recognition_model-weights_manifest.json'));
  faceapi.nets.faceLandmark68Net.loadFromWeightMap(weightMap('face_landmark_68_model-weights_manifest.json'));

  const stems = fs.readdirSync(cropsDir)
    .filter((f) => f.endsWith('_150.png'))
    .map((f) => f.slice(0, -'_150.png'.length))
    .sort();
  const crops = [];
  for (const stem of stems) {
    const chip = readRgb(path.join(cropsDir, `${stem}_150.png`));
    const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(chip);
    chip.dispose();

    const crop = readRgb(path.join(cropsDir, `${stem}_112.png`));
    const relative = await faceapi.nets.faceLandmark68Net.forward(crop);
    const landmarks = Array.from(await relative.data());
    relative.dispose();
    crop.dispose();

    crops.push({
      chip: `${stem}_150.png`,
      crop: `${stem}_112.png`,
      descriptor: Array.from(descriptor),
      landmarksRelative: landmarks,
    });
    console.log(`${stem}: descriptor[0]=${descriptor[0].toFixed(6)} landmark0=(${(landmarks[0] * 112).toFixed(2)}, ${(landmarks[1] * 112).toFixed(2)})`);
  }

  const faceapiVersion = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
  const reference = {
    generator: 'src/test/node/make-reference.js',
    faceapi: faceapiVersion,
    tfjs: tf.version_core,
    backend: tf.getBackend(),
    descriptor: 'faceRecognitionNet.computeFaceDescriptor(tensor3d 150x150x3), raw (not normalised)',
    landmarks: 'faceLandmark68Net.forward(tensor3d 112x112x3): 136 values x,y interleaved, relative to 112',
    crops,
  };
  fs.writeFileSync(outFile, `${JSON.stringify(reference, null, 1)}\n`);
  console.log(`wrote ${outFile} (${crops.length} crops)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
