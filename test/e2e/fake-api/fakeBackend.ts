/**
 * A FAKE of the main-process API, for looking at the renderer before the real harness exists.
 * It reads the bundled sample CSVs and returns plausible DTOs (Gaussian naive Bayes instead of a
 * forest, occlusion weights instead of LIME). Nothing here is a reference for real numbers; the
 * real e2e harness binds the preload API to the real handlers and worker instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AppInfoDTO,
  ClassificationMetricsDTO,
  ColumnKind,
  ColumnSummaryDTO,
  CorrelationDTO,
  CorrelationRequest,
  DatasetSummaryDTO,
  EventChannel,
  EventMap,
  ExplainRequest,
  ExplanationDTO,
  FeatureDistributionDTO,
  FeatureDistributionRequest,
  ImportanceDTO,
  ModelSettingsDTO,
  Outcome,
  RecentFileDTO,
  RegressionMetricsDTO,
  RowsDTO,
  RowsRequest,
  SampleDTO,
  TestCaseDTO,
  TrainResultDTO,
} from '../../../src-main/contract/ipc';

type Cell = string | number | null;

interface Table {
  readonly fileName: string;
  readonly header: string[];
  readonly kinds: ColumnKind[];
  /** Column-major. */
  readonly columns: Cell[][];
  readonly rowCount: number;
}

interface Model {
  readonly modelId: string;
  readonly datasetId: string;
  readonly settings: ModelSettingsDTO;
  readonly classes: string[];
  readonly features: string[];
  readonly X: number[][];
  readonly y: number[];
  readonly rows: number[];
  readonly train: number[];
  readonly test: number[];
  readonly predict: (x: number[]) => number[];
  readonly targetRange: [number, number];
}

const SAMPLES: SampleDTO[] = [
  {
    id: 'breast_cancer',
    title: 'Breast cancer (Wisconsin)',
    description: '569 tumours, 30 measurements from cell nuclei images; malignant or benign.',
    fileName: 'breast_cancer.csv',
    task: 'classification',
  },
  {
    id: 'iris',
    title: 'Iris flowers',
    description: '150 flowers, 4 measurements; three species.',
    fileName: 'iris.csv',
    task: 'classification',
  },
  {
    id: 'diabetes',
    title: 'Diabetes progression',
    description: '442 patients, 10 baseline variables; disease progression after one year.',
    fileName: 'diabetes.csv',
    task: 'regression',
  },
  {
    id: 'big',
    title: 'Synthetic 100 000 rows (fake only)',
    description: 'Generated 100 000 × 30 table to try the virtualized data table.',
    fileName: 'synthetic_100k.csv',
    task: 'classification',
  },
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function parseCsv(text: string, fileName: string): Table {
  const lines = text
    .replace(/\r/g, '')
    .split('\n')
    .filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const raw = lines.slice(1).map((l) => l.split(','));
  return tableFromRaw(fileName, header, raw);
}

function tableFromRaw(fileName: string, header: string[], raw: string[][]): Table {
  const columns: Cell[][] = header.map(() => []);
  const kinds: ColumnKind[] = [];
  header.forEach((_, j) => {
    const values = raw.map((r) => r[j]?.trim() ?? '');
    const missing = (v: string): boolean => v === '' || v === 'NA' || v === '?';
    const numeric = values.every((v) => missing(v) || Number.isFinite(Number(v)));
    const distinct = new Set(values.filter((v) => !missing(v))).size;
    kinds.push(
      distinct <= 1
        ? 'constant'
        : numeric
          ? 'numeric'
          : distinct === values.length
            ? 'identifier'
            : 'categorical',
    );
    columns[j] = values.map((v) => (missing(v) ? null : numeric ? Number(v) : v));
  });
  return { fileName, header, kinds, columns, rowCount: raw.length };
}

function syntheticTable(): Table {
  const rng = mulberry32(7);
  const n = 100_000;
  const header = Array.from({ length: 30 }, (_, j) => `feature ${String(j + 1).padStart(2, '0')}`).concat(
    'outcome',
  );
  const raw: string[][] = [];
  for (let i = 0; i < n; i++) {
    const cls = rng() < 0.35 ? 1 : 0;
    const row = header.slice(0, 30).map((_, j) => (rng() * 10 + cls * (j % 5) * 0.8).toFixed(3));
    row.push(cls ? 'event' : 'no event');
    raw.push(row);
  }
  return tableFromRaw('synthetic_100k.csv', header, raw);
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

function std(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function histogram(values: number[], bins: number): { edges: number[]; counts: number[] } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const width = (max - min) / bins || 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) => min + i * width);
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / width))] += 1;
  return { edges, counts };
}

