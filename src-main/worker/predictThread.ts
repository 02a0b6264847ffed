/** A helper thread that predicts rows for the parallel predictor: shared buffers in, shared buffer out. */
import { parentPort, workerData } from 'node:worker_threads';
import { createRng, loadForest, RandomForestClassifier, type ForestJSON } from '../engine';
import type { PredictRequest } from './parallelPredictor';

const port = parentPort!;
const forest = loadForest((workerData as { forest: ForestJSON }).forest);
const predict = (x: Float64Array, n: number, d: number) =>
  forest instanceof RandomForestClassifier ? forest.predictProbaFlat(x, n, d) : forest.predictFlat(x, n, d);

/**
 * Runs the compiled trees until V8 has optimized them, before saying ready: a cold helper is
 * slower than no helper. Rows are drawn around the forest's own thresholds so every branch runs.
 */
function warmUp(): void {
  const d = forest.nFeatures;
  const thresholds: number[][] = Array.from({ length: d }, () => []);
  for (const tree of forest.trees) {
    for (let i = 0; i < tree.nodeCount; i++)
      if (tree.feature[i] >= 0) thresholds[tree.feature[i]].push(tree.threshold[i]);
  }
  const rng = createRng(1);
  const n = 2000;
  const x = new Float64Array(n * d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) {
      const t = thresholds[j];
      x[r * d + j] = t.length ? t[rng.int(t.length)] * (1 + 0.05 * rng.normal()) : 0;
    }
  }
  forest.prepareFastPredict();
  for (let i = 0; i < 12; i++) predict(x, n, d);
}

warmUp();
port.on('message', ({ id, n, d, input, output }: PredictRequest) => {
  const y = predict(new Float64Array(input, 0, n * d), n, d);
  new Float64Array(output, 0, y.length).set(y);
  port.postMessage(id);
});
port.postMessage('ready');
