/**
 * Run in a fresh process by the bench: the whole job a Python user would run, through the
 * engine with trees grown on threads as the app and the CLI do — read the CSV, stratified split,
 * 100-tree forest, test metrics, importances (permutation on ≤ 1000 test rows), explain one test
 * row. Prints one JSON line with stage times (ms), accuracy and peak memory, and per stage the
 * process's peak resident memory so far (`peaks`, MB), which tells the stage that raised it.
 */
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainDataRow,
  readDatasetFile,
  trainModel,
} from '../../src-main/engine';
import { threadedTreeGrower } from '../../src-main/worker/treeGrower';
import { setThreadBase } from '../../src-main/worker/threadEntry';

setThreadBase(import.meta.url);
const [file, trees] = process.argv.slice(2);
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const peaks: Record<string, number> = { start: peakMB() };
const t0 = performance.now();
const dataset = await readDatasetFile(file);
const read = performance.now() - t0;
peaks.read = peakMB();
let firstTree = 0;
let permStart = 0;
const model = trainModel(dataset, defaultTrainSettings(dataset, 'label', { nEstimators: Number(trees) }), {
  growTrees: threadedTreeGrower(),
  onProgress: (f, message) => {
    if (!firstTree && message.code === 'progress-training-trees') {
      firstTree = performance.now() - t0;
      peaks.beforeTrees = peakMB();
    }
    if (!permStart && message.code === 'progress-permutation') {
      permStart = performance.now() - t0;
      peaks.trees = peakMB();
    }
  },
});
const trained = performance.now() - t0;
peaks.permutation = peakMB();
const row = model.frame.rowIndex[model.split.test[0]];
await explainDataRow(model, dataset, row, DEFAULT_LIME_SETTINGS);
const total = performance.now() - t0;
peaks.explain = peakMB();
const metrics = model.metrics;
console.log(
  JSON.stringify({
    read,
    beforeTrees: firstTree,
    trees: permStart - firstTree,
    permutation: trained - permStart,
    explain: total - trained,
    total,
    accuracy: metrics.task === 'classification' ? metrics.accuracy : NaN,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    peaks,
    forestNodes: model.forest.trees.reduce((a, t) => a + t.nodeCount, 0),
  }),
);