function pearson(a: Cell[], b: Cell[]): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (typeof a[i] === 'number' && typeof b[i] === 'number') {
      xs.push(a[i] as number);
      ys.push(b[i] as number);
    }
  }
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Leaf order of average-linkage clustering on 1 − |r| (good enough for a fake). */
function clusterOrder(matrix: number[][]): number[] {
  let clusters = matrix.map((_, i) => [i]);
  const dist = (a: number[], b: number[]): number =>
    mean(a.flatMap((i) => b.map((j) => 1 - Math.abs(Number.isFinite(matrix[i][j]) ? matrix[i][j] : 0))));
  while (clusters.length > 1) {
    let best = [0, 1];
    let bestD = Infinity;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const d = dist(clusters[i], clusters[j]);
        if (d < bestD) {
          bestD = d;
          best = [i, j];
        }
      }
    }
    const merged = [...clusters[best[0]], ...clusters[best[1]]];
    clusters = clusters.filter((_, k) => k !== best[0] && k !== best[1]).concat([merged]);
  }
  return clusters[0];
}

function sortLabels(labels: string[]): string[] {
  return [...labels].sort((a, b) => {
    const na = Number(a);
    const nb = Number(b);
    return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a < b ? -1 : a > b ? 1 : 0;
  });
}

function rocCurve(scores: number[], positives: boolean[]): { fpr: number[]; tpr: number[]; auc: number } {
  const order = scores.map((s, i) => ({ s, p: positives[i] })).sort((a, b) => b.s - a.s);
  const P = positives.filter(Boolean).length;
  const N = positives.length - P;
  const fpr = [0];
  const tpr = [0];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; i++) {
    if (order[i].p) tp++;
    else fp++;
    if (i === order.length - 1 || order[i + 1].s !== order[i].s) {
      fpr.push(N ? fp / N : 0);
      tpr.push(P ? tp / P : 0);
    }
  }
  let auc = 0;
  for (let i = 1; i < fpr.length; i++) auc += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) * 0.5;
  return { fpr, tpr, auc };
}

function prCurve(
  scores: number[],
  positives: boolean[],
): { recall: number[]; precision: number[]; averagePrecision: number } {
  const order = scores.map((s, i) => ({ s, p: positives[i] })).sort((a, b) => b.s - a.s);
  const P = positives.filter(Boolean).length;
  const recall = [0];
  const precision = [1];
  let tp = 0;
  let ap = 0;
  for (let i = 0; i < order.length; i++) {
    if (order[i].p) tp++;
    if (i === order.length - 1 || order[i + 1].s !== order[i].s) {
      const r = P ? tp / P : 0;
      const p = tp / (i + 1);
      ap += (r - recall[recall.length - 1]) * p;
      recall.push(r);
      precision.push(p);
    }
  }
  return { recall, precision, averagePrecision: ap };
}

export interface FakeBackendOptions {
  readonly samplesDir: string;
  readonly locale?: string;
  /** Delay of each progress step, ms (the UI's progress bar and Cancel need time to be seen). */
  readonly stepMillis?: number;
}

export class FakeBackend {
  private readonly tables = new Map<string, Table>();
  private readonly models = new Map<string, Model>();
  private readonly cancelled = new Set<string>();
  private counter = 0;
  emit: <C extends EventChannel>(channel: C, payload: EventMap[C]) => void = () => {};

  constructor(private readonly options: FakeBackendOptions) {}

  async appInfo(): Promise<AppInfoDTO> {
    return {
      name: 'Lime Lens',
      version: '0.1.0 (fake)',
      locale: this.options.locale ?? 'en-US',
      platform: 'linux',
    };
  }

