import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetSummaryDTO, EventChannel, EventMap, TrainResultDTO } from '../../src-main/contract/ipc';
import { createHandlers, toErrorDTO } from '../../src-main/services/handlers';
import type { RecentFilesStore } from '../../src-main/services/recentFiles';
import { createRecentFilesStore } from '../../src-main/services/recentFiles';
import type { OpenablePaths } from '../../src-main/services/openablePaths';
import { createOpenablePaths } from '../../src-main/services/openablePaths';
import { ValidationError } from '../../src-main/services/validate';
import { engineMessage } from '../../src-main/engine/errors';
import { JobError } from '../../src-main/worker/protocol';
import { fakeJobClient } from './fakeJobClient';
import { LIME_SETTINGS, MODEL_SETTINGS } from './ipcFixtures';

function summary(datasetId: string, fileName: string): DatasetSummaryDTO {
  return {
    datasetId,
    fileName,
    format: 'csv',
    rowCount: 3,
    columns: [],
    suggestedTarget: 'y',
    suggestedTask: 'classification',
    suggestedExcluded: [],
    warnings: [],
    suggestedIdColumn: null,
  };
}

const settings = MODEL_SETTINGS;

let dir: string;
let samplesDir: string;
let dataFile: string;
let recent: RecentFilesStore;
let events: { channel: EventChannel; payload: unknown }[];
/** Paths "main has seen": the tests' own files, as if chosen in the dialog. */
let openable: OpenablePaths;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lime-handlers-'));
  samplesDir = join(dir, 'samples');
  await mkdir(samplesDir);
  await writeFile(join(samplesDir, 'iris.csv'), 'a,species\n1,setosa\n');
  dataFile = join(dir, 'cases.csv');
  await writeFile(dataFile, 'a,b,y\n1,2,x\n');
  recent = createRecentFilesStore({
    file: join(dir, 'recent.json'),
    now: () => new Date('2026-01-02T03:04:05Z'),
  });
  events = [];
  openable = createOpenablePaths();
  for (const p of [dataFile, dir, join(dataFile, 'x.csv')]) openable.allow(p);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function handlersWith(jobs: ReturnType<typeof fakeJobClient>, dialogPath: string | null = null) {
  return createHandlers({
    jobs,
    samplesDir,
    recent,
    dialogs: { openDataset: async () => dialogPath },
    appInfo: () => ({ name: 'Lime Lens', version: '0.1.0', locale: 'ko-KR', platform: 'linux' }),
    sendEvent: <C extends EventChannel>(channel: C, payload: EventMap[C]) =>
      events.push({ channel, payload }),
    log: () => undefined,
    openable,
  });
}

