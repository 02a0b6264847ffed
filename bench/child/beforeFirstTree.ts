/**
 * Run in a fresh process: the steps before the first tree of the whole job (bench/child/wholeJob.ts),
 * one after another as trainModel runs them, each timed in wall and CPU milliseconds (user +
 * system of the whole process, so on a loaded machine CPU time is the steadier figure).
 * Prints one JSON line: { steps: { name: [wallMs, cpuMs] }, totalWall, totalCpu, rows }.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  buildModelFrame,
  defaultTrainSettings,
  fitImputer,
  loadDataset,
  stratifiedSplit,
} from '../../src-main/engine';
import { binColumns } from '../../src-main/engine/forest/histogramSplit';
import { finiteColumns } from '../../src-main/engine/forest/matrixInput';
import { frameRows, imputedColumns } from '../../src-main/engine/data/imputer';

const [file] = process.argv.slice(2);
const steps: Record<string, [number, number]> = {};
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function step<T>(name: string, run: () => T): T {
  const w = performance.now();
  const c = cpu();
  const out = run();
  steps[name] = [Math.round(performance.now() - w), Math.round(cpu() - c)];
  return out;
}
const w0 = performance.now();
const c0 = cpu();
const bytes = await readFile(file);
steps.readFile = [Math.round(performance.now() - w0), Math.round(cpu() - c0)];
const dataset = step('loadCsv', () => loadDataset(bytes, basename(file)));
const settings = defaultTrainSettings(dataset, 'label', { nEstimators: 100 });
const frame = step('modelFrame', () => buildModelFrame(dataset, settings));
const split = step('split', () =>
  stratifiedSplit(frame.y, {
    testFraction: settings.testFraction,
    seed: settings.seed,
    stratify: true,
    classNames: frame.classes,
  }),
);
const imputer = step('imputerFit', () => fitImputer(frame, split.train, frame.featureKinds, frame));
// trainModel builds the test rows only; the training rows stay columns.
step('testRows', () => frameRows(frame, imputer.fillValues, split.test));
// As the forest bins them in trainModel: from the frame's columns, imputed (finite-checked).
step('forestBins', () =>
  binColumns(
    split.train.length,
    frame.featureNames.length,
    finiteColumns(imputedColumns(frame, imputer.fillValues, split.train), split.train.length),
  ),
);
console.log(
  JSON.stringify({
    rows: dataset.rowCount,
    steps,
    totalWall: Math.round(performance.now() - w0),
    totalCpu: Math.round(cpu() - c0),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