  async listSamples(): Promise<readonly SampleDTO[]> {
    return SAMPLES;
  }

  async recentFiles(): Promise<readonly RecentFileDTO[]> {
    return [
      {
        path: '/home/user/data/ragged_rows.csv',
        fileName: 'ragged_rows.csv',
        openedAt: '2025-11-20T09:14:00Z',
      },
      { path: '/home/user/data/one_class.csv', fileName: 'one_class.csv', openedAt: '2025-11-18T16:02:00Z' },
      {
        path: '/home/user/data/clinic/2025/breast_cancer.csv',
        fileName: 'breast_cancer.csv',
        openedAt: '2025-11-17T11:40:00Z',
      },
    ];
  }

  async openDatasetDialog(): Promise<Outcome<DatasetSummaryDTO> | null> {
    return this.openSample('breast_cancer');
  }

  async openDatasetPath(path: string): Promise<Outcome<DatasetSummaryDTO>> {
    const name = path.split('/').pop() ?? path;
    if (name === 'ragged_rows.csv') {
      return {
        ok: false,
        error: {
          kind: 'user',
          message: `${name}: row 7 (spreadsheet row 8, counting the header) has 5 fields, but the header has 4. Every row needs the same number of fields.`,
          file: name,
          row: 8,
        },
      };
    }
    if (name === 'one_class.csv') {
      return {
        ok: false,
        error: {
          kind: 'user',
          message: `${name}: the target column "diagnosis" has only one class ("benign"). A classifier needs at least two classes.`,
          file: name,
          column: 'diagnosis',
        },
      };
    }
    const sample = SAMPLES.find((s) => s.fileName === name);
    if (sample) return this.openSample(sample.id);
    return { ok: false, error: { kind: 'user', message: `${name}: the file does not exist.`, file: name } };
  }

  async openSample(sampleId: string): Promise<Outcome<DatasetSummaryDTO>> {
    const sample = SAMPLES.find((s) => s.id === sampleId);
    if (!sample) return { ok: false, error: { kind: 'user', message: `Unknown sample ${sampleId}` } };
    const table =
      sample.id === 'big'
        ? syntheticTable()
        : parseCsv(readFileSync(join(this.options.samplesDir, sample.fileName), 'utf8'), sample.fileName);
    const datasetId = `ds-${++this.counter}`;
    this.tables.set(datasetId, table);
    return { ok: true, value: this.summarize(datasetId, table) };
  }

  private summarize(datasetId: string, table: Table): DatasetSummaryDTO {
    const columns: ColumnSummaryDTO[] = table.header.map((name, j) => {
      const cells = table.columns[j];
      const kind = table.kinds[j];
      const present = cells.filter((c) => c !== null);
      const base = { name, kind, missing: cells.length - present.length, distinct: new Set(present).size };
      if (kind === 'numeric') {
        const xs = present as number[];
        let min = Infinity;
        let max = -Infinity;
        for (const x of xs) {
          if (x < min) min = x;
          if (x > max) max = x;
        }
        return { ...base, min, max, mean: mean(xs), std: std(xs), histogram: histogram(xs, 20) };
      }
      const counts = new Map<string, number>();
      for (const c of present) counts.set(String(c), (counts.get(String(c)) ?? 0) + 1);
      return { ...base, categories: [...counts].map(([value, count]) => ({ value, count })) };
    });
    const targetIndex = Math.max(
      0,
      table.header.findIndex((h) => /^(target|diagnosis|label|class|outcome|species|progression)$/i.test(h)),
    );
    const target = table.header[targetIndex >= 0 ? targetIndex : table.header.length - 1];
    const targetColumn = columns.find((c) => c.name === target);
    const task =
      targetColumn?.kind === 'numeric' && targetColumn.distinct > 10 ? 'regression' : 'classification';
    return {
      datasetId,
      fileName: table.fileName,
      format: 'csv',
      encoding: 'UTF-8',
      delimiter: ',',
      rowCount: table.rowCount,
      columns,
      suggestedTarget: target,
      suggestedTask: task,
      suggestedExcluded: columns
        .filter((c) => c.kind === 'identifier' || c.kind === 'constant')
        .map((c) => c.name),
      warnings: [],
      suggestedIdColumn: null,
    };
  }

