/**
 * LIME benchmarks: one explanation (5000 samples, 8 features, a 100-tree forest) and every
 * breast-cancer test row (30 features), ours next to Python `lime` with a scikit-learn forest.
 *
 *   npx tsx bench/lime.bench.ts            prints the table
 *   runLimeBench() from bench/run.ts       returns the rows
 *
 * The Python side (Debian's python3 + the reference lime, see pythonStack.ts) is timed in the same
 * run; only if it cannot run are earlier figures reported (and the note says so).
 * Times are medians; the first run of each kind is a discarded warm-up.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RandomForestClassifier } from '../src-main/engine/forest/RandomForestClassifier';
import { LimeTabularExplainer } from '../src-main/engine/lime/limeTabularExplainer';
import { stratifiedSplit } from '../src-main/engine/split/stratifiedSplit';
import { formatRows, type Row } from './forest.bench';
import { runPython } from './pythonStack';

/** Fallbacks when the reference lime cannot run: measured earlier on this machine class. */
const REFERENCE_ONE_MS = 49;
const REFERENCE_ALL_TEST_MS = 10_500;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function timeRuns(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function loadBreastCancer(): { names: string[]; X: number[][]; y: number[] } {
  const file = fileURLToPath(new URL('../assets/samples/breast_cancer.csv', import.meta.url));
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const rows = lines.slice(1).map((l) => l.split(','));
  return {
    names: lines[0].split(',').slice(0, -1),
    X: rows.map((r) => r.slice(0, -1).map(Number)),
    y: rows.map((r) => (r[r.length - 1] === 'malignant' ? 1 : 0)),
  };
}

const PYTHON_LIME_SCRIPT = String.raw`
import json, sys, time
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from lime.lime_tabular import LimeTabularExplainer
d = sys.argv[1]
train = np.loadtxt(f"{d}/train.csv", delimiter=",", ndmin=2)
test = np.loadtxt(f"{d}/test.csv", delimiter=",", ndmin=2)
Xtr, ytr, Xte = train[:, :-1], train[:, -1].astype(int), test[:, :-1]
out = {}
for key, cols in (("one", slice(0, 8)), ("all", slice(0, 30))):
    model = RandomForestClassifier(n_estimators=100, n_jobs=1, random_state=0).fit(Xtr[:, cols], ytr)
    explainer = LimeTabularExplainer(Xtr[:, cols], random_state=0)
    if key == "one":
        explainer.explain_instance(Xte[0, cols], model.predict_proba, num_samples=5000)
        times = []
        for _ in range(int(sys.argv[2])):
            t0 = time.perf_counter()
            explainer.explain_instance(Xte[0, cols], model.predict_proba, num_samples=5000)
            times.append((time.perf_counter() - t0) * 1000)
        out["one"] = float(np.median(times))
    else:
        t0 = time.perf_counter()
        for row in Xte[:, cols]:
            explainer.explain_instance(row, model.predict_proba, num_samples=5000)
        out["all"] = (time.perf_counter() - t0) * 1000
print(json.dumps(out))
`;

function pythonLime(
  train: number[][],
  ytrain: number[],
  test: number[][],
  runs: number,
): { one: number; all: number } | null {
  const dir = mkdtempSync(join(tmpdir(), 'lime-bench-'));
  try {
    writeFileSync(join(dir, 'train.csv'), train.map((r, i) => [...r, ytrain[i]].join(',')).join('\n') + '\n');
    writeFileSync(join(dir, 'test.csv'), test.map((r) => [...r, 0].join(',')).join('\n') + '\n');
    const out = runPython<{ one: number; all: number }>(PYTHON_LIME_SCRIPT, [dir, String(runs)], {
      oneThread: true,
      withLime: true,
    });
    return out.ok ? out.value : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runLimeBench({ quick = false } = {}): Promise<Row[]> {
  const { names, X, y } = loadBreastCancer();
  const { train, test } = stratifiedSplit(y, { testFraction: 0.2, seed: 42 });
  const Xtrain = Array.from(train, (i) => X[i]);
  const ytrain = Array.from(train, (i) => y[i]);
  const Xtest = Array.from(test, (i) => X[i]);
  const runs = quick ? 5 : 15;
  const rows: Row[] = [];
  const python = pythonLime(Xtrain, ytrain, Xtest, runs);
  const reference = python
    ? 'Python lime + scikit-learn forest, this run'
    : 'Python lime + scikit-learn forest';
  const referenceNote = python
    ? ''
    : 'reference figure measured on this machine class (python3 has no lime here)';

  // One explanation: 8 features, 5000 samples, a 100-tree forest scoring the flat neighbourhood.
  const first8 = (r: readonly number[]) => r.slice(0, 8);
  const train8 = Xtrain.map(first8);
  const forest8 = new RandomForestClassifier({ nEstimators: 100, seed: 0 }).train(train8, ytrain);
  const explainer8 = new LimeTabularExplainer(train8, { featureNames: names.slice(0, 8), randomState: 0 });
  const instance = first8(Xtest[0]);
  const flat8 = { predictFlat: (x: Float64Array, n: number, d: number) => forest8.predictProbaFlat(x, n, d) };
  const oneMs = await timeRuns(runs, () => explainer8.explainInstance(instance, flat8, { numSamples: 5000 }));
  // The model's own share: predictProbaFlat on a neighbourhood of the same size.
  let neighbourhood = new Float64Array(0);
  await explainer8.explainInstance(
    instance,
    { predictFlat: (x, n, d) => ((neighbourhood = x.slice()), forest8.predictProbaFlat(x, n, d)) },
    { numSamples: 5000 },
  );
  const predictMs = await timeRuns(runs, () => forest8.predictProbaFlat(neighbourhood, 5000, 8));
  rows.push({
    name: 'LIME: one explanation (5000 samples, 8 features, 100 trees)',
    ours_ms: oneMs,
    reference_ms: python?.one ?? REFERENCE_ONE_MS,
    reference,
    note: [`forest predictProbaFlat ${predictMs.toFixed(1)} ms of it`, referenceNote]
      .filter(Boolean)
      .join('; '),
  });
  const viaRowsMs = await timeRuns(runs, () =>
    explainer8.explainInstance(instance, (r: number[][]) => forest8.predictProba(r), { numSamples: 5000 }),
  );
  rows.push({
    name: 'LIME: same through predictFn(rows) → predictProba',
    ours_ms: viaRowsMs,
    reference_ms: python?.one ?? REFERENCE_ONE_MS,
    reference,
    note: 'one JS array per sample both ways',
  });
  // Stand-in model of negligible cost: what LIME itself costs.
  const standIn = {
    predictFlat: (x: Float64Array, n: number, d: number) => {
      const out = new Float64Array(2 * n);
      for (let r = 0; r < n; r++) {
        const p = 1 / (1 + Math.exp(-(x[r * d] - 14) / 3));
        out[2 * r] = 1 - p;
        out[2 * r + 1] = p;
      }
      return out;
    },
  };
  rows.push({
    name: 'LIME: same, model cost ≈ 0 (sampling, kernel, fit)',
    ours_ms: await timeRuns(runs, () => explainer8.explainInstance(instance, standIn, { numSamples: 5000 })),
    reference: '—',
    note: 'LIME overhead beyond the model',
  });

  // Every breast-cancer test row, all 30 features.
  const forest30 = new RandomForestClassifier({ nEstimators: 100, seed: 0 }).train(Xtrain, ytrain);
  const explainer30 = new LimeTabularExplainer(Xtrain, { featureNames: names, randomState: 0 });
  const flat30 = {
    predictFlat: (x: Float64Array, n: number, d: number) => forest30.predictProbaFlat(x, n, d),
  };
  await explainer30.explainInstance(Xtest[0], flat30);
  let modelMs = 0;
  const timedFlat30 = {
    predictFlat: (x: Float64Array, n: number, d: number) => {
      const t = performance.now();
      const out = forest30.predictProbaFlat(x, n, d);
      modelMs += performance.now() - t;
      return out;
    },
  };
  const t0 = performance.now();
  for (const row of Xtest) await explainer30.explainInstance(row, timedFlat30, { numSamples: 5000 });
  rows.push({
    name: `LIME: all ${Xtest.length} breast-cancer test rows (30 features, 100 trees)`,
    ours_ms: performance.now() - t0,
    reference_ms: python?.all ?? REFERENCE_ALL_TEST_MS,
    reference,
    note: [
      `forest ${modelMs.toFixed(0)} ms of it; one thread here, the worker pool splits rows over both cores`,
      referenceNote,
    ]
      .filter(Boolean)
      .join('; '),
  });
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  runLimeBench({ quick }).then(
    (rows) => console.log(formatRows(rows)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
