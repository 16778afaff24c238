// What make-graph-reference.js and make-embedder-reference.js share: loading a TFJS graph model
// from the files committed under models/ (no network), the network input from a fixture photo, and
// writing that input as PNG.
'use strict';

const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const jpeg = require('jpeg-js');
const { PNG } = require('pngjs');

async function loadGraph(file) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const buffers = [];
  for (const group of json.weightsManifest) {
    for (const p of group.paths) buffers.push(fs.readFileSync(path.join(path.dirname(file), p)));
  }
  const joined = Buffer.concat(buffers);
  const weightData = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.length);
  const artifacts = {
    modelTopology: json.modelTopology,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    signature: json.signature,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData,
  };
  return { model: await tf.loadGraphModel(tf.io.fromMemory(artifacts)), json };
}

// The photo resized (stretched) to side x side with tf.image.resizeBilinear, rounded to 8 bits.
function modelInput(imageFile, side) {
  const decoded = jpeg.decode(fs.readFileSync(imageFile), { useTArray: true });
  const rgb = new Int32Array(decoded.width * decoded.height * 3);
  for (let i = 0; i < decoded.width * decoded.height; i++) {
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = decoded.data[i * 4 + c];
  }
  return tf.tidy(() => {
    const image = tf.tensor3d(rgb, [decoded.height, decoded.width, 3], 'int32');
    return tf.image.resizeBilinear(image, [side, side]).round().clipByValue(0, 255).toInt();
  });
}

function writePng(file, pixels, side) {
  const png = new PNG({ width: side, height: side });
  for (let i = 0; i < side * side; i++) {
    for (let c = 0; c < 3; c++) png.data[i * 4 + c] = pixels[i * 3 + c];
    png.data[i * 4 + 3] = 255;
  }
  fs.writeFileSync(file, PNG.sync.write(png));
}

module.exports = { loadGraph, modelInput, writePng };
