/** A helper thread that predicts rows for the parallel predictor: shared buffers in, shared buffer out. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadForest, RandomForestClassifier, type ForestJSON } from '../engine';
import type { PredictRequest } from './parallelPredictor';

const port = parentPort!;
const forest = loadForest((workerData as { forest: ForestJSON }).forest);
const predict = (x: Float64Array, n: number, d: number) =>
  forest instanceof RandomForestClassifier ? forest.predictProbaFlat(x, n, d) : forest.predictFlat(x, n, d);

// Compiled and warmed before saying ready: a cold helper is slower than no helper.
forest.prepareFastPredict();
port.on('message', ({ id, n, d, input, output }: PredictRequest) => {
  const y = predict(new Float64Array(input, 0, n * d), n, d);
  new Float64Array(output, 0, y.length).set(y);
  port.postMessage(id);
});
port.postMessage('ready');
