/**
 * Forest benchmarks: training 100 trees and predictProba, ours side by side with ml-random-forest
 * and (when Debian's python3 has scikit-learn) scikit-learn with n_jobs=1, timed inside Python.
 *
 *   npx tsx bench/forest.bench.ts            prints the table
 *   runForestBench() from bench/run.ts       returns the rows
 *
 * Times are medians of several runs (first run discarded as warm-up where it is cheap).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RandomForestClassifier as MlRandomForestClassifier } from 'ml-random-forest';
import { compileMeanLeafValues } from '../src-main/engine/forest/compiledForest';
import { packTrees } from '../src-main/engine/forest/packedForest';
import { RandomForestClassifier } from '../src-main/engine/forest/RandomForestClassifier';
import { createRng } from '../src-main/engine/random/rng';
import { stratifiedSplit } from '../src-main/engine/split/stratifiedSplit';

export interface Row {
  name: string;
  ours_ms: number;
  reference_ms?: number;
  reference: string;
  note?: string;
}

interface Table {
  X: number[][];
  y: number[];
}

const PYTHON = '/usr/bin/python3';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeRuns(runs: number, fn: () => void, warmup = true): number {
  if (warmup) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function loadBreastCancer(): Table {
  const file = fileURLToPath(new URL('../assets/samples/breast_cancer.csv', import.meta.url));
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1);
  const rows = lines.map((l) => l.split(','));
  return {
    X: rows.map((r) => r.slice(0, -1).map(Number)),
    y: rows.map((r) => (r[r.length - 1] === 'malignant' ? 1 : 0)),
  };
}

/** Two classes from a noisy linear rule on 6 of 30 Gaussian features (5% labels flipped). */
function generateClassification(nRows: number, nFeatures: number, seed: number): Table {
  const rng = createRng(seed);
  const weights = [1.5, -2, 1, 0.8, -1.2, 0.6];
  const X: number[][] = [];
  const y: number[] = [];
  for (let r = 0; r < nRows; r++) {
    const row = Array.from({ length: nFeatures }, () => rng.normal());
    let z = 0;
    for (let j = 0; j < weights.length; j++) z += weights[j] * row[j];
    z += 0.5 * row[6] * row[7]; // a little interaction for the trees to find
    let label = z > 0 ? 1 : 0;
    if (rng.next() < 0.05) label = 1 - label;
    X.push(row);
    y.push(label);
  }
  return { X, y };
}

/** `n` rows drawn from `X` with Gaussian noise of 5% of each column's standard deviation. */
function jitterRows(X: number[][], n: number, seed: number): number[][] {
  const rng = createRng(seed);
  const p = X[0].length;
  const sd = Array.from({ length: p }, (_, f) => {
    const mean = X.reduce((a, r) => a + r[f], 0) / X.length;
    return Math.sqrt(X.reduce((a, r) => a + (r[f] - mean) ** 2, 0) / X.length);
  });
  return Array.from({ length: n }, () => {
    const base = X[rng.int(X.length)];
    return base.map((v, f) => v + 0.05 * sd[f] * rng.normal());
  });
}

function writeCsv(path: string, X: number[][], y?: number[]): void {
  const lines = X.map((r, i) => (y ? [...r, y[i]] : r).join(','));
  writeFileSync(path, lines.join('\n') + '\n');
}