  async rows(request: RowsRequest): Promise<Outcome<RowsDTO>> {
    const table = this.tables.get(request.datasetId);
    if (!table) return { ok: false, error: { kind: 'internal', message: 'Unknown dataset' } };
    const end = Math.min(table.rowCount, request.offset + request.limit);
    const rows: Cell[][] = [];
    for (let i = request.offset; i < end; i++) rows.push(table.columns.map((c) => c[i]));
    return { ok: true, value: { offset: request.offset, rows } };
  }

  async correlation(request: CorrelationRequest): Promise<Outcome<CorrelationDTO>> {
    const table = this.tables.get(request.datasetId);
    if (!table) return { ok: false, error: { kind: 'internal', message: 'Unknown dataset' } };
    const names = (request.columns ?? table.header.filter((_, j) => table.kinds[j] === 'numeric')).slice();
    // A fake on 100 000 rows correlates a systematic sample, so Node's event loop stays free.
    const stride = Math.max(1, Math.floor(table.rowCount / 5000));
    const cols = names.map((n) => table.columns[table.header.indexOf(n)].filter((_, i) => i % stride === 0));
    const matrix = cols.map((a) => cols.map((b) => pearson(a, b)));
    if (request.order === 'original') return { ok: true, value: { names, matrix } };
    const order = clusterOrder(matrix);
    return {
      ok: true,
      value: { names: order.map((i) => names[i]), matrix: order.map((i) => order.map((j) => matrix[i][j])) },
    };
  }

  async featureDistribution(request: FeatureDistributionRequest): Promise<Outcome<FeatureDistributionDTO>> {
    const table = this.tables.get(request.datasetId);
    if (!table) return { ok: false, error: { kind: 'internal', message: 'Unknown dataset' } };
    const f = table.columns[table.header.indexOf(request.feature)];
    const tIndex = table.header.indexOf(request.target);
    const target = table.columns[tIndex];
    const numericTarget = table.kinds[tIndex] === 'numeric' && new Set(target).size > 10;
    const classes = numericTarget
      ? []
      : sortLabels([...new Set(target.filter((c) => c !== null).map(String))]);
    const xs = f.filter((v): v is number => typeof v === 'number');
    const { edges } = histogram(xs, request.bins ?? 20);
    const bins = edges.length - 1;
    const counts = (numericTarget ? [''] : classes).map(() => new Array<number>(bins).fill(0));
    const min = edges[0];
    const width = (edges[bins] - min) / bins || 1;
    for (let i = 0; i < f.length; i++) {
      if (typeof f[i] !== 'number' || target[i] === null) continue;
      const b = Math.min(bins - 1, Math.floor(((f[i] as number) - min) / width));
      const c = numericTarget ? 0 : classes.indexOf(String(target[i]));
      counts[c][b] += 1;
    }
    return { ok: true, value: { feature: request.feature, classes, edges, counts } };
  }

  async cancelJob(jobId: string): Promise<boolean> {
    this.cancelled.add(jobId);
    return true;
  }

  private async progress(jobId: string, kind: 'train' | 'explain', steps: string[]): Promise<boolean> {
    for (let i = 0; i < steps.length; i++) {
      if (this.cancelled.has(jobId)) return false;
      this.emit('job:progress', { jobId, kind, fraction: i / steps.length, message: steps[i] });
      await sleep(this.options.stepMillis ?? 120);
    }
    if (this.cancelled.has(jobId)) return false;
    this.emit('job:progress', { jobId, kind, fraction: 1, message: 'Done' });
    return true;
  }

