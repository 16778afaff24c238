// Runs the ONNX face embedders committed under models/ (architecture onnx-graph) with onnxruntime
// itself (onnxruntime-node, CPU) on fixture chips and writes what OnnxEmbedderParityTest compares
// facegate's OnnxGraph (through GraphFaceEmbedder) against:
//   src/test/resources/reference/onnx-embedders/<case>.f32   the raw output, float32 little-endian
//   src/test/resources/reference/onnx-embedders/reference.json   cases, models, input, output shape
// Input as the folder's model.json says: channels reversed when channelOrder is BGR, then
// (pixel - meanRgb[c]) * scale, NCHW, batch 1. The chips are 8-bit RGB PNGs already in the repo.
// Usage (from src/test/node/onnx): npm install && node make-onnx-reference.js
'use strict';

const fs = require('fs');
const path = require('path');
const ort = require('onnxruntime-node');
const { PNG } = require('pngjs');

const root = path.resolve(__dirname, '..', '..', '..', '..');
const outDir = path.join(root, 'src', 'test', 'resources', 'reference', 'onnx-embedders');
const chips = path.join(root, 'src', 'test', 'resources', 'reference', 'embedders');

const CASES = [
  { name: 'faceplugin-mfn512-lfw', model: 'faceplugin-mfn512', chip: 'mobileface-lfw.png' },
  { name: 'faceplugin-mfn512-lfw-mirrored', model: 'faceplugin-mfn512', chip: 'mobileface-lfw.png', mirror: true },
];

function input(png, card, mirror) {
  const side = card.inputSize;
  if (png.width !== side || png.height !== side) throw new Error('chip is not ' + side + ' px');
  const plane = side * side;
  const out = new Float32Array(3 * plane);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const sx = mirror ? side - 1 - x : x;
      for (let c = 0; c < 3; c++) {
        const source = card.channelOrder === 'BGR' ? 2 - c : c;
        const pixel = png.data[(y * side + sx) * 4 + source];
        out[c * plane + y * side + x] = (pixel - card.meanRgb[c]) * card.scale;
      }
    }
  }
  return new ort.Tensor('float32', out, [1, 3, side, side]);
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const summary = { onnxruntime: require('onnxruntime-node/package.json').version, cases: [] };
  for (const c of CASES) {
    const card = JSON.parse(fs.readFileSync(path.join(root, 'models', c.model, 'model.json'), 'utf8'));
    const session = await ort.InferenceSession.create(path.join(root, 'models', c.model, card.graph));
    const png = PNG.sync.read(fs.readFileSync(path.join(chips, c.chip)));
    const result = await session.run({ [session.inputNames[0]]: input(png, card, !!c.mirror) });
    const output = result[card.output];
    fs.writeFileSync(path.join(outDir, c.name + '.f32'), Buffer.from(new Float32Array(output.data).buffer));
    summary.cases.push({ name: c.name, model: c.model, chip: c.chip, mirror: !!c.mirror, output: card.output, shape: output.dims });
    console.log(c.name, card.output, JSON.stringify(output.dims));
  }
  fs.writeFileSync(path.join(outDir, 'reference.json'), JSON.stringify(summary, null, 2) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
