// Runs the TFJS graph models committed under models/ with tfjs itself (pure-JS 'cpu' backend, no
// network) on fixture photos and writes what TfjsGraphParityTest compares the DJL importer against:
//   src/test/resources/reference/graph/<case>.png   the network input, 8-bit RGB at the model's size
//   src/test/resources/reference/graph/<case>.<output>.f32   the face output, float32 little-endian
//   src/test/resources/reference/graph/reference.json   cases, models, output names and shapes
// Input to the network: pixel * scale + offset (default / 127.5 - 1, MediaPipe's [-1, 1] range;
// human's liveness networks and FaceMesh: / 255), NHWC, batch 1.
// Usage (from src/test/node/graph): npm install && node make-graph-reference.js
'use strict';

const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { loadGraph, modelInput, writePng } = require('./graph-files');

const root = process.env.FACEGATE_ROOT || path.resolve(__dirname, '..', '..', '..', '..');
const outDir = path.join(root, 'src', 'test', 'resources', 'reference', 'graph');
const fixtures = path.join(root, 'src', 'test', 'resources', 'fixtures');

const CASES = [
  { name: 'full-cfp-profile', model: 'mediapipe-face-detection-full/facemesh-detection-full.json', image: 'cfp/cfp001_0011.jpg' },
  { name: 'full-lfw-frontal', model: 'mediapipe-face-detection-full/facemesh-detection-full.json', image: 'lfw/Clay_Aiken/Clay_Aiken_0001.jpg' },
  { name: 'short-lfw-frontal', model: 'mediapipe-face-detection-short/facemesh-detection-short.json', image: 'lfw/Woody_Allen/Woody_Allen_0001.jpg' },
];
// human's antispoof and liveness networks take the face crop in [0, 1] (human's face tensor),
// resized with resizeBilinear to their input; here the whole NUAA fixture frame stands in for it.
const NUAA = ['live/0001/0001_00_00_01_81', 'photo/0001/0001_00_03_02_72', 'live/0004/0004_01_06_03_338',
  'photo/0004/0004_01_03_02_267', 'live/0008/0008_00_00_02_245', 'photo/0008/0008_00_04_02_0'];
for (const [prefix, model] of [['antispoof', 'liveness-antispoof/antispoof.json'], ['livenessnet', 'liveness-livenessnet/liveness.json']]) {
  for (const frame of NUAA) {
    CASES.push({ name: prefix + '-nuaa-' + frame.split('/')[0] + '-' + frame.split('/')[1], model,
      image: 'nuaa/' + frame + '.jpg', scale: 1 / 255, offset: 0 });
  }
}

// MediaPipe FaceMesh (human-models' facemesh): human feeds the face crop in [0, 1]; here the whole
// fixture photo resized to 192 stands in for it. Two outputs: the mesh (468 x 3) and the face flag.
for (const [name, image] of [['facemesh-lfw-frontal', 'lfw/Clay_Aiken/Clay_Aiken_0001.jpg'], ['facemesh-cfp-profile', 'cfp/cfp001_0011.jpg']]) {
  CASES.push({ name, model: 'mediapipe-facemesh/facemesh.json', image, scale: 1 / 255, offset: 0,
    outputs: ['Identity_2', 'Identity_1'] });
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  fs.mkdirSync(outDir, { recursive: true });
  const summary = { tfjs: tf.version.tfjs, backend: tf.getBackend(), scale: '1/127.5', offset: -1, cases: [] };
  for (const c of CASES) {
    const { model, json } = await loadGraph(path.join(root, 'models', c.model));
    const side = Number(Object.values(json.signature.inputs)[0].tensorShape.dim[1].size);
    const scale = c.scale === undefined ? 1 / 127.5 : c.scale;
    const offset = c.offset === undefined ? -1 : c.offset;
    const pixels = modelInput(path.join(fixtures, c.image), side);
    writePng(path.join(outDir, c.name + '.png'), pixels.dataSync(), side);
    const input = tf.tidy(() => (c.scale === undefined ? pixels.toFloat().div(127.5).sub(1)
      : pixels.toFloat().mul(scale).add(offset)).expandDims(0));
    // The face output only (full-range also has a person output, not used by facegate).
    const names = c.outputs || ['Identity'];
    const outputs = [model.execute(input, names)].flat();
    const entry = { name: c.name, model: c.model, image: c.image, side, scale, offset, outputs: [] };
    for (let k = 0; k < names.length; k++) {
      const values = outputs[k].dataSync();
      const buffer = Buffer.from(new Float32Array(values).buffer);
      fs.writeFileSync(path.join(outDir, c.name + '.' + names[k] + '.f32'), buffer);
      entry.outputs.push({ name: names[k], shape: outputs[k].shape });
    }
    summary.cases.push(entry);
    tf.dispose([pixels, input, ...outputs]);
    console.log(c.name, entry.outputs.map((o) => o.name + ' ' + JSON.stringify(o.shape)).join(', '));
  }
  fs.writeFileSync(path.join(outDir, 'reference.json'), JSON.stringify(summary, null, 2) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
