// What both reference scripts share: face-api on the pure-JS tfjs 'cpu' backend, its weights read
// from the npm package on disk (no network), and PNG decoding to an int32 RGB tensor.
'use strict';

const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const tf = faceapi.tf;
const root = path.resolve(__dirname, '..', '..', '..');
const referenceDir = path.join(root, 'src', 'test', 'resources', 'reference');
const packageDir = path.dirname(require.resolve('@vladmandic/face-api/package.json'));
const modelDir = path.join(packageDir, 'model');

// Reads a tfjs manifest and its shards from disk.
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

async function cpuBackend() {
  await tf.setBackend('cpu');
  await tf.ready();
}

module.exports = { faceapi, tf, packageDir, referenceDir, weightMap, readRgb, cpuBackend };
