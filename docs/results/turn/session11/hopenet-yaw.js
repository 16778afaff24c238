// HopeNet-lite yaw (fr_pose.onnx of npm faceplugin-face-recognition-js 0.0.1, ShuffleNetV2, 66
// bins of 3 degrees from -99) on the raw 150x150 RGB chips HopeNetViews.java writes: each chip
// resized bilinearly to 224 (the package crops a detector box grown by a quarter on each side; the
// chip with its 0.25 padding stands in for it), ImageNet mean/std, softmax expectation per angle.
// Usage: node hopenet-yaw.js CHIP_DIR FR_POSE_ONNX > yaw.tsv  (onnxruntime-node 1.14.0, as in
// src/test/node/onnx). Prints name, yaw, pitch, roll; the package's yaw sign is the opposite of
// facegate's (the summary negates it).
const ort = require('onnxruntime-node');
const fs = require('fs');
(async () => {
  const s = await ort.InferenceSession.create(process.argv[3]);
  const dir = process.argv[2]; const files = fs.readdirSync(dir).filter(f => f.endsWith('.rgb')).sort();
  const mean=[0.485,0.456,0.406], std=[0.229,0.224,0.225];
  for (const f of files) {
    const b = fs.readFileSync(dir + '/' + f); const W = 150, S = 224;
    const t = new Float32Array(3*S*S);
    for (let y=0;y<S;y++) for (let x=0;x<S;x++) {
      // bilinear resize 150 -> 224 (pixel centres)
      const sx=Math.min(Math.max((x+0.5)*W/S-0.5,0),W-1), sy=Math.min(Math.max((y+0.5)*W/S-0.5,0),W-1);
      const x0=Math.floor(sx), y0=Math.floor(sy), x1=Math.min(x0+1,W-1), y1=Math.min(y0+1,W-1), fx=sx-x0, fy=sy-y0;
      for (let c=0;c<3;c++) {
        const v=(b[(y0*W+x0)*3+c]*(1-fx)+b[(y0*W+x1)*3+c]*fx)*(1-fy)+(b[(y1*W+x0)*3+c]*(1-fx)+b[(y1*W+x1)*3+c]*fx)*fy;
        t[c*S*S+y*S+x]=(v/255-mean[c])/std[c];
      }
    }
    const o = await s.run({input: new ort.Tensor('float32', t, [1,3,S,S])});
    const ang = k => { const d=o[k].data; const m=Math.max(...d); let z=0,e=0; for(let i=0;i<66;i++){const w=Math.exp(d[i]-m); z+=w; e+=w*i;} return e/z*3-99; };
    console.log(f.replace('.rgb','') + '\t' + ang('output').toFixed(1) + '\t' + ang('617').toFixed(1) + '\t' + ang('618').toFixed(1));
  }
})();
