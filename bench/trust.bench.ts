/**
 * Trust benchmarks on breast cancer (100 trees, 30 features): LIME stability (10 seeds × 5000
 * samples), exact TreeSHAP on one case and on every test row, and SP-LIME over the test rows —
 * ours next to Python `lime` (stability as 10 explain_instance calls, SP-LIME as
 * submodular_pick) with a scikit-learn forest. No SHAP package is installed here, and a brute-force
 * Shapley computation over 30 features (2^30 coalitions per row) is not a runnable reference, so
 * the SHAP rows carry no reference (the tests compare TreeSHAP with brute force on small trees).
 *
 *   npx tsx bench/trust.bench.ts           prints the table
 *   runTrustBench() from bench/run.ts      returns the rows
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DEFAULT_LIME_SETTINGS,
  TreeShapExplainer,
  defaultTrainSettings,
  explainEncodedRow,
  explainerFor,
  limeStability,
  loadDataset,
  stabilitySeeds,
  submodularPick,
  trainModel,
  treeShap,
  type RandomForestClassifier,
} from '../src-main/engine';
import { formatRows, type Row } from './forest.bench';
import { limePythonPath, PYTHON } from './pythonStack';

const PYTHON_SCRIPT = String.raw`
import json, sys, time
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from lime.lime_tabular import LimeTabularExplainer
from lime import submodular_pick
d = sys.argv[1]
train = np.loadtxt(f"{d}/train.csv", delimiter=",", ndmin=2)
test = np.loadtxt(f"{d}/test.csv", delimiter=",", ndmin=2)
Xtr, ytr, Xte = train[:, :-1], train[:, -1].astype(int), test[:, :-1]
model = RandomForestClassifier(n_estimators=100, n_jobs=1, random_state=0).fit(Xtr, ytr)
out = {}
t0 = time.perf_counter()
for seed in range(10):
    LimeTabularExplainer(Xtr, random_state=seed).explain_instance(Xte[16], model.predict_proba, num_features=8, num_samples=5000)
out["stability"] = (time.perf_counter() - t0) * 1000
explainer = LimeTabularExplainer(Xtr, random_state=0)
t0 = time.perf_counter()
submodular_pick.SubmodularPick(explainer, Xte, model.predict_proba, method='full', num_features=8, num_exps_desired=5)
out["sp"] = (time.perf_counter() - t0) * 1000
print(json.dumps(out))
`;

function pythonReference(
  train: number[][],
  y: number[],
  test: number[][],
): { stability: number; sp: number } | null {
  const limePath = limePythonPath();
  if (!limePath) return null;
  const env = { ...process.env, PYTHONPATH: limePath };
  try {
    execFileSync(PYTHON, ['-c', 'import lime.lime_tabular, lime.submodular_pick, sklearn'], {
      stdio: 'ignore',
      env,
    });
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'trust-bench-'));
  try {
    writeFileSync(join(dir, 'train.csv'), train.map((r, i) => [...r, y[i]].join(',')).join('\n') + '\n');
    writeFileSync(join(dir, 'test.csv'), test.map((r) => [...r, 0].join(',')).join('\n') + '\n');
    const out = execFileSync(PYTHON, ['-c', PYTHON_SCRIPT, dir], { encoding: 'utf8', env });
    return JSON.parse(out) as { stability: number; sp: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function runTrustBench({ quick = false } = {}): Promise<Row[]> {
  const file = fileURLToPath(new URL('../assets/samples/breast_cancer.csv', import.meta.url));
  const dataset = loadDataset(new Uint8Array(readFileSync(file)), 'breast_cancer.csv');
  const model = trainModel(dataset, defaultTrainSettings(dataset, 'diagnosis'));
  const forest = model.forest as RandomForestClassifier;
  forest.prepareFastPredict();
  const settings = DEFAULT_LIME_SETTINGS;
  const explainer = explainerFor(model, settings);
  const flat = { predictFlat: (x: Float64Array, n: number, d: number) => forest.predictProbaFlat(x, n, d) };
  // Live even with --quick: the reference costs ~15 s and the ratio is what this section is for.
  const python = pythonReference(model.xTrain, model.yTrain, model.xTest);
  const reference = python ? 'Python lime + scikit-learn forest, this run' : '—';
  const note = python ? '' : `${PYTHON} cannot import the reference lime (see bench/pythonStack.ts)`;
  const rows: Row[] = [];

  await limeStability(explainer, model.xTest[16], flat, { seeds: [0], numFeatures: 8, numSamples: 5000 });
  let t = performance.now();
  const s = await limeStability(explainer, model.xTest[16], flat, {
    seeds: stabilitySeeds(0, 10),
    numFeatures: 8,
    numSamples: 5000,
  });
  rows.push({
    name: 'Stability: 10 seeds × 5000 samples, one case (one thread)',
    ours_ms: performance.now() - t,
    ...(python && { reference_ms: python.stability }),
    reference,
    note: [`Jaccard ${s.jaccard.toFixed(2)}; the app spreads the runs over the worker's pool`, note]
      .filter(Boolean)
      .join('; '),
  });

  const shap = new TreeShapExplainer(forest);
  const out = new Float64Array(2 * 30);
  const times: number[] = [];
  for (let i = 0; i < (quick ? 20 : 100); i++) {
    const t0 = performance.now();
    shap.shapInto(model.xTest[i % model.xTest.length], out);
    times.push(performance.now() - t0);
  }
  rows.push({
    name: 'TreeSHAP: one case (100 trees, 30 features, exact)',
    ours_ms: median(times),
    reference: '—',
    note: 'no SHAP package installed; brute force over 30 features is 2^30 coalitions (tests check brute force on small trees)',
  });
  treeShap(forest, model.xTest[0]);
  t = performance.now();
  for (const row of model.xTest) shap.shapInto(row, out);
  rows.push({
    name: `TreeSHAP: all ${model.xTest.length} test rows`,
    ours_ms: performance.now() - t,
    reference: '—',
    note: 'one thread, the worker job runs the same loop',
  });

  t = performance.now();
  const explanations = [];
  for (const row of model.xTest) {
    const e = await explainEncodedRow(explainer, forest, model.frame, row, settings);
    explanations.push({ weights: e.weights.map((w) => [w.condition, w.weight] as const) });
  }
  const sp = submodularPick(explanations, 5);
  rows.push({
    name: `SP-LIME: all ${model.xTest.length} test rows, pick 5 (one thread)`,
    ours_ms: performance.now() - t,
    ...(python && { reference_ms: python.sp }),
    reference,
    note: [
      `coverage ${(sp.coverage / sp.importance.reduce((a, b) => a + b, 0)).toFixed(2)} of total importance`,
      note,
    ]
      .filter(Boolean)
      .join('; '),
  });
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatRows(await runTrustBench({ quick: process.argv.includes('--quick') })));
}
