// Runs @vladmandic/face-api's SsdMobilenetv1 (pure-JS tfjs 'cpu' backend) on the PNGs in
// src/test/resources/reference/ssd and writes the detections SsdFaceDetectorParityTest compares the
// DJL port against. The PNGs are written by facegate.embed.SsdReferenceInputs.
// Usage (from src/test/node): npm ci && node make-ssd-reference.js
'use strict';

const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const tf = faceapi.tf;
const root = path.resolve(__dirname, '..', '..', '..');
const inputDir = path.join(root, 'src', 'test', 'resources', 'reference', 'ssd');
const outFile = path.join(root, 'src', 'test', 'resources', 'reference', 'ssd-reference.json');
const packageDir = path.dirname(require.resolve('@vladmandic/face-api/package.json'));
const modelDir = path.join(packageDir, 'model');
const MIN_CONFIDENCE = 0.3;
const MAX_RESULTS = 100;

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
  faceapi.nets.ssdMobilenetv1.loadFromWeightMap(weightMap('ssd_mobilenetv1_model-weights_manifest.json'));
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_CONFIDENCE, maxResults: MAX_RESULTS });

  const files = fs.readdirSync(inputDir).filter((f) => f.endsWith('.png')).sort();
  const images = [];
  for (const file of files) {
    const image = readRgb(path.join(inputDir, file));
    const [height, width] = image.shape;
    const found = await faceapi.nets.ssdMobilenetv1.locateFaces(image, options);
    image.dispose();
    const detections = found.map((d) => ({
      x: d.box.x, y: d.box.y, width: d.box.width, height: d.box.height, score: d.score,
    }));
    images.push({ file, width, height, detections });
    console.log(`${file} ${width}x${height}: ${detections.map((d) => `(${d.x.toFixed(1)},${d.y.toFixed(1)} ${d.width.toFixed(1)}x${d.height.toFixed(1)} ${d.score.toFixed(4)})`).join(' ')}`);
  }

  const faceapiVersion = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
  const reference = {
    generator: 'src/test/node/make-ssd-reference.js',
    faceapi: faceapiVersion,
    tfjs: tf.version_core,
    backend: tf.getBackend(),
    call: 'ssdMobilenetv1.locateFaces(tensor3d HxWx3 int32, { minConfidence, maxResults }): boxes in image pixels',
    minConfidence: MIN_CONFIDENCE,
    maxResults: MAX_RESULTS,
    images,
  };
  fs.writeFileSync(outFile, `${JSON.stringify(reference, null, 1)}\n`);
  console.log(`wrote ${outFile} (${images.length} images)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