function hasSklearn(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const SKLEARN_SCRIPT = String.raw`
import json, sys, time
import numpy as np
from sklearn.ensemble import RandomForestClassifier

d = sys.argv[1]
def load(name):
    return np.loadtxt(f"{d}/{name}", delimiter=",", ndmin=2)
def med(xs):
    return float(np.median(xs))
def fit_times(data, runs):
    X, y = data[:, :-1], data[:, -1].astype(int)
    times, model = [], None
    for i in range(runs):
        t0 = time.perf_counter()
        model = RandomForestClassifier(n_estimators=100, n_jobs=1, random_state=i).fit(X, y)
        times.append((time.perf_counter() - t0) * 1000)
    return med(times), model
def proba_times(model, X, runs):
    model.predict_proba(X[:10])
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        model.predict_proba(X)
        times.append((time.perf_counter() - t0) * 1000)
    return med(times)
out = {}
bc_ms, bc_model = fit_times(load("bc_train.csv"), int(sys.argv[2]))
out["train_bc"] = bc_ms
out["train_big"], _ = fit_times(load("big_train.csv"), int(sys.argv[3]))
out["proba_5k"] = proba_times(bc_model, load("predict_5k.csv"), 7)
out["proba_100k"] = proba_times(bc_model, load("predict_100k.csv"), 3)
import sklearn
out["version"] = sklearn.__version__
print(json.dumps(out))
`;

interface SklearnTimes {
  train_bc: number;
  train_big: number;
  proba_5k: number;
  proba_100k: number;
  version: string;
}

/** Runs every forest benchmark; `quick` cuts the repetitions (for a smoke run). */
export async function runForestBench({ quick = false } = {}): Promise<Row[]> {
  const runs = quick ? 3 : 9;
  const bc = loadBreastCancer();
  const split = stratifiedSplit(bc.y, { testFraction: 0.2, seed: 42 });
  const train: Table = {
    X: Array.from(split.train, (i) => bc.X[i]),
    y: Array.from(split.train, (i) => bc.y[i]),
  };
  const big = generateClassification(20_000, 30, 7);
  const predict5k = jitterRows(bc.X, 5_000, 1);
  const predict100k = jitterRows(bc.X, 100_000, 2);

  const rows: Row[] = [];
  let model = new RandomForestClassifier({ nEstimators: 100, seed: 1 });
  const oursBc = timeRuns(runs, () => {
    model = new RandomForestClassifier({ nEstimators: 100, seed: 1 }).train(train.X, train.y);
  });
  const oursBig = timeRuns(
    quick ? 1 : 3,
    () => {
      new RandomForestClassifier({ nEstimators: 100, seed: 1 }).train(big.X, big.y);
    },
    false,
  );
  const flat5k = Float64Array.from(predict5k.flat());
  const flat100k = Float64Array.from(predict100k.flat());
  const oursProba5k = timeRuns(runs * 2, () => model.predictProbaFlat(flat5k, 5_000, 30));
  const oursProba5kRows = timeRuns(runs * 2, () => model.predictProba(predict5k));
  const oursProba100k = timeRuns(quick ? 2 : 5, () => model.predictProbaFlat(flat100k, 100_000, 30));
  // compiledForest.ts (trees as generated code), the LIME hot path's option: one-off cost first.
  const t0 = performance.now();
  const compiled = compileMeanLeafValues(packTrees(model.trees, model.nClasses));
  compiled?.(flat5k, 5_000, 30);
  const compileAndFirstCall = performance.now() - t0;
  const compiled5k = compiled ? timeRuns(runs * 2, () => compiled(flat5k, 5_000, 30)) : undefined;
  const compiled100k = compiled ? timeRuns(quick ? 2 : 5, () => compiled(flat100k, 100_000, 30)) : undefined;

  // ml-random-forest with its defaults (features drawn once per tree, all of them) and 100 trees.
  const mlRuns = quick ? 1 : 3;
  const mlBc = timeRuns(
    mlRuns,
    () => {
      new MlRandomForestClassifier({ nEstimators: 100, seed: 1, noOOB: true }).train(train.X, train.y);
    },
    false,
  );
  rows.push({
    name: 'train 100 trees, breast cancer 455×30',
    ours_ms: oursBc,
    reference_ms: mlBc,
    reference: 'ml-random-forest 2.1',
    note: `median of ${mlRuns} (theirs), ${runs} (ours)`,
  });
  rows.push({
    name: 'train 100 trees, generated 20 000×30',
    ours_ms: oursBig,
    reference: 'ml-random-forest 2.1',
    note: 'not run: ml-cart re-sorts every candidate split, so 20 000 rows take minutes',
  });

  let sk: SklearnTimes | null = null;
  let skipReason = '';
  if (hasSklearn()) {
    const dir = mkdtempSync(join(tmpdir(), 'lime-lens-forest-bench-'));
    try {
      writeCsv(join(dir, 'bc_train.csv'), train.X, train.y);
      writeCsv(join(dir, 'big_train.csv'), big.X, big.y);
      writeCsv(join(dir, 'predict_5k.csv'), predict5k);
      writeCsv(join(dir, 'predict_100k.csv'), predict100k);
      writeFileSync(join(dir, 'bench.py'), SKLEARN_SCRIPT);
      const out = execFileSync(
        PYTHON,
        [join(dir, 'bench.py'), dir, String(quick ? 3 : runs), String(quick ? 1 : 3)],
        { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' } },
      );
      sk = JSON.parse(out.trim().split('\n').pop() as string) as SklearnTimes;
    } catch (e) {
      skipReason = `scikit-learn run failed: ${(e as Error).message.split('\n')[0]}`;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    skipReason = `${PYTHON} has no scikit-learn (apt install python3-sklearn)`;
  }
  const skName = sk ? `scikit-learn ${sk.version} (n_jobs=1)` : 'scikit-learn';
  const skRow = (name: string, ours: number, ref: number | undefined, note?: string): Row => ({
    name,
    ours_ms: ours,
    reference: skName,
    ...(sk ? { reference_ms: ref } : { note: skipReason }),
    ...(sk && note ? { note } : {}),
  });
  rows.push(skRow('train 100 trees, breast cancer 455×30', oursBc, sk?.train_bc));
  rows.push(skRow('train 100 trees, generated 20 000×30', oursBig, sk?.train_big));
  rows.push(skRow('predictProbaFlat 5 000 rows (bc model)', oursProba5k, sk?.proba_5k));
  rows.push(
    skRow(
      'predictProba 5 000 rows, number[][] in/out',
      oursProba5kRows,
      sk?.proba_5k,
      'includes copying rows in and out',
    ),
  );
  rows.push(skRow('predictProbaFlat 100 000 rows (bc model)', oursProba100k, sk?.proba_100k));
  if (compiled5k !== undefined && compiled100k !== undefined) {
    const once = `compile + first call ${compileAndFirstCall.toFixed(0)} ms once`;
    rows.push(skRow('compiled forest, 5 000 rows', compiled5k, sk?.proba_5k, once));
    rows.push(skRow('compiled forest, 100 000 rows', compiled100k, sk?.proba_100k));
  }
  return rows;
}

export function formatRows(rows: readonly Row[]): string {
  const fmt = (ms: number | undefined): string =>
    ms === undefined || !Number.isFinite(ms)
      ? '—'
      : ms >= 100
        ? ms.toFixed(0)
        : ms >= 10
          ? ms.toFixed(1)
          : ms.toFixed(2);
  const table = rows.map((r) => [
    r.name,
    fmt(r.ours_ms),
    fmt(r.reference_ms),
    r.reference_ms === undefined ? '—' : `${(r.reference_ms / r.ours_ms).toFixed(2)}×`,
    r.reference,
    r.note ?? '',
  ]);
  const head = ['benchmark', 'ours ms', 'ref ms', 'ref/ours', 'reference', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  runForestBench({ quick }).then(
    (rows) => console.log(formatRows(rows)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