  async train(
    jobId: string,
    datasetId: string,
    settings: ModelSettingsDTO,
  ): Promise<Outcome<TrainResultDTO>> {
    const table = this.tables.get(datasetId);
    if (!table) return { ok: false, error: { kind: 'internal', message: 'Unknown dataset' } };
    const started = Date.now();
    const steps = [
      'Preparing data',
      'Splitting',
      ...Array.from(
        { length: 6 },
        (_, i) => `Growing trees ${(i + 1) * Math.round(settings.nEstimators / 6)}/${settings.nEstimators}`,
      ),
      'Evaluating',
      'Permutation importance',
    ];
    if (!(await this.progress(jobId, 'train', steps))) {
      return { ok: false, error: { kind: 'cancelled', message: 'Training was cancelled.' } };
    }
    const tIndex = table.header.indexOf(settings.target);
    const target = table.columns[tIndex];
    const fIdx = settings.features.map((f) => table.header.indexOf(f));
    const rows: number[] = [];
    for (let i = 0; i < table.rowCount; i++) if (target[i] !== null) rows.push(i);
    const classification = settings.task === 'classification';
    const classes = classification ? sortLabels([...new Set(rows.map((i) => String(target[i])))]) : [];
    const medians = fIdx.map((j) => {
      const xs = table.columns[j].filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
      return xs.length ? quantile(xs, 0.5) : 0;
    });
    const X = rows.map((i) =>
      fIdx.map((j, k) => {
        const v = table.columns[j][i];
        return typeof v === 'number' ? v : v === null ? medians[k] : 0;
      }),
    );
    const y = rows.map((i) => (classification ? classes.indexOf(String(target[i])) : Number(target[i])));
    // Stratified split by shuffling each class separately.
    const rng = mulberry32(settings.seed);
    const train: number[] = [];
    const test: number[] = [];
    const groups = classification
      ? classes.map((_, c) => y.flatMap((v, i) => (v === c ? [i] : [])))
      : [y.map((_, i) => i)];
    for (const g of groups) {
      for (let i = g.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [g[i], g[j]] = [g[j], g[i]];
      }
      const nTest = Math.round(g.length * settings.testFraction);
      test.push(...g.slice(0, nTest));
      train.push(...g.slice(nTest));
    }
    const d = fIdx.length;
    const mu = Array.from({ length: d }, (_, k) => mean(train.map((i) => X[i][k])));
    const sd = Array.from({ length: d }, (_, k) => std(train.map((i) => X[i][k])) || 1);
    let predict: (x: number[]) => number[];
    if (classification) {
      const stats = classes.map((_, c) => {
        const idx = train.filter((i) => y[i] === c);
        return {
          prior: idx.length / train.length,
          mean: Array.from({ length: d }, (_, k) => mean(idx.map((i) => X[i][k]))),
          sd: Array.from({ length: d }, (_, k) => std(idx.map((i) => X[i][k])) || 1e-3),
        };
      });
      predict = (x) => {
        const logs = stats.map(
          (s) =>
            Math.log(s.prior) +
            x.reduce((acc, v, k) => acc - 0.5 * ((v - s.mean[k]) / s.sd[k]) ** 2 - Math.log(s.sd[k]), 0) *
              (4 / d),
        );
        const m = Math.max(...logs);
        const e = logs.map((l) => Math.exp(l - m));
        const z = e.reduce((a, b) => a + b, 0);
        return e.map((v) => v / z);
      };
    } else {
      const Z = train.map((i) => X[i].map((v, k) => (v - mu[k]) / sd[k]));
      predict = (x) => {
        const z = x.map((v, k) => (v - mu[k]) / sd[k]);
        const dists = Z.map((r, i) => ({ i, d: r.reduce((a, v, k) => a + (v - z[k]) ** 2, 0) }));
        dists.sort((a, b) => a.d - b.d);
        return [mean(dists.slice(0, 9).map((q) => y[train[q.i]]))];
      };
    }
    const score = (idx: number[], Xs: number[][]): number => {
      if (classification) return mean(idx.map((i, q) => (argmax(predict(Xs[q])) === y[i] ? 1 : 0)));
      const pred = idx.map((_, q) => predict(Xs[q])[0]);
      const ys = idx.map((i) => y[i]);
      const my = mean(ys);
      return (
        1 - ys.reduce((a, v, q) => a + (v - pred[q]) ** 2, 0) / ys.reduce((a, v) => a + (v - my) ** 2, 0)
      );
    };
    const testX = test.map((i) => X[i]);
    const base = score(test, testX);
    const permutationImportance: ImportanceDTO[] = settings.features.map((feature, k) => {
      const drops = [0, 1, 2, 3, 4].map(() => {
        const col = test.map((i) => X[i][k]);
        for (let i = col.length - 1; i > 0; i--) {
          const j = Math.floor(rng() * (i + 1));
          [col[i], col[j]] = [col[j], col[i]];
        }
        return (
          base -
          score(
            test,
            testX.map((r, q) => r.map((v, kk) => (kk === k ? col[q] : v))),
          )
        );
      });
      return { feature, importance: mean(drops), std: std(drops) };
    });
    const raw = settings.features.map((_, k) => {
      if (classification) {
        const means = classes.map((_, c) => mean(train.filter((i) => y[i] === c).map((i) => X[i][k])));
        return Math.abs(means[means.length - 1] - means[0]) / sd[k];
      }
      return Math.abs(
        pearson(
          train.map((i) => X[i][k]),
          train.map((i) => y[i]),
        ),
      );
    });
    const rawTotal = raw.reduce((a, b) => a + b, 0) || 1;
    const impurityImportance = settings.features.map((feature, k) => ({
      feature,
      importance: raw[k] / rawTotal,
    }));

    const probs = testX.map((x) => predict(x));
    let metrics: ClassificationMetricsDTO | RegressionMetricsDTO;
    let testCases: TestCaseDTO[];
    if (classification) {
      const k = classes.length;
      const confusion = classes.map(() => new Array<number>(k).fill(0));
      test.forEach((i, q) => (confusion[y[i]][argmax(probs[q])] += 1));
      const perClass = classes.map((label, c) => {
        const tp = confusion[c][c];
        const support = confusion[c].reduce((a, b) => a + b, 0);
        const predicted = confusion.reduce((a, row) => a + row[c], 0);
        const precision = predicted ? tp / predicted : 0;
        const recall = support ? tp / support : 0;
        const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
        return { label, precision, recall, f1, support };
      });
      const roc = classes.map((label, c) => ({
        label,
        ...rocCurve(
          probs.map((p) => p[c]),
          test.map((i) => y[i] === c),
        ),
      }));
      const pr = classes.map((label, c) => ({
        label,
        ...prCurve(
          probs.map((p) => p[c]),
          test.map((i) => y[i] === c),
        ),
      }));
      metrics = {
        task: 'classification',
        classes,
        accuracy: base,
        balancedAccuracy: mean(perClass.map((p) => p.recall)),
        rocAuc: k === 2 ? roc[1].auc : mean(roc.map((r) => r.auc)),
        f1: k === 2 ? perClass[1].f1 : mean(perClass.map((p) => p.f1)),
        perClass,
        confusion,
        roc,
        pr,
      };
      testCases = test.map((i, q) => ({
        row: rows[i] + 1,
        id: null,
        actual: classes[y[i]],
        predicted: classes[argmax(probs[q])],
        probabilities: probs[q],
      }));
    } else {
      const predicted = probs.map((p) => p[0]);
      const actual = test.map((i) => y[i]);
      metrics = {
        task: 'regression',
        r2: base,
        mae: mean(actual.map((a, q) => Math.abs(a - predicted[q]))),
        rmse: Math.sqrt(mean(actual.map((a, q) => (a - predicted[q]) ** 2))),
        actual,
        predicted,
      };
      testCases = test.map((i, q) => ({ row: rows[i] + 1, id: null, actual: y[i], predicted: predicted[q] }));
    }
    testCases.sort((a, b) => a.row - b.row);
    const modelId = `model-${++this.counter}`;
    const ys = train.map((i) => y[i]);
    this.models.set(modelId, {
      modelId,
      datasetId,
      settings,
      classes,
      features: [...settings.features],
      X,
      y,
      rows,
      train,
      test,
      predict,
      targetRange: [Math.min(...ys), Math.max(...ys)],
    });
    const count = (idx: number[]): number[] => classes.map((_, c) => idx.filter((i) => y[i] === c).length);
    const cvScores =
      settings.kFolds >= 2 ? Array.from({ length: settings.kFolds }, () => base + (rng() - 0.5) * 0.04) : [];
    return {
      ok: true,
      value: {
        modelId,
        datasetId,
        settings,
        task: settings.task,
        classes,
        split: {
          train: train.length,
          test: test.length,
          ...(classification ? { trainCounts: count(train), testCounts: count(test) } : {}),
        },
        metrics,
        impurityImportance,
        permutationImportance,
        ...(cvScores.length
          ? {
              crossValidation: {
                k: settings.kFolds,
                metric: classification ? ('accuracy' as const) : ('r2' as const),
                scores: cvScores,
                mean: mean(cvScores),
                std: std(cvScores),
              },
            }
          : {}),
        testCases,
        preprocessing: [
          'FAKE BACKEND: Gaussian naive Bayes / k-nearest neighbours stand in for the random forest.',
          `Missing numeric values imputed with the training-split median (${d} features).`,
        ],
        trainMillis: Date.now() - started,
      },
    };
  }

