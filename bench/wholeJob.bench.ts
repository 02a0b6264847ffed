/**
 * The whole job on generated tables (bench/generateTable.ts), Lime Lens against the Python stack
 * in the same run, each in a fresh process timed from spawn to exit:
 *  - ours: the bundled engine with trees on threads (bench/child/wholeJob.ts);
 *  - Python: pandas.read_csv, train_test_split (stratified), RandomForestClassifier(100,
 *    n_jobs=-1), accuracy/AUC/confusion matrix, feature_importances_ and permutation_importance on
 *    as many test rows as ours (PERMUTATION_MAX_ROWS) (n_jobs=-1), lime's explain_instance of one test row.
 * `runWholeJobBench` gives table rows; `runScaleBench` (npm run bench -- --scale) times 10 000 to
 * 500 000 rows and draws the cost curves into docs/scale.png.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as echarts from 'echarts';
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntries } from './bundle';
import type { Row } from './forest.bench';
import { writeGeneratedCsv } from './generateTable';
import { limePythonPath, PYTHON } from './pythonStack';
import { PERMUTATION_MAX_ROWS } from '../src-main/engine/importance/permutationSample';
import { SEMI_SPACE_MB } from '../src-main/worker/youngGeneration';

const PY_WHOLE_JOB = String.raw`
import json, resource, sys, time
t0 = time.perf_counter()
import numpy as np, pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, roc_auc_score, confusion_matrix
from sklearn.inspection import permutation_importance
from lime.lime_tabular import LimeTabularExplainer
path, trees = sys.argv[1], int(sys.argv[2])
t_imp = time.perf_counter()
df = pd.read_csv(path)
t_read = time.perf_counter()
X = df.drop(columns=["label"]).to_numpy(dtype=float)
y = df["label"].to_numpy()
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)
t_split = time.perf_counter()
rf = RandomForestClassifier(n_estimators=trees, n_jobs=-1, random_state=42).fit(Xtr, ytr)
t_fit = time.perf_counter()
proba = rf.predict_proba(Xte)
pred = rf.classes_[np.argmax(proba, axis=1)]
acc = accuracy_score(yte, pred)
auc = roc_auc_score(yte, proba[:, 1])
cm = confusion_matrix(yte, pred)
imp = rf.feature_importances_
idx = np.random.RandomState(42).choice(len(Xte), min(int(sys.argv[3]), len(Xte)), replace=False)
t_metrics = time.perf_counter()
perm = permutation_importance(rf, Xte[idx], yte[idx], n_repeats=5, random_state=42, n_jobs=-1)
t_perm = time.perf_counter()
explainer = LimeTabularExplainer(Xtr, discretizer="quartile", random_state=42)
explainer.explain_instance(Xte[0], rf.predict_proba, num_features=8, num_samples=5000)
t_end = time.perf_counter()
ms = lambda a, b: (b - a) * 1000
print(json.dumps({
    "imports": ms(t0, t_imp), "read": ms(t_imp, t_read), "beforeTrees": ms(t0, t_split),
    "trees": ms(t_split, t_fit), "permutation": ms(t_metrics, t_perm), "explain": ms(t_perm, t_end),
    "accuracy": acc, "maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
`;

export interface JobTimes {
  /** Spawn to exit, ms. */
  wall: number;
  read: number;
  beforeTrees: number;
  trees: number;
  permutation: number;
  explain: number;
  accuracy: number;
  maxRssMB: number;
}

function timedJson(cmd: string, args: string[], env: NodeJS.ProcessEnv): JobTimes | string {
  const t = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const wall = performance.now() - t;
  if (r.status !== 0) return (r.stderr || r.error?.message || 'failed').trim().split('\n').pop() as string;
  return { wall, ...(JSON.parse(r.stdout.trim().split('\n').pop() as string) as Omit<JobTimes, 'wall'>) };
}

/** A generated table of `rows` rows, cached for the run. */
function table(dir: string, rows: number): { path: string; bytes: number } {
  const path = join(dir, `generated_${rows}.csv`);
  if (!existsSync(path)) writeGeneratedCsv(path, rows);
  return { path, bytes: statSync(path).size };
}

export interface SizeResult {
  rows: number;
  bytes: number;
  ours: JobTimes | string;
  python: JobTimes | string;
}

async function timeSizes(sizes: readonly number[], trees: number): Promise<SizeResult[]> {
  const built = await bundleEntries(['bench/child/wholeJob.ts', 'src-main/worker/forestThread.ts']);
  const data = join(tmpdir(), 'lime-lens-bench-tables');
  mkdirSync(data, { recursive: true });
  const lime = limePythonPath();
  const pyEnv = { ...process.env, ...(lime && { PYTHONPATH: lime }) };
  const out: SizeResult[] = [];
  try {
    for (const rows of sizes) {
      const { path, bytes } = table(data, rows);
      // The young-generation size the app's compute thread and the CLI train with (youngGeneration.ts).
      const ours = timedJson(
        process.execPath,
        [`--max-semi-space-size=${SEMI_SPACE_MB}`, fileURLToPath(built.url('wholeJob')), path, String(trees)],
        { ...process.env },
      );
      const python = timedJson(
        PYTHON,
        ['-c', PY_WHOLE_JOB, path, String(trees), String(PERMUTATION_MAX_ROWS)],
        pyEnv,
      );
      out.push({ rows, bytes, ours, python });
      console.error(`  whole job ${rows} rows: ours ${fmtS(ours)}, Python ${fmtS(python)}`);
    }
  } finally {
    rmSync(built.dir, { recursive: true, force: true });
  }
  return out;
}

