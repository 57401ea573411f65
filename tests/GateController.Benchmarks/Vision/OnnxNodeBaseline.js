// The onnxruntime-node side of OnnxBenchmarks: fr_feature inference with the same library version,
// model, input and session settings (2 intra-op threads, sequential, full graph optimisation).
//
//   ort="$(mktemp -d)" && (cd "$ort" && npm install onnxruntime-node@1.30.0)
//   NODE_PATH="$ort/node_modules" node OnnxNodeBaseline.js <repo>/artifacts/models/fr_feature.onnx [spinning 0|1] [runs]
'use strict';
const ort = require('onnxruntime-node');

async function measure(session, feeds, runs) {
  const times = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await session.run(feeds);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
  return {
    mean,
    median: times[Math.floor(times.length / 2)],
    p10: times[Math.floor(times.length * 0.1)],
    min: times[0],
    // Process CPU time per run (all threads): insensitive to other load on the machine.
    cpu: (cpu.user + cpu.system) / 1000 / runs,
  };
}

async function main() {
  const [modelPath, spinning = '0', runsText = '300'] = process.argv.slice(2);
  if (!modelPath) {
    throw new Error('usage: node OnnxNodeBaseline.js MODEL [spinning 0|1] [runs]');
  }
  const session = await ort.InferenceSession.create(modelPath, {
    intraOpNumThreads: 2,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: spinning }, inter_op: { allow_spinning: spinning } } },
  });
  const data = new Float32Array(3 * 112 * 112);
  for (let i = 0; i < data.length; i++) {
    data[i] = (((i * 7919 + 13) % 251) - 127) / 128;
  }
  const feeds = { input: new ort.Tensor('float32', data, [1, 3, 112, 112]) };
  await measure(session, feeds, 30);
  const result = await measure(session, feeds, Number(runsText));
  console.log(`onnxruntime-node ${require('onnxruntime-node/package.json').version} ${modelPath} spinning=${spinning} ` +
    `runs=${runsText}: mean ${result.mean.toFixed(3)} ms, median ${result.median.toFixed(3)} ms, p10 ${result.p10.toFixed(3)} ms, ` +
    `min ${result.min.toFixed(3)} ms, CPU ${result.cpu.toFixed(3)} ms per run`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