describe('dataset:open-path', () => {
  it('loads the file in the worker, returns its path and remembers it as recent', async () => {
    const jobs = fakeJobClient({ load: async (args) => summary('d1', args.fileName) });
    const result = await handlersWith(jobs)['dataset:open-path']({ path: dataFile, sheet: 'Sheet2' });
    expect(result).toEqual({ ok: true, value: { ...summary('d1', 'cases.csv'), filePath: dataFile } });
    expect(jobs.calls).toEqual([
      { kind: 'load', args: { path: dataFile, fileName: 'cases.csv', sheet: 'Sheet2' } },
    ]);
    expect(await recent.list()).toEqual([
      { path: dataFile, fileName: 'cases.csv', openedAt: '2026-01-02T03:04:05.000Z' },
    ]);
  });

  it('releases the previously opened dataset from the worker when another opens', async () => {
    let n = 0;
    const jobs = fakeJobClient({
      load: async (args) => summary(`d${++n}`, args.fileName),
      release: async () => true,
    });
    const h = handlersWith(jobs);
    await h['dataset:open-path']({ path: dataFile });
    await h['dataset:open-sample']({ sampleId: 'iris' });
    expect(jobs.calls.map((c) => [c.kind, c.args])).toContainEqual(['release', { datasetId: 'd1' }]);
  });

  it('a missing file is a user error naming it, is dropped from recent files, and never reaches the worker', async () => {
    await recent.add(join(dir, 'gone.csv'));
    const jobs = fakeJobClient();
    const result = await handlersWith(jobs)['dataset:open-path']({ path: join(dir, 'gone.csv') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('user');
    expect(result.error.file).toBe('gone.csv');
    expect(result.error.message).toContain(join(dir, 'gone.csv'));
    expect(jobs.calls).toEqual([]);
    expect(await recent.list()).toEqual([]);
  });

  it('an unreadable path (not a missing file) is a user error and stays in recent files', async () => {
    await recent.add(dataFile);
    const result = await handlersWith(fakeJobClient())['dataset:open-path']({
      path: join(dataFile, 'x.csv'),
    });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'user',
        message: `The file "${join(dataFile, 'x.csv')}" could not be read.`,
        file: 'x.csv',
      },
    });
    expect((await recent.list()).map((f) => f.path)).toEqual([dataFile]);
  });

  it('a folder is refused as a user error', async () => {
    const result = await handlersWith(fakeJobClient())['dataset:open-path']({ path: dir });
    expect(result).toMatchObject({ ok: false, error: { kind: 'user' } });
  });

  it("a worker's JobError comes back as its ErrorDTO, without the stack, and the file is not added to recent", async () => {
    const jobs = fakeJobClient({
      load: async () => {
        throw new JobError({
          kind: 'user',
          message: 'cases.csv, row 3 (spreadsheet row): expected 3 fields, found 2',
          file: 'cases.csv',
          row: 3,
          stack: 'Error: at secret/path.ts:1',
        } as never);
      },
    });
    const result = await handlersWith(jobs)['dataset:open-path']({ path: dataFile });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'user',
        message: 'cases.csv, row 3 (spreadsheet row): expected 3 fields, found 2',
        file: 'cases.csv',
        row: 3,
      },
    });
    expect(await recent.list()).toEqual([]);
  });

  it('an unexpected error becomes an internal error with its message only', async () => {
    const jobs = fakeJobClient({
      load: async () => {
        throw new TypeError('boom');
      },
    });
    const result = await handlersWith(jobs)['dataset:open-path']({ path: dataFile });
    expect(result).toEqual({ ok: false, error: { kind: 'internal', message: 'boom' } });
    expect(JSON.stringify(result)).not.toContain('stack');
  });
});

describe('paths the renderer may open', () => {
  const refusal = (name: string) => ({
    ok: false,
    error: {
      kind: 'user',
      message: `Lime Lens opens only files you chose: open "${name}" with Open dataset…, drop it on the window or pick it from the recent files.`,
      file: name,
    },
  });

  it('refuses a path main has not seen, without touching the file or the worker', async () => {
    const other = join(dir, 'other.csv');
    await writeFile(other, 'a,b,y\n1,2,x\n');
    const jobs = fakeJobClient({ load: async (args) => summary('d1', args.fileName) });
    const h = createHandlers({
      jobs,
      samplesDir,
      recent,
      dialogs: { openDataset: async () => null },
      appInfo: () => ({ name: 'Lime Lens', version: '0.1.0', locale: 'en-US', platform: 'linux' }),
      sendEvent: () => undefined,
      log: () => undefined,
    });
    expect(await h['dataset:open-path']({ path: other })).toEqual(refusal('other.csv'));
    expect(await h['dataset:open-path']({ path: '/etc/passwd' })).toEqual(refusal('passwd'));
    expect(jobs.calls).toEqual([]);
  });

  it('opens a dialog answer, a dropped path announced by the preload, and a recent file', async () => {
    const [chosen, dropped, old] = ['chosen.csv', 'dropped.csv', 'old.csv'].map((n) => join(dir, n));
    for (const p of [chosen, dropped, old]) await writeFile(p, 'a,b,y\n1,2,x\n');
    await recent.add(old);
    const jobs = fakeJobClient({ load: async (args) => summary('d1', args.fileName) });
    const h = createHandlers({
      jobs,
      samplesDir,
      recent,
      dialogs: { openDataset: async () => chosen },
      appInfo: () => ({ name: 'Lime Lens', version: '0.1.0', locale: 'en-US', platform: 'linux' }),
      sendEvent: () => undefined,
      log: () => undefined,
    });
    expect(await h['dataset:open-path']({ path: dropped })).toEqual(refusal('dropped.csv'));
    expect(await h['dataset:dropped-path']({ path: dropped })).toBe(true);
    expect(await h['dataset:open-path']({ path: dropped })).toMatchObject({ ok: true });
    expect(await h['dataset:open-path']({ path: old })).toMatchObject({ ok: true });
    expect(await h['dataset:open-path']({ path: chosen })).toEqual(refusal('chosen.csv'));
    await h['dataset:open-dialog'](null);
    // Switching the sheet of the file the dialog opened names its path again.
    expect(await h['dataset:open-path']({ path: chosen, sheet: 'Sheet2' })).toMatchObject({ ok: true });
    expect(jobs.calls.filter((c) => c.kind === 'load').map((c) => (c.args as { path: string }).path)).toEqual(
      [dropped, old, chosen, chosen],
    );
  });
});

