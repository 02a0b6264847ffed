/**
 * Benchmarks of the product's own paths (not single modules): loading a large CSV,
 * one explanation in the reference workflow (30 features, 8 shown), and every test row
 * explained on all cores through the worker's explain pool.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { availableParallelism } from 'node:os';
import {
  DEFAULT_LIME_SETTINGS,
  encodeDataRow,
  explainDataRow,
  explainerInputs,
  loadDataset,
  trainModel,
  createRng,
  defaultTrainSettings,
} from '../src-main/engine';
import { ExplainPool } from '../src-main/worker/explainPool';
import { ParallelPredictor } from '../src-main/worker/parallelPredictor';
import type { Row } from './forest.bench';
import { pythonLimeOnce } from './pythonStack';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeRuns(runs: number, fn: () => unknown, warmUp = 1): Promise<number> {
  for (let i = 0; i < warmUp; i++) await fn(); // JIT, caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** A 100 000 × 30 numeric CSV with a class column, generated with a fixed seed. */
export function generatedCsv(rows: number, cols: number): Uint8Array {
  const rng = createRng(1);
  const header = [...Array.from({ length: cols }, (_, j) => `feature_${j}`), 'label'].join(',');
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const cells = Array.from({ length: cols }, () => (rng.normal() * 10 + 50).toFixed(4));
    lines.push(`${cells.join(',')},${rng.next() < 0.4 ? 'yes' : 'no'}`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

/** Bundles a worker-thread entry to plain JS, as electron-vite does for the app. */
async function bundledThread(name: string, dir: string): Promise<URL> {
  const outfile = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [fileURLToPath(new URL(`../src-main/worker/${name}.ts`, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
  });
  return pathToFileURL(outfile);
}

export async function runWorkflowBench({ quick = false } = {}): Promise<Row[]> {
  const rows: Row[] = [];
  const runs = quick ? 3 : 9;

  const csv = generatedCsv(100_000, 30);
  rows.push({
    name: `load a 100 000 × 30 CSV (${(csv.length / 1e6).toFixed(1)} MB)`,
    ours_ms: await timeRuns(quick ? 1 : 5, () => loadDataset(csv, 'generated.csv')),
    reference: 'target: well under 2 s',
  });

  const dataset = loadDataset(
    new Uint8Array(readFileSync(new URL('../assets/samples/breast_cancer.csv', import.meta.url))),
    'breast_cancer.csv',
  );
  const settings = defaultTrainSettings(dataset, 'diagnosis');
  rows.push({
    name: 'train + evaluate (pipeline: split, 100 trees, metrics, permutation importance)',
    ours_ms: await timeRuns(runs, () => trainModel(dataset, settings)),
    reference: '—',
  });
  const model = trainModel(dataset, settings);
  const testRows = Array.from(model.split.test, (i) => model.frame.rowIndex[i]);
  const lime = DEFAULT_LIME_SETTINGS;
  // Python lime + scikit-learn on the same split, timed live (one thread).
  const py = pythonLimeOnce('breast-cancer', model.xTrain, model.yTrain, model.xTest, quick ? 5 : 15);
  const pyName = py.ok ? `Python lime + sklearn ${py.value.sklearn}, this run` : `Python lime: ${py.error}`;
  const REFERENCE_ONE_MS = py.ok ? py.value.warm : undefined;
  const REFERENCE_ALL_MS = py.ok ? py.value.all : undefined;
  rows.push({
    name: 'LIME, reference workflow: one test row (30 features, 8 shown, 5000 samples, 100 trees)',
    ours_ms: await timeRuns(quick ? 5 : 21, () => explainDataRow(model, dataset, testRows[0], lime), 10),
    reference_ms: REFERENCE_ONE_MS,
    reference: pyName,
    note: 'target ≤ 12 ms (4×)',
  });

  const threads = mkdtempSync(join(tmpdir(), 'lime-lens-bench-'));
  const predictor = new ParallelPredictor(
    model.forest,
    model.forest.toJSON(),
    await bundledThread('predictThread', threads),
  );
  await predictor.whenReady();
  rows.push({
    name: 'LIME, same row, forest split over 2 threads (as the app explains one case)',
    ours_ms: await timeRuns(
      quick ? 5 : 21,
      () => explainDataRow(model, dataset, testRows[0], lime, { predictor }),
      10,
    ),
    reference_ms: REFERENCE_ONE_MS,
    reference: pyName,
    note: 'target ≤ 12 ms (4×); median after 10 warm-up explanations',
  });
  await predictor.dispose();

  const sequential = await timeRuns(quick ? 1 : 3, async () => {
    for (const r of testRows) await explainDataRow(model, dataset, r, lime);
  });
  rows.push({
    name: `LIME: all ${testRows.length} test rows, one thread`,
    ours_ms: sequential,
    reference_ms: REFERENCE_ALL_MS,
    reference: pyName,
  });
  const data = { inputs: explainerInputs(model), forest: model.forest.toJSON(), settings: lime };
  const explainThread = await bundledThread('explainThread', threads);
  const tasks = testRows.map((r) => ({ instance: encodeDataRow(model, dataset, r) }));
  const pool = new ExplainPool(data, { threadUrl: explainThread });
  let started = performance.now();
  await pool.explain(tasks);
  rows.push({
    name: `LIME: all ${testRows.length} test rows, pool of ${availableParallelism()} threads, cold (threads start, JIT)`,
    ours_ms: performance.now() - started,
    reference_ms: REFERENCE_ALL_MS,
    reference: pyName,
    note: 'the first explain-all after training',
  });
  const warm: number[] = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    started = performance.now();
    await pool.explain(tasks);
    warm.push(performance.now() - started);
  }
  rows.push({
    name: `LIME: all ${testRows.length} test rows, pool of ${availableParallelism()} threads, warm (as the app's explainMany)`,
    ours_ms: median(warm),
    reference_ms: REFERENCE_ALL_MS,
    reference: pyName,
    note: 'target ≤ 1 s (10×); the app keeps the pool per model',
  });
  await pool.dispose();
  rmSync(threads, { recursive: true, force: true });
  return rows;
}
