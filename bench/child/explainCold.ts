/**
 * Run in a fresh process by the bench: train the reference workflow, then time the first
 * explanation (cold) and later ones (warm) through the engine API. trainModel's time includes
 * its rehearsal of the explanation path (rehearseExplanations). Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainDataRow,
  loadDataset,
  trainModel,
} from '../../src-main/engine';

const [file] = process.argv.slice(2);
const dataset = loadDataset(new Uint8Array(readFileSync(file)), 'breast_cancer.csv');
let t = performance.now();
const model = trainModel(dataset, defaultTrainSettings(dataset, 'diagnosis'));
const train = performance.now() - t;
const row = model.frame.rowIndex[model.split.test[0]];
t = performance.now();
await explainDataRow(model, dataset, row, DEFAULT_LIME_SETTINGS);
const cold = performance.now() - t;
const times: number[] = [];
for (let i = 0; i < 25; i++) {
  t = performance.now();
  await explainDataRow(model, dataset, row, DEFAULT_LIME_SETTINGS);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ train, cold, warm: times[times.length >> 1] }));