describe('dataset:open-dialog', () => {
  it('resolves null when the user cancels the dialog', async () => {
    expect(await handlersWith(fakeJobClient(), null)['dataset:open-dialog'](null)).toBeNull();
  });
  it('opens the chosen path like open-path', async () => {
    const jobs = fakeJobClient({ load: async (args) => summary('d9', args.fileName) });
    const result = await handlersWith(jobs, dataFile)['dataset:open-dialog'](null);
    expect(result).toEqual({ ok: true, value: { ...summary('d9', 'cases.csv'), filePath: dataFile } });
  });
});

describe('samples', () => {
  it('opens a sample by id from the samples folder, as bytes, without adding it to recent files', async () => {
    const jobs = fakeJobClient({ load: async (args) => summary('s1', args.fileName) });
    const result = await handlersWith(jobs)['dataset:open-sample']({ sampleId: 'iris' });
    expect(result).toEqual({ ok: true, value: summary('s1', 'iris.csv') });
    const args = jobs.calls[0].args as { bytes: Uint8Array; fileName: string; path?: string };
    expect(args.fileName).toBe('iris.csv');
    expect(args.path).toBeUndefined();
    expect(new TextDecoder().decode(args.bytes)).toBe('a,species\n1,setosa\n');
    expect(await recent.list()).toEqual([]);
  });
  it('an unknown sample id is a user error', async () => {
    const result = await handlersWith(fakeJobClient())['dataset:open-sample']({ sampleId: 'titanic' });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'user', message: 'There is no sample called "titanic".' },
    });
  });
  it('lists the three samples', async () => {
    const list = await handlersWith(fakeJobClient())['dataset:samples'](null);
    expect(list.map((s) => [s.id, s.fileName, s.task])).toEqual([
      ['breast_cancer', 'breast_cancer.csv', 'classification'],
      ['iris', 'iris.csv', 'classification'],
      ['diabetes', 'diabetes.csv', 'regression'],
    ]);
  });
});

