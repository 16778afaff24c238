// Runs @vladmandic/face-api's SsdMobilenetv1 (pure-JS tfjs 'cpu' backend) on the PNGs in
// src/test/resources/reference/ssd and writes the detections SsdFaceDetectorParityTest compares the
// DJL port against. The PNGs are written by facegate.vision.SsdReferenceInputs.
// Usage (from src/test/node): npm ci && node make-ssd-reference.js
'use strict';

const fs = require('fs');
const path = require('path');
const { faceapi, tf, packageDir, referenceDir, weightMap, readRgb, cpuBackend } = require('./faceapi-io');

const inputDir = path.join(referenceDir, 'ssd');
const outFile = path.join(referenceDir, 'ssd-reference.json');
const MIN_CONFIDENCE = 0.3;
const MAX_RESULTS = 100;

async function main() {
  await cpuBackend();
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