const fmtS = (t: JobTimes | string) => (typeof t === 'string' ? t : `${(t.wall / 1000).toFixed(1)} s`);

function rowsOf(results: readonly SizeResult[], trees: number): Row[] {
  return results.map(({ rows, bytes, ours, python }) => {
    const mb = bytes / 1e6;
    const py = typeof python === 'string' ? undefined : python;
    const name = `whole job, ${rows.toLocaleString('en')} × 30 CSV (${mb.toFixed(0)} MB), ${trees} trees`;
    if (typeof ours === 'string')
      return { name, ours_ms: NaN, reference: 'pandas + sklearn + lime', note: ours };
    const stages =
      `read ${(ours.read / 1000).toFixed(1)} s, before trees ${(ours.beforeTrees / 1000).toFixed(1)} s, ` +
      `trees ${(ours.trees / 1000).toFixed(1)} s, permutation ${(ours.permutation / 1000).toFixed(1)} s, ` +
      `explain ${ours.explain.toFixed(0)} ms; accuracy ${(ours.accuracy * 100).toFixed(1)}% ` +
      `vs ${py ? (py.accuracy * 100).toFixed(1) : '?'}%; peak ${ours.maxRssMB.toFixed(0)} MB ` +
      `(${(ours.maxRssMB / mb).toFixed(1)}× the CSV) vs ${py ? py.maxRssMB.toFixed(0) : '?'} MB; ` +
      (py
        ? `Python: read ${(py.read / 1000).toFixed(1)} s, fit ${(py.trees / 1000).toFixed(1)} s, permutation ${(py.permutation / 1000).toFixed(1)} s`
        : `Python: ${String(python)}`);
    return {
      name,
      ours_ms: ours.wall,
      ...(py && { reference_ms: py.wall }),
      reference: 'pandas + sklearn (n_jobs=-1) + lime',
      note: stages,
    };
  });
}

/** Whole-job rows at 100 000 and 500 000 rows (quick: 100 000 only). */
export async function runWholeJobBench({ quick = false } = {}): Promise<Row[]> {
  const trees = 100;
  return rowsOf(await timeSizes(quick ? [100_000] : [100_000, 500_000], trees), trees);
}

/** Cost curves: the whole job at 10 000 … 500 000 rows, table rows plus docs/scale.png. */
export async function runScaleBench({ quick = false } = {}): Promise<Row[]> {
  const trees = 100;
  const sizes = quick ? [10_000, 50_000] : [10_000, 50_000, 100_000, 500_000];
  const results = await timeSizes(sizes, trees);
  const png = fileURLToPath(new URL('../docs/scale.png', import.meta.url));
  const note = await drawScaleChart(results, png);
  return [...rowsOf(results, trees), { name: 'cost-curve chart', ours_ms: NaN, reference: '—', note }];
}

/** Time against rows, log–log, one line per stack: ECharts SSR SVG, rasterised by Chromium. */
export async function drawScaleChart(results: readonly SizeResult[], png: string): Promise<string> {
  const line = (pick: (r: SizeResult) => JobTimes | string) =>
    results.flatMap((r) => {
      const t = pick(r);
      return typeof t === 'string' ? [] : [[r.rows, t.wall / 1000]];
    });
  const svg = renderScaleSvg(
    line((r) => r.ours),
    line((r) => r.python),
  );
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromiumPath)) {
    const browser = await chromium.launch({ executablePath: chromiumPath });
    try {
      const page = await browser.newPage({ viewport: { width: 800, height: 480 }, deviceScaleFactor: 2 });
      await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
      await page.screenshot({ path: png, clip: { x: 0, y: 0, width: 800, height: 480 } });
      return `written to docs/${png.split('/').pop()}`;
    } finally {
      await browser.close();
    }
  }
  // No Chromium: ImageMagick's own SVG renderer (plainer output).
  const svgPath = png.replace(/\.png$/, '.svg');
  writeFileSync(svgPath, svg);
  try {
    execFileSync('convert', ['-density', '144', svgPath, png]);
    rmSync(svgPath);
    return `written to docs/${png.split('/').pop()} (ImageMagick)`;
  } catch (e) {
    return `SVG at ${svgPath}; PNG failed: ${(e as Error).message.split('\n')[0]}`;
  }
}

function renderScaleSvg(ours: number[][], python: number[][]): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 480 });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    title: {
      text: 'Whole job (read, split, 100 trees, metrics, importances, one explanation)',
      left: 'center',
      textStyle: { fontSize: 14 },
    },
    legend: { top: 30, data: ['Lime Lens', 'pandas + scikit-learn + lime'] },
    grid: { left: 70, right: 30, top: 70, bottom: 60 },
    xAxis: {
      type: 'log',
      name: 'rows (× 30 features)',
      nameLocation: 'middle',
      nameGap: 32,
      min: 5000,
      max: 1_000_000,
    },
    yAxis: { type: 'log', name: 'seconds', nameLocation: 'middle', nameGap: 45 },
    series: [
      {
        name: 'Lime Lens',
        type: 'line',
        data: ours,
        symbolSize: 8,
        label: { show: true, position: 'left', formatter: (p: { value: number[] }) => p.value[1].toFixed(1) },
      },
      {
        name: 'pandas + scikit-learn + lime',
        type: 'line',
        data: python,
        symbolSize: 8,
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number[] }) => p.value[1].toFixed(1),
        },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
