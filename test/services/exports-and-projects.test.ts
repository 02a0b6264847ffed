// Exports and saved projects through the real handlers and the real worker thread: files are
// chosen by a scripted dialog, written atomically, and parse back to exactly what the engine gave.
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DatasetSummaryDTO,
  ExplanationDTO,
  LimeSettingsDTO,
  ModelSettingsDTO,
  OpenProjectResult,
  Outcome,
  ProjectViewDTO,
  TrainResultDTO,
} from '../../src-main/contract/ipc';
import { createHandlers, type Handlers } from '../../src-main/services/handlers';
import { createOpenablePaths } from '../../src-main/services/openablePaths';
import { createRecentFilesStore } from '../../src-main/services/recentFiles';
import { createWorkerJobClient } from '../../src-main/worker/client';
import type { JobClient, JobName } from '../../src-main/worker/protocol';
import { csvRecords } from '../engine/export/parseCsv';
import { dataUrl, solidPng } from './pngFixture';

const IRIS = fileURLToPath(new URL('../../assets/samples/iris.csv', import.meta.url));
const LIME: LimeSettingsDTO = {
  numFeatures: 4,
  numSamples: 500,
  kernelWidth: null,
  discretizer: 'quartile',
  seed: 7,
};

let dir: string;
let jobs: JobClient;
const kinds: JobName[] = [];
let handlers: Handlers;
let nextSave: string | null = null;
let nextProject: string | null = null;
let nextLocate: string | null = null;
const clipboard: Uint8Array[] = [];
let dataPath: string;
let dataset: DatasetSummaryDTO;
let train: TrainResultDTO;
let explained: readonly ExplanationDTO[];

/** Paths main has seen come from the user; tests stand in for the dialog or a drop. */
const openable = createOpenablePaths();

const value = <T>(o: Outcome<T>): T => {
  if (!o.ok) throw new Error(`expected ok, got ${o.error.message}`);
  return o.value;
};
const view: ProjectViewDTO = { view: 'explain', limeSettings: LIME, explainRow: 1, explainLabel: null };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lime-lens-exports-'));
  dataPath = join(dir, 'iris.csv');
  await copyFile(IRIS, dataPath);
  openable.allow(dataPath);
  const real = createWorkerJobClient({ log: () => undefined });
  jobs = {
    ...real,
    run: (kind, args, options) => {
      kinds.push(kind);
      return real.run(kind, args, options);
    },
    cancel: (id) => real.cancel(id),
    onRestart: (l) => real.onRestart(l),
    dispose: () => real.dispose(),
  };
  handlers = createHandlers({
    jobs,
    samplesDir: dir,
    recent: createRecentFilesStore({ file: join(dir, 'recent.json') }),
    dialogs: { openDataset: async () => nextLocate },
    appInfo: () => ({ name: 'Lime Lens', version: '0', locale: 'en', platform: 'linux' }),
    sendEvent: () => undefined,
    openable,
    files: {
      saveFile: async () => nextSave,
      openProject: async () => nextProject,
      copyImage: async (png) => void clipboard.push(png),
    },
  });
  dataset = value(await handlers['dataset:open-path']({ path: dataPath }));
  const settings: ModelSettingsDTO = {
    target: dataset.suggestedTarget,
    task: 'classification',
    features: dataset.columns.map((c) => c.name).filter((n) => !dataset.suggestedExcluded.includes(n)),
    nEstimators: 25,
    maxDepth: null,
    maxFeatures: 'sqrt',
    minSamplesLeaf: 1,
    testFraction: 0.2,
    seed: 42,
    kFolds: 0,
  };
  train = value(await handlers['model:train']({ jobId: 'train-1', datasetId: dataset.datasetId, settings }));
  const rows = train.testCases.slice(0, 3).map((c) => c.row);
  explained = value(
    await handlers['model:explain-many']({
      jobId: 'many-1',
      request: { modelId: train.modelId, rows, settings: LIME },
    }),
  );
}, 60_000);

