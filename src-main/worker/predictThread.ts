/** A helper thread that predicts rows for the parallel predictor: shared buffers in, shared buffer out. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadForest, RandomForestClassifier, type ForestJSON } from '../engine';
import type { PredictRequest } from './parallelPredictor';
import { pauseWhileBusy } from './idleGate';

const port = parentPort!;
const data = workerData as { forest: ForestJSON; busy?: SharedArrayBuffer };
const forest = loadForest(data.forest);
const predict = (x: Float64Array, n: number, d: number) =>
  forest instanceof RandomForestClassifier ? forest.predictProbaFlat(x, n, d) : forest.predictFlat(x, n, d);

// Compiled and warmed before saying ready: a cold helper is slower than no helper. Until then
// the caller predicts alone, so warming pauses while it runs a job.
forest.prepareFastPredict(() => pauseWhileBusy(data.busy));
port.on('message', ({ id, n, d, input, output }: PredictRequest) => {
  const y = predict(new Float64Array(input, 0, n * d), n, d);
  new Float64Array(output, 0, y.length).set(y);
  port.postMessage(id);
});
port.postMessage('ready');