describe('jobs', () => {
  const trained = { modelId: 'm1' } as TrainResultDTO;

  it('model:train runs a train job under the given jobId and forwards progress as job:progress events', async () => {
    const jobs = fakeJobClient({
      train: async (_args, options) => {
        options.onProgress?.(0.25, engineMessage('progress-training-trees'));
        options.onProgress?.(1, engineMessage('progress-explained', { done: 3, total: 4 }));
        return trained;
      },
    });
    const result = await handlersWith(jobs)['model:train']({ jobId: 'job-7', datasetId: 'd1', settings });
    expect(result).toEqual({ ok: true, value: trained });
    expect(jobs.calls[0].kind).toBe('train');
    expect(jobs.calls[0].args).toEqual({ datasetId: 'd1', settings });
    expect(jobs.calls[0].options?.jobId).toBe('job-7');
    expect(events).toEqual([
      {
        channel: 'job:progress',
        payload: {
          jobId: 'job-7',
          kind: 'train',
          fraction: 0.25,
          message: 'Training trees',
          code: 'progress-training-trees',
          params: {},
        },
      },
      {
        channel: 'job:progress',
        payload: {
          jobId: 'job-7',
          kind: 'train',
          fraction: 1,
          message: 'Explained 3 of 4',
          code: 'progress-explained',
          params: { done: 3, total: 4 },
        },
      },
    ]);
  });

  it('model:explain runs an explain job and tags its progress with kind explain', async () => {
    const request = {
      modelId: 'm1',
      row: 5,
      settings: LIME_SETTINGS,
    };
    const jobs = fakeJobClient({
      explain: async (_args, options) => {
        options.onProgress?.(0.5, engineMessage('progress-explaining'));
        throw new JobError({ kind: 'cancelled', message: 'Cancelled' });
      },
    });
    const result = await handlersWith(jobs)['model:explain']({ jobId: 'e1', request });
    expect(result).toEqual({ ok: false, error: { kind: 'cancelled', message: 'Cancelled' } });
    expect(jobs.calls[0].args).toEqual(request);
    expect(events).toEqual([
      {
        channel: 'job:progress',
        payload: {
          jobId: 'e1',
          kind: 'explain',
          fraction: 0.5,
          message: 'Explaining',
          code: 'progress-explaining',
          params: {},
        },
      },
    ]);
  });

  it('job:cancel forwards to the JobClient and returns its answer', async () => {
    const jobs = fakeJobClient();
    const h = handlersWith(jobs);
    expect(await h['job:cancel']({ jobId: 'running' })).toBe(true);
    expect(await h['job:cancel']({ jobId: 'other' })).toBe(false);
    expect(jobs.cancelled).toEqual(['running', 'other']);
  });

  it('rows, correlation and feature distribution map to their worker jobs', async () => {
    const jobs = fakeJobClient({
      rows: async (a) => ({ offset: a.offset, rows: [[1, 'x', null]] }),
      correlation: async () => ({ names: ['a'], matrix: [[1]] }),
      featureDistribution: async (a) => ({ feature: a.feature, classes: [], edges: [0, 1], counts: [[2]] }),
    });
    const h = handlersWith(jobs);
    expect(await h['dataset:rows']({ datasetId: 'd1', offset: 10, limit: 5 })).toEqual({
      ok: true,
      value: { offset: 10, rows: [[1, 'x', null]] },
    });
    expect(await h['dataset:correlation']({ datasetId: 'd1', order: 'clustered' })).toEqual({
      ok: true,
      value: { names: ['a'], matrix: [[1]] },
    });
    expect(
      await h['dataset:feature-distribution']({ datasetId: 'd1', feature: 'a', target: 'y' }),
    ).toMatchObject({
      ok: true,
      value: { feature: 'a', counts: [[2]] },
    });
    expect(jobs.calls.map((c) => c.kind)).toEqual(['rows', 'correlation', 'featureDistribution']);
  });
});

describe('worker restart', () => {
  it("sends worker:status with the client's message", async () => {
    const jobs = fakeJobClient();
    handlersWith(jobs);
    jobs.restart('The computation worker crashed. It was restarted; please open the dataset again.');
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toEqual([
      {
        channel: 'worker:status',
        payload: {
          status: 'restarted',
          message: 'The computation worker crashed. It was restarted; please open the dataset again.',
          reason: 'crashed',
          datasetReloaded: false,
        },
      },
    ]);
  });
});

describe('app info and recent files', () => {
  it('app:info returns what appInfo() gives', async () => {
    expect(await handlersWith(fakeJobClient())['app:info'](null)).toEqual({
      name: 'Lime Lens',
      version: '0.1.0',
      locale: 'ko-KR',
      platform: 'linux',
    });
  });
  it('dataset:recent lists the store, newest first', async () => {
    await recent.add('/a/one.csv');
    await recent.add('/b/two.csv');
    const list = await handlersWith(fakeJobClient())['dataset:recent'](null);
    expect(list.map((f) => f.fileName)).toEqual(['two.csv', 'one.csv']);
  });
});

describe('toErrorDTO', () => {
  it('maps validation errors to user errors and non-Error values to internal errors', () => {
    expect(toErrorDTO(new ValidationError('Invalid request: limit …'))).toEqual({
      kind: 'user',
      message: 'Invalid request: limit …',
    });
    expect(toErrorDTO('odd')).toEqual({ kind: 'internal', message: 'odd' });
    expect(toErrorDTO(new Error(''))).toEqual({ kind: 'internal', message: 'An unexpected error occurred.' });
  });
});
