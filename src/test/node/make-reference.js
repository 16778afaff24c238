// Runs @vladmandic/face-api on the stored crops with the pure-JS tfjs 'cpu' backend and writes
// the reference outputs that FaceApiParityTest compares the DJL port against.
// Usage (from src/test/node): npm ci && node make-reference.js
'use strict';

const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const tf = faceapi.tf;
const root = path.resolve(__dirname, '..', '..', '..');
const cropsDir = path.join(root, 'src', 'test', 'resources', 'reference', 'crops');
const outFile = path.join(root, 'src', 'test', 'resources', 'reference', 'faceapi-reference.json');
const packageDir = path.dirname(require.resolve('@vladmandic/face-api/package.json'));
const modelDir = path.join(packageDir, 'model');

// Reads a tfjs manifest and its shards from disk: no network.
function weightMap(manifestName) {
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, manifestName), 'utf8'));
  const map = {};
  for (const group of manifest) {
    const buffers = group.paths.map((p) => fs.readFileSync(path.join(modelDir, p)));
    const joined = Buffer.concat(buffers);
    const arrayBuffer = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.length);
    Object.assign(map, tf.io.decodeWeights(arrayBuffer, group.weights));
  }
  return map;
}

function readRgb(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const rgb = new Int32Array(png.width * png.height * 3);
  for (let i = 0; i < png.width * png.height; i++) {
    rgb[i * 3] = png.data[i * 4];
    rgb[i * 3 + 1] = png.data[i * 4 + 1];
    rgb[i * 3 + 2] = png.data[i * 4 + 2];
  }
  return tf.tensor3d(rgb, [png.height, png.width, 3], 'int32');
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
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