afterAll(async () => {
  await jobs.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('PNG export', () => {
  it('writes the exact bytes where the dialog says; cancel writes nothing', async () => {
    const png = solidPng(40, 30);
    nextSave = join(dir, 'chart.png');
    expect(value(await handlers['export:save-png']({ png: dataUrl(png), name: 'Chart.png' }))).toEqual({
      path: nextSave,
      fileName: 'chart.png',
    });
    expect(Buffer.compare(await readFile(nextSave), png)).toBe(0);
    nextSave = null;
    expect(value(await handlers['export:save-png']({ png: dataUrl(png), name: 'Chart.png' }))).toBeNull();
  });

  it('refuses bytes that are not a PNG before any dialog, and copies a PNG to the clipboard', async () => {
    nextSave = join(dir, 'fake.png');
    const fake = `data:image/png;base64,${Buffer.from('GIF89a not a png at all, really not').toString('base64')}`;
    const out = await handlers['export:save-png']({ png: fake, name: 'x.png' });
    expect(out).toEqual({ ok: false, error: { kind: 'user', message: 'The image is not a PNG.' } });
    expect((await readdir(dir)).includes('fake.png')).toBe(false);
    expect(value(await handlers['export:copy-png']({ png: dataUrl(solidPng(3, 2)) }))).toBe(true);
    expect(clipboard.at(-1)?.length).toBe(solidPng(3, 2).length);
  });
});

describe('data exports', () => {
  it('explanations CSV: one line per case × feature with the engine numbers and 1-based rows', async () => {
    nextSave = join(dir, 'explanations.csv');
    value(await handlers['export:save-data']({ kind: 'explanations-csv', modelId: train.modelId }));
    const records = csvRecords(await readFile(nextSave, 'utf8'));
    expect(records).toHaveLength(explained.reduce((n, e) => n + e.weights.length, 0));
    expect(records).toHaveLength(12);
    let k = 0;
    for (const e of explained) {
      const tc = train.testCases.find((c) => c.row === e.row)!;
      for (const w of e.weights) {
        const r = records[k++];
        expect(Number(r.row)).toBe(e.row);
        expect(r.true).toBe(String(tc.actual));
        expect(r.predicted).toBe(String(tc.predicted));
        expect(Number(r.weight)).toBe(w.weight);
        expect(Number(r.local_prediction)).toBe(e.localPred);
        expect(Number(r.probability)).toBe(e.modelPred);
      }
    }
  });

  it('explanations JSON of chosen rows, metrics and importances CSV', async () => {
    nextSave = join(dir, 'explanations.json');
    const second = explained[1].row;
    value(
      await handlers['export:save-data']({
        kind: 'explanations-json',
        modelId: train.modelId,
        rows: [second],
      }),
    );
    const doc = JSON.parse(await readFile(nextSave, 'utf8')) as {
      cases: { row: number; intercept: number }[];
    };
    expect(doc.cases).toEqual([expect.objectContaining({ row: second, intercept: explained[1].intercept })]);

    nextSave = join(dir, 'metrics.csv');
    value(await handlers['export:save-data']({ kind: 'metrics-csv', modelId: train.modelId }));
    const metrics = csvRecords(await readFile(nextSave, 'utf8'));
    const m = train.metrics;
    if (m.task !== 'classification') throw new Error('classification expected');
    expect(Number(metrics.find((r) => r.metric === 'accuracy')?.value)).toBe(m.accuracy);

    nextSave = join(dir, 'importances.csv');
    value(await handlers['export:save-data']({ kind: 'importances-csv', modelId: train.modelId }));
    const imp = csvRecords(await readFile(nextSave, 'utf8'));
    expect(imp.map((r) => [r.feature, Number(r.impurity_importance)])).toEqual(
      train.impurityImportance.map((i) => [i.feature, i.importance]),
    );
  });
});

describe('saved projects', () => {
  let projectPath: string;
  const restoreKinds = () => kinds.slice(kinds.lastIndexOf('load'));

  beforeAll(async () => {
    projectPath = join(dir, 'study.limelens');
    nextSave = projectPath;
    value(
      await handlers['project:save']({
        datasetId: dataset.datasetId,
        modelId: train.modelId,
        view,
        saveAs: true,
      }),
    );
  });

  it('save → reopen gives identical metrics, importances and explanations without training', async () => {
    const trainsBefore = kinds.filter((k) => k === 'train').length;
    const opened = value(await handlers['project:open']({ path: projectPath }));
    if (opened?.status !== 'opened') throw new Error('expected opened');
    const p = opened.project;
    expect(kinds.filter((k) => k === 'train').length).toBe(trainsBefore);
    expect(restoreKinds().filter((k) => k !== 'release')).toEqual(['load', 'restoreModel']);
    expect(p.train!.metrics).toEqual(train.metrics);
    expect(p.train!.testCases).toEqual(train.testCases);
    expect(p.train!.impurityImportance).toEqual(train.impurityImportance);
    expect(p.train!.modelId).not.toBe(train.modelId);
    expect(p.explanations.map(({ modelId: _, ...e }) => e)).toEqual(
      explained.map(({ modelId: _, ...e }) => e),
    );
    expect(p.view).toEqual(view);
    // The restored model explains like the original one.
    const again = value(
      await handlers['model:explain']({
        jobId: 'e-again',
        request: { modelId: p.train!.modelId, row: explained[0].row, settings: LIME },
      }),
    );
    expect(again.weights).toEqual(explained[0].weights);
    // Plain Save writes to the same file without asking.
    nextSave = null;
    const resaved = value(
      await handlers['project:save']({
        datasetId: p.dataset.datasetId,
        modelId: p.train!.modelId,
        view,
        saveAs: false,
      }),
    );
    expect(resaved?.path).toBe(projectPath);
  });

  it('Open Project without a path asks the dialog; cancelling opens nothing', async () => {
    nextProject = null;
    expect(value(await handlers['project:open']({}))).toBeNull();
    nextProject = projectPath;
    const opened = value(await handlers['project:open']({}));
    expect(opened?.status === 'opened' && opened.project.path).toBe(projectPath);
  });

  it('a truncated project is refused with a clear message and left untouched', async () => {
    const full = await readFile(projectPath, 'utf8');
    const cut = join(dir, 'cut.limelens');
    await writeFile(cut, full.slice(0, Math.floor(full.length / 2)));
    const before = await readFile(cut);
    openable.allow(cut); // as if dropped on the window
    expect(await handlers['project:open']({ path: cut })).toEqual({
      ok: false,
      error: {
        kind: 'user',
        message:
          '"cut.limelens" is damaged and was not opened: it is not complete JSON (the file may have been cut short).',
      },
    });
    expect(Buffer.compare(await readFile(cut), before)).toBe(0);
  });

  it('a project from a newer version gives a clear error', async () => {
    const newer = join(dir, 'newer.limelens');
    const doc = JSON.parse(await readFile(projectPath, 'utf8')) as Record<string, unknown>;
    await writeFile(newer, JSON.stringify({ ...doc, version: 2 }));
    openable.allow(newer);
    const out = await handlers['project:open']({ path: newer });
    expect(out.ok ? '' : out.error.message).toBe(
      '"newer.limelens" was saved by a newer version of Lime Lens (project format 2); this version opens format 1. Update Lime Lens to open it.',
    );
  });

  it('a changed data file is reported, then opens for retraining; a missing one can be located', async () => {
    await writeFile(dataPath, `${await readFile(IRIS, 'utf8')}\n`.replace('5.1,3.5', '5.2,3.5'));
    const changed = value(await handlers['project:open']({ path: projectPath }));
    expect(changed).toEqual<OpenProjectResult>({
      status: 'data-problem',
      detail: { problem: 'data-changed', projectPath, dataPath },
    });
    const retrain = value(await handlers['project:open']({ path: projectPath, retrain: true }));
    expect(retrain?.status === 'opened' && retrain.project.train).toBeNull();
    expect(retrain?.status === 'opened' && retrain.project.settings).toEqual(train.settings);

    await rm(dataPath);
    const missing = value(await handlers['project:open']({ path: projectPath }));
    expect(missing).toEqual({
      status: 'data-problem',
      detail: { problem: 'data-missing', projectPath, dataPath },
    });
    const moved = join(dir, 'moved-iris.csv');
    await copyFile(IRIS, moved);
    nextLocate = moved;
    const located = value(await handlers['project:open']({ path: projectPath, locate: true }));
    if (located?.status !== 'opened') throw new Error('expected opened');
    expect(located.project.dataset.filePath).toBe(moved);
    expect(located.project.train!.metrics).toEqual(train.metrics);
  });
});

describe('paths the renderer names', () => {
  it('opens a project or data path only when main has seen it (dialog, drop, recent, launch)', async () => {
    const unseen = join(dir, 'never-chosen.limelens');
    await writeFile(unseen, '{}');
    const out = await handlers['project:open']({ path: unseen });
    expect(out).toEqual({
      ok: false,
      error: expect.objectContaining({
        kind: 'user',
        message:
          'Lime Lens opens only files you chose: open "never-chosen.limelens" with Open Project…, drop it on the window or pick it from the recent files.',
      }),
    });
  });
});
