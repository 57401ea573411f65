// Computes the reference output of fr_feature.onnx with onnxruntime-node for the deterministic input
// that FeatureReferenceTests builds, and writes it as JSON. Run once, from any directory:
//
//   ort="$(mktemp -d)" && (cd "$ort" && npm install onnxruntime-node@1.30.0)
//   NODE_PATH="$ort/node_modules" node make-feature-reference.js <repo>/artifacts/models/fr_feature.onnx > fr_feature.reference.json
//
// The input is element i of [1,3,112,112] = (((i * 7919 + 13) % 251) - 127) / 128, exact in float32.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const ort = require('onnxruntime-node');

function featureInput() {
  const data = new Float32Array(3 * 112 * 112);
  for (let i = 0; i < data.length; i++) {
    data[i] = (((i * 7919 + 13) % 251) - 127) / 128;
  }
  return data;
}

async function main() {
  const modelPath = process.argv[2];
  if (!modelPath) {
    throw new Error('usage: node make-feature-reference.js MODEL');
  }
  const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 1, graphOptimizationLevel: 'all' });
  const input = new ort.Tensor('float32', featureInput(), [1, 3, 112, 112]);
  const results = await session.run({ input });
  const output = Array.from(results.output.data);
  const reference = {
    model: 'fr_feature.onnx',
    modelSha256: crypto.createHash('sha256').update(fs.readFileSync(modelPath)).digest('hex'),
    producer: `onnxruntime-node ${require('onnxruntime-node/package.json').version}`,
    input: 'element i of [1,3,112,112] = (((i * 7919 + 13) % 251) - 127) / 128',
    outputName: 'output',
    outputShape: results.output.dims,
    output,
  };
  process.stdout.write(JSON.stringify(reference, null, 1) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
