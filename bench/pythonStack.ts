/**
 * The Python side of the benchmarks, timed live in the same run: Debian's python3 with pandas and
 * scikit-learn, and the reference `lime` from its source folder (never bundled with the app).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PYTHON = '/usr/bin/python3';

/** Where the reference lime lives: $LIME_PYTHONPATH, the team's shared folder, or ../shared beside the repo. */
export function limePythonPath(): string | null {
  const candidates = [
    process.env.LIME_PYTHONPATH,
    '/work/shared/reference/python-lime',
    fileURLToPath(new URL('../../shared/reference/python-lime', import.meta.url)),
  ];
  return candidates.find((p) => p && existsSync(join(p, 'lime', 'lime_tabular.py'))) ?? null;
}

/**
 * Runs `script` with `args`; returns the JSON printed on its last line, or an error message.
 * `oneThread` pins BLAS/OpenMP to one thread (Python `lime` "on one thread").
 */
export function runPython<T>(
  script: string,
  args: readonly string[],
  options: { oneThread?: boolean; withLime?: boolean; timeoutMs?: number } = {},
): { ok: true; value: T } | { ok: false; error: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (options.oneThread) {
    env.OMP_NUM_THREADS = '1';
    env.OPENBLAS_NUM_THREADS = '1';
    env.MKL_NUM_THREADS = '1';
  }
  if (options.withLime) {
    const path = limePythonPath();
    if (!path) return { ok: false, error: 'reference lime not found (set LIME_PYTHONPATH)' };
    env.PYTHONPATH = [path, env.PYTHONPATH].filter(Boolean).join(':');
  }
  const dir = mkdtempSync(join(tmpdir(), 'lime-lens-py-'));
  try {
    writeFileSync(join(dir, 'bench.py'), script);
    const out = execFileSync(PYTHON, [join(dir, 'bench.py'), ...args], {
      encoding: 'utf8',
      env,
      maxBuffer: 64 << 20,
      timeout: options.timeoutMs ?? 3_600_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: true, value: JSON.parse(out.trim().split('\n').pop() as string) as T };
  } catch (e) {
    const err = e as Error & { stderr?: string };
    const detail = (err.stderr ?? '').trim().split('\n').pop() || err.message.split('\n')[0];
    return { ok: false, error: `python failed: ${detail}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The reference workflow in Python: a scikit-learn forest (100 trees, seed 42, n_jobs=1) on our
 * split's imputed rows, LimeTabularExplainer with quartiles, 8 features, 5000 samples.
 * cold = the first explain_instance after fitting (in this fresh process); warm = median of
 * later ones of the same row; all = every test row one by one.
 */
export const PY_LIME_REFERENCE = String.raw`
import json, sys, time
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from lime.lime_tabular import LimeTabularExplainer
d, runs = sys.argv[1], int(sys.argv[2])
train = np.loadtxt(f"{d}/train.csv", delimiter=",", ndmin=2)
test = np.loadtxt(f"{d}/test.csv", delimiter=",", ndmin=2)
Xtr, ytr, Xte = train[:, :-1], train[:, -1].astype(int), test[:, :-1]
model = RandomForestClassifier(n_estimators=100, random_state=42, n_jobs=1).fit(Xtr, ytr)
explainer = LimeTabularExplainer(Xtr, discretize_continuous=True, discretizer="quartile", random_state=42)
def explain(row):
    label = int(np.argmax(model.predict_proba(row.reshape(1, -1))[0]))
    return explainer.explain_instance(row, model.predict_proba, labels=(label,), num_features=8, num_samples=5000)
t0 = time.perf_counter(); explain(Xte[0]); cold = (time.perf_counter() - t0) * 1000
times = []
for _ in range(runs):
    t0 = time.perf_counter(); explain(Xte[0]); times.append((time.perf_counter() - t0) * 1000)
t0 = time.perf_counter()
for row in Xte:
    explain(row)
all_ms = (time.perf_counter() - t0) * 1000
import sklearn
print(json.dumps({"cold": cold, "warm": float(np.median(times)), "all": all_ms, "n": len(Xte), "sklearn": sklearn.__version__}))
`;

export interface PythonLimeTimes {
  cold: number;
  warm: number;
  all: number;
  n: number;
  sklearn: string;
}

const limeRuns = new Map<string, ReturnType<typeof pythonLimeReference>>();

/** pythonLimeReference once per `key` and run of the bench (several tables quote the same figures). */
export function pythonLimeOnce(
  key: string,
  ...args: Parameters<typeof pythonLimeReference>
): ReturnType<typeof pythonLimeReference> {
  if (!limeRuns.has(key)) limeRuns.set(key, pythonLimeReference(...args));
  return limeRuns.get(key)!;
}

/** Python lime on the given split (rows already imputed), one thread. */
export function pythonLimeReference(
  xTrain: readonly (readonly number[])[],
  yTrain: readonly number[],
  xTest: readonly (readonly number[])[],
  runs: number,
): { ok: true; value: PythonLimeTimes } | { ok: false; error: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lime-lens-py-data-'));
  try {
    const csv = (rows: readonly (readonly number[])[], y?: readonly number[]) =>
      rows.map((r, i) => [...r, y ? y[i] : 0].join(',')).join('\n') + '\n';
    writeFileSync(join(dir, 'train.csv'), csv(xTrain, yTrain));
    writeFileSync(join(dir, 'test.csv'), csv(xTest));
    return runPython<PythonLimeTimes>(PY_LIME_REFERENCE, [dir, String(runs)], {
      oneThread: true,
      withLime: true,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