  async explain(jobId: string, request: ExplainRequest): Promise<Outcome<ExplanationDTO>> {
    const model = this.models.get(request.modelId);
    if (!model) return { ok: false, error: { kind: 'internal', message: 'Unknown model' } };
    const started = Date.now();
    if (!(await this.progress(jobId, 'explain', ['Sampling', 'Predicting samples', 'Fitting surrogate']))) {
      return { ok: false, error: { kind: 'cancelled', message: 'Explanation was cancelled.' } };
    }
    // Requests carry 1-based rows, as every row number in the contract.
    const index = request.row - 1;
    const q = model.rows.indexOf(index);
    if (q < 0)
      return { ok: false, error: { kind: 'user', message: `Row ${request.row} is not in the data.` } };
    const x = model.X[q];
    const p = model.predict(x);
    const classification = model.settings.task === 'classification';
    const label = classification ? (request.label ?? argmax(p)) : undefined;
    const out = (v: number[]): number => (classification ? v[label as number] : v[0]);
    const table = this.tables.get(model.datasetId) as Table;
    const weights = model.features.map((feature, k) => {
      const col = model.train.map((i) => model.X[i][k]).sort((a, b) => a - b);
      const [q1, q2, q3] = [0.25, 0.5, 0.75].map((qq) => quantile(col, qq));
      const v = x[k];
      const f2 = (n: number): string => n.toFixed(2);
      const condition =
        v <= q1
          ? `${feature} <= ${f2(q1)}`
          : v <= q2
            ? `${f2(q1)} < ${feature} <= ${f2(q2)}`
            : v <= q3
              ? `${f2(q2)} < ${feature} <= ${f2(q3)}`
              : `${feature} > ${f2(q3)}`;
      const replaced = x.map((vv, kk) => (kk === k ? quantile(col, 0.5) : vv));
      // Log-odds difference, scaled to the size of real LIME weights (the fake NB saturates probabilities).
      const logit = (v: number): number => Math.log(Math.max(1e-6, v) / Math.max(1e-6, 1 - v));
      const weight = classification
        ? Math.max(-0.4, Math.min(0.4, (logit(out(p)) - logit(out(model.predict(replaced)))) * 0.08))
        : (out(p) - out(model.predict(replaced))) * 0.8;
      const cell = table.columns[table.header.indexOf(feature)][index];
      return { feature, condition, value: cell, weight };
    });
    weights.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    const top = weights.slice(0, request.settings.numFeatures);
    const modelPred = out(p);
    const rng = mulberry32(request.settings.seed + request.row);
    const intercept = modelPred - top.reduce((a, w) => a + w.weight, 0);
    return {
      ok: true,
      value: {
        modelId: model.modelId,
        row: request.row,
        id: null,
        task: model.settings.task,
        classes: model.classes,
        ...(classification
          ? { label, probabilities: p }
          : { predictedValue: p[0], targetRange: model.targetRange }),
        weights: top,
        intercept,
        score: 0.35 + rng() * 0.5,
        localPred: modelPred + (rng() - 0.5) * (classification ? 0.16 : 20),
        modelPred,
        settings: {
          ...request.settings,
          kernelWidth: request.settings.kernelWidth ?? 0.75 * Math.sqrt(model.features.length),
        },
        millis: Date.now() - started,
      },
    };
  }
}

function argmax(xs: number[]): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
}
