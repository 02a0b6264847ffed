import { describe, expect, it } from 'vitest';
import type { InvokeChannel } from '../../src-main/contract/ipc';
import { INVOKE_CHANNELS, MAX_ROWS_PER_REQUEST } from '../../src-main/contract/ipc';
import { ValidationError, validators } from '../../src-main/services/validate';
import { LIME_SETTINGS, MODEL_SETTINGS } from './ipcFixtures';

const settings = MODEL_SETTINGS;
const PRESENTATION = {
  title: 'Tumour board 12 May',
  author: '',
  language: 'ko',
  paper: 'Letter',
  sections: ['data', 'cases', 'audit'],
};
const lime = LIME_SETTINGS;

/** A valid argument for every channel. */
const GOOD: Record<InvokeChannel, unknown> = {
  'app:info': null,
  'dataset:open-dialog': null,
  'dataset:open-path': { path: '/home/ana/cases.csv' },
  'dataset:open-sample': { sampleId: 'breast_cancer' },
  'dataset:samples': null,
  'dataset:recent': undefined,
  'dataset:rows': { datasetId: 'ds-1', offset: 0, limit: MAX_ROWS_PER_REQUEST },
  'dataset:correlation': { datasetId: 'ds-1', order: 'clustered', columns: ['a', 'b'] },
  'dataset:feature-distribution': { datasetId: 'ds-1', feature: 'a', target: 'y', bins: 20 },
  'model:train': { jobId: 'job_1', datasetId: 'ds-1', settings },
  'model:explain': { jobId: 'job_2', request: { modelId: 'm-1', row: 17, label: 1, settings: lime } },
  'job:cancel': { jobId: 'job_1' },
  'dataset:dropped-path': { path: '/home/ana/dropped.csv' },
  'trust:stability': {
    jobId: 'job_3',
    request: { modelId: 'm-1', row: 3, label: 1, settings: lime, runs: 10, sampleSizes: [1000, 5000] },
  },
  'trust:case': {
    jobId: 'job_4',
    request: {
      modelId: 'm-1',
      row: 3,
      settings: lime,
      edits: [
        { feature: 'a', value: 2.5 },
        { feature: 'c', value: 'red' },
      ],
    },
  },
  'trust:predict': { modelId: 'm-1', row: 3, edits: [{ feature: 'a', value: -1 }] },
  'trust:shap-summary': { jobId: 'job_5', modelId: 'm-1' },
  'trust:sp-lime': {
    jobId: 'job_6',
    request: { modelId: 'm-1', settings: lime, sampleSize: 100, budget: 5 },
  },
  'model:explain-many': { jobId: 'job_3', request: { modelId: 'm-1', rows: [1, 5, 9], settings: lime } },
  'export:save-png': { png: 'data:image/png;base64,iVBORw0KGgo=', name: 'Confusion matrix.png' },
  'export:copy-png': { png: 'data:image/png;base64,iVBORw0KGgo=' },
  'export:save-data': { kind: 'explanations-csv', modelId: 'm-1', rows: [3, 1] },
  'project:save': {
    datasetId: 'ds-1',
    modelId: 'm-1',
    saveAs: true,
    view: { view: 'explain', limeSettings: lime, explainRow: 3, explainLabel: null, report: { title: 'x' } },
  },
  'project:open': { path: '/home/ana/study.limelens' },
  'report:build': {
    jobId: 'job_4',
    request: { modelId: 'm-1', rows: [12, 40], lime, presentation: PRESENTATION },
  },
  'report:save': {
    reportId: 'report-0f8e2b1c-3d4a-4b5c-9d6e-7f8091a2b3c4',
    presentation: PRESENTATION,
    format: 'pdf',
  },
  'model:permutation': { jobId: 'job_6', modelId: 'model-1' },
};

function rejects(channel: InvokeChannel, raw: unknown, messagePart: string) {
  let error: unknown;
  try {
    validators[channel](raw);
  } catch (err) {
    error = err;
  }
  expect(error, `${channel} should reject ${JSON.stringify(raw)}`).toBeInstanceOf(ValidationError);
  expect((error as Error).message).toContain(messagePart);
}

const withSettings = (patch: Record<string, unknown>) => ({
  ...(GOOD['model:train'] as object),
  settings: { ...settings, ...patch },
});
const withLime = (patch: Record<string, unknown>) => ({
  jobId: 'j',
  request: { modelId: 'm', row: 1, settings: { ...lime, ...patch } },
});

describe('validators', () => {
  it('exist for exactly the contract channels', () => {
    expect(Object.keys(validators).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it.each(INVOKE_CHANNELS)('%s accepts a well-formed argument and returns an equal copy', (channel) => {
    const raw = GOOD[channel];
    const out = validators[channel](raw);
    expect(out).toEqual(raw ?? null);
    if (raw !== null && raw !== undefined) expect(out).not.toBe(raw);
  });

  it('channels without arguments reject any argument', () => {
    rejects('app:info', { x: 1 }, 'app:info must be empty');
    rejects('dataset:samples', 0, 'got 0');
  });

  it('every object channel rejects non-objects, arrays, unknown and missing fields', () => {
    for (const channel of INVOKE_CHANNELS) {
      const raw = GOOD[channel];
      if (raw === null || raw === undefined) continue;
      rejects(channel, 'x', 'must be an object');
      rejects(channel, [raw], 'must be an object');
      rejects(channel, { ...(raw as object), extra: 1 }, 'args.extra must be absent');
      if (channel === 'project:open') continue; // every field is optional
      const [firstKey] = Object.keys(raw as object);
      const { [firstKey]: _dropped, ...missing } = raw as Record<string, unknown>;
      rejects(channel, missing, `args.${firstKey} must be present`);
    }
  });

  it('open-path: absolute, ≤ 4096 characters, no NUL; sheet a non-empty string', () => {
    rejects('dataset:open-path', { path: 'relative/cases.csv' }, 'path must be an absolute file path');
    rejects('dataset:open-path', { path: '' }, 'path must be a non-empty string');
    rejects(
      'dataset:open-path',
      { path: `/${'a'.repeat(4096)}` },
      'at most 4096 characters (got a string of 4097',
    );
    expect(validators['dataset:open-path']({ path: `/${'a'.repeat(4095)}` }).path).toHaveLength(4096);
    rejects('dataset:open-path', { path: '/tmp/a\0.csv' }, 'free of NUL');
    rejects('dataset:open-path', { path: '/a.csv', sheet: 3 }, 'sheet must be a non-empty string');
    expect(validators['dataset:open-path']({ path: '/a.csv', sheet: 'Data' })).toEqual({
      path: '/a.csv',
      sheet: 'Data',
    });
  });

  it('open-path and dropped-path refuse UNC, device-namespace and reserved device paths', () => {
    for (const channel of ['dataset:open-path', 'dataset:dropped-path'] as const) {
      for (const path of [
        '\\\\host\\share\\x.csv',
        '//host/share/x.csv',
        '\\/host/share/x.csv',
        '\\\\?\\C:\\data\\x.csv',
        '\\\\.\\COM1',
        '\\\\?\\UNC\\host\\share\\x.csv',
        'C:\\data\\CON.csv',
        '/home/ana/nul',
        'C:\\data\\lpt1. ',
        '/home/ana/AUX.xlsx',
      ]) {
        rejects(channel, { path }, 'path must be a file on this computer (not a network share or device)');
      }
    }
    for (const path of ['/home/ana/console.csv', '/home/ana/con2.csv', '/srv/com10.csv', '/x/nul/data.csv']) {
      expect(validators['dataset:open-path']({ path }).path).toBe(path);
    }
  });

  it('column lists reject sparse-array holes instead of skipping them', () => {
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    const holey = ['a', , 'b'];
    expect(1 in holey).toBe(false);
    rejects(
      'dataset:correlation',
      { datasetId: 'd', order: 'original', columns: holey },
      'columns[1] must be a non-empty string',
    );
    rejects(
      'model:train',
      withSettings({ features: Object.assign(new Array<string>(3), { 0: 'a', 2: 'b' }) }),
      'settings.features[1] must be a non-empty string',
    );
  });

  it('ids: 1–64 of [A-Za-z0-9_-]', () => {
    expect(validators['dataset:open-sample']({ sampleId: 'a'.repeat(64) }).sampleId).toHaveLength(64);
    rejects('dataset:open-sample', { sampleId: 'a'.repeat(65) }, 'sampleId must be an id');
    rejects('dataset:open-sample', { sampleId: '' }, 'sampleId must be an id');
    rejects('dataset:open-sample', { sampleId: '../iris' }, 'got "../iris"');
    rejects('job:cancel', { jobId: 'a b' }, 'jobId must be an id');
    rejects('job:cancel', { jobId: 7 }, 'jobId must be an id');
  });

  it('rows: offset a non-negative integer, limit 0..MAX_ROWS_PER_REQUEST', () => {
    const rows = (offset: unknown, limit: unknown) => ({ datasetId: 'd', offset, limit });
    rejects('dataset:rows', rows(-1, 10), 'offset must be an integer from 0');
    rejects('dataset:rows', rows(1.5, 10), 'offset must be an integer');
    rejects('dataset:rows', rows('0', 10), 'offset must be an integer');
    rejects(
      'dataset:rows',
      rows(0, MAX_ROWS_PER_REQUEST + 1),
      `limit must be an integer from 0 to ${MAX_ROWS_PER_REQUEST} (got 1001)`,
    );
    rejects('dataset:rows', rows(0, Number.NaN), 'limit must be an integer');
    expect(validators['dataset:rows'](rows(99_999, 0))).toEqual(rows(99_999, 0));
  });

  it('correlation: order one of two, columns distinct names (may be empty)', () => {
    rejects(
      'dataset:correlation',
      { datasetId: 'd', order: 'random' },
      'order must be one of "original", "clustered"',
    );
    rejects(
      'dataset:correlation',
      { datasetId: 'd', order: 'original', columns: ['a', 'a'] },
      'without repeated names',
    );
    rejects(
      'dataset:correlation',
      { datasetId: 'd', order: 'original', columns: 'a' },
      'columns must be a list',
    );
    rejects(
      'dataset:correlation',
      { datasetId: 'd', order: 'original', columns: [''] },
      'columns[0] must be a non-empty string',
    );
    expect(validators['dataset:correlation']({ datasetId: 'd', order: 'original', columns: [] })).toEqual({
      datasetId: 'd',
      order: 'original',
      columns: [],
    });
  });

  it('feature distribution: bins 1..500', () => {
    rejects(
      'dataset:feature-distribution',
      { datasetId: 'd', feature: 'a', target: 'y', bins: 0 },
      'bins must be an integer from 1 to 500',
    );
    rejects('dataset:feature-distribution', { datasetId: 'd', feature: 'a', target: 'y', bins: 501 }, 'bins');
  });

  it('train settings: case-ID column, column types and identifier roles are optional plain data', () => {
    const settingsOf = (patch: Record<string, unknown>) =>
      validators['model:train'](withSettings(patch)).settings;
    expect(
      settingsOf({ idColumn: 'Id', columnTypes: { stage: 'categorical' }, identifiers: ['Id'] }),
    ).toMatchObject({ idColumn: 'Id', columnTypes: { stage: 'categorical' }, identifiers: ['Id'] });
    expect(settingsOf({ idColumn: null }).idColumn).toBeNull();
    expect('columnTypes' in settingsOf({})).toBe(false);
    rejects('model:train', withSettings({ columnTypes: { stage: 'date' } }), 'settings.columnTypes["stage"]');
    rejects(
      'model:train',
      withSettings({ columnTypes: ['stage'] }),
      'settings.columnTypes must be a plain object',
    );
    rejects('model:train', withSettings({ idColumn: '' }), 'settings.idColumn');
    rejects('model:train', withSettings({ identifiers: ['a', 'a'] }), 'settings.identifiers');
  });

  it('train settings: ranges at their exact boundaries', () => {
    const ok = (patch: Record<string, unknown>) =>
      expect(() => validators['model:train'](withSettings(patch))).not.toThrow();
    ok({ nEstimators: 1 });
    ok({ nEstimators: 2000 });
    rejects(
      'model:train',
      withSettings({ nEstimators: 0 }),
      'settings.nEstimators must be an integer from 1 to 2000',
    );
    rejects('model:train', withSettings({ nEstimators: 2001 }), 'settings.nEstimators');
    rejects('model:train', withSettings({ nEstimators: 10.5 }), 'settings.nEstimators');
    ok({ testFraction: 0.05 });
    ok({ testFraction: 0.9 });
    rejects(
      'model:train',
      withSettings({ testFraction: 0.049 }),
      'settings.testFraction must be a number from 0.05 to 0.9',
    );
    rejects('model:train', withSettings({ testFraction: 0.91 }), 'settings.testFraction');
    rejects('model:train', withSettings({ testFraction: Number.POSITIVE_INFINITY }), 'settings.testFraction');
    ok({ kFolds: 0 });
    ok({ kFolds: 20 });
    rejects('model:train', withSettings({ kFolds: 21 }), 'settings.kFolds must be an integer from 0 to 20');
    rejects('model:train', withSettings({ kFolds: -1 }), 'settings.kFolds');
    ok({ maxDepth: 1 });
    rejects('model:train', withSettings({ maxDepth: 0 }), 'settings.maxDepth');
    rejects('model:train', withSettings({ maxDepth: undefined }), 'settings.maxDepth');
    ok({ minSamplesLeaf: 1 });
    rejects('model:train', withSettings({ minSamplesLeaf: 0 }), 'settings.minSamplesLeaf');
    ok({ seed: 0 });
    ok({ seed: 4294967295 });
    rejects('model:train', withSettings({ seed: -1 }), 'settings.seed');
    rejects('model:train', withSettings({ seed: 2 ** 32 }), 'settings.seed');
    rejects(
      'model:train',
      withSettings({ task: 'clustering' }),
      'settings.task must be one of "classification", "regression"',
    );
  });

  it('train settings: maxFeatures is a keyword, a fraction in (0, 1] or a count ≥ 2', () => {
    for (const v of ['sqrt', 'log2', 'all', 0.5, 1, 2, 30]) {
      expect(validators['model:train'](withSettings({ maxFeatures: v })).settings.maxFeatures).toBe(v);
    }
    for (const v of [0, -1, 1.5, 'half', 10_001, null]) {
      rejects('model:train', withSettings({ maxFeatures: v }), 'settings.maxFeatures');
    }
  });

  it('train settings: features are 1..10000 distinct names without the target', () => {
    rejects(
      'model:train',
      withSettings({ features: [] }),
      'settings.features must be at least one column name',
    );
    const many = Array.from({ length: 10_001 }, (_, i) => `f${i}`);
    rejects('model:train', withSettings({ features: many }), 'at most 10000 names (got a list of 10001)');
    expect(
      validators['model:train'](withSettings({ features: many.slice(0, 10_000) })).settings.features,
    ).toHaveLength(10_000);
    rejects('model:train', withSettings({ features: ['diagnosis', 'a'] }), 'without the target "diagnosis"');
    rejects(
      'model:train',
      withSettings({ features: ['a', 1] }),
      'settings.features[1] must be a non-empty string',
    );
  });

  it('explain: LIME settings at their boundaries, row ≥ 0, label optional', () => {
    const ok = (patch: Record<string, unknown>) =>
      expect(() => validators['model:explain'](withLime(patch))).not.toThrow();
    ok({ numSamples: 100 });
    ok({ numSamples: 100_000 });
    rejects(
      'model:explain',
      withLime({ numSamples: 99 }),
      'request.settings.numSamples must be an integer from 100 to 100000',
    );
    rejects('model:explain', withLime({ numSamples: 100_001 }), 'request.settings.numSamples');
    ok({ numFeatures: 1 });
    ok({ numFeatures: 100 });
    rejects('model:explain', withLime({ numFeatures: 0 }), 'request.settings.numFeatures');
    rejects('model:explain', withLime({ numFeatures: 101 }), 'request.settings.numFeatures');
    ok({ kernelWidth: 0.75 });
    rejects('model:explain', withLime({ kernelWidth: 0 }), 'request.settings.kernelWidth');
    rejects('model:explain', withLime({ kernelWidth: -1 }), 'request.settings.kernelWidth');
    ok({ discretizer: null });
    ok({ discretizer: 'entropy' });
    rejects(
      'model:explain',
      withLime({ discretizer: 'kmeans' }),
      'request.settings.discretizer must be one of',
    );
    const explain = (request: Record<string, unknown>) => ({
      jobId: 'j',
      request: { modelId: 'm', settings: lime, ...request },
    });
    // Rows are 1-based everywhere: row 0 does not exist.
    rejects('model:explain', explain({ row: 0 }), 'request.row must be an integer from 1');
    rejects('model:explain', explain({ row: 1, label: -1 }), 'request.label');
    expect(validators['model:explain'](explain({ row: 3 })).request).toEqual({
      modelId: 'm',
      row: 3,
      settings: lime,
    });
  });

  it('rejects objects with a foreign prototype (only plain data crosses IPC)', () => {
    class Sneaky {
      jobId = 'j';
    }
    rejects('job:cancel', new Sneaky(), 'args must be a plain object');
    rejects('job:cancel', new Date(), 'args must be a plain object');
    expect(validators['job:cancel'](Object.assign(Object.create(null) as object, { jobId: 'j' }))).toEqual({
      jobId: 'j',
    });
  });

  it('checks report requests: 1-based distinct rows, a title, known sections and formats', () => {
    const build = GOOD['report:build'] as { jobId: string; request: Record<string, unknown> };
    const withRequest = (patch: Record<string, unknown>) => ({
      ...build,
      request: { ...build.request, ...patch },
    });
    expect(validators['report:build'](build)).toEqual(build);
    rejects('report:build', withRequest({ rows: [0, 3] }), 'request.rows[0] must be an integer from 1 to');
    rejects(
      'report:build',
      withRequest({ rows: [3, 3] }),
      'request.rows must be a list without repeated rows',
    );
    rejects('report:build', withRequest({ rows: [] }), 'request.rows must be a list of 1 to 500 rows');
    const presentation = (patch: Record<string, unknown>) =>
      withRequest({ presentation: { ...PRESENTATION, ...patch } });
    rejects(
      'report:build',
      presentation({ title: '   ' }),
      'request.presentation.title must be a non-empty title',
    );
    rejects('report:build', presentation({ title: 'x'.repeat(201) }), 'at most 200 characters');
    rejects(
      'report:build',
      presentation({ sections: ['data', 'appendix'] }),
      'request.presentation.sections[1] must be one of',
    );
    rejects(
      'report:build',
      presentation({ language: 'de' }),
      'request.presentation.language must be one of "en", "ko"',
    );
    const save = GOOD['report:save'] as Record<string, unknown>;
    rejects('report:save', { ...save, format: 'docx' }, 'format must be one of "pdf", "html", "json"');
    rejects(
      'report:save',
      { ...save, reportId: '../../etc' },
      'reportId must be a report id from report:build',
    );
    expect(validators['report:save']({ ...save, presentation: { ...PRESENTATION, title: ' T ' } })).toEqual({
      ...save,
      presentation: { ...PRESENTATION, title: 'T' },
    });
  });
});

describe('export and project validators', () => {
  const png = 'data:image/png;base64,iVBORw0KGgo=';
  it('PNG: a png data URL only, capped; names without folders', () => {
    rejects(
      'export:save-png',
      { png: 'data:image/jpeg;base64,AA', name: 'a.png' },
      'png must be a "data:image/png;base64,…" image',
    );
    rejects('export:copy-png', { png: 42 }, 'png must be');
    rejects(
      'export:save-png',
      { png: `${png}${'A'.repeat(80 * 1024 * 1024)}`, name: 'a.png' },
      'at most 83886080 characters',
    );
    rejects('export:save-png', { png, name: '../evil.png' }, 'name must be a file name without folders');
    rejects('export:save-png', { png, name: '.hidden.png' }, 'name must be a file name');
    rejects('export:save-png', { png, name: 'a\nb.png' }, 'name must be a file name');
    expect(validators['export:save-png']({ png, name: '환자 차트.png' })).toEqual({
      png,
      name: '환자 차트.png',
    });
  });

  it('data exports and batches: a known kind, 1..100000 non-negative whole rows', () => {
    rejects('export:save-data', { kind: 'xlsx', modelId: 'm-1' }, 'kind must be one of "explanations-csv"');
    rejects(
      'export:save-data',
      { kind: 'metrics-csv', modelId: 'm-1', rows: [] },
      'rows must be a list of 1 to 100000 rows',
    );
    rejects(
      'model:explain-many',
      { jobId: 'j', request: { modelId: 'm-1', rows: [1, -1], settings: LIME_SETTINGS } },
      'request.rows[1] must be an integer from 1',
    );
    rejects(
      'model:explain-many',
      { jobId: 'j', request: { modelId: 'm-1', rows: new Array(100_001).fill(1), settings: LIME_SETTINGS } },
      'a list of 1 to 100000 rows',
    );
  });

  it('projects: view one of four, report choices plain data ≤ 64 KiB, booleans are booleans', () => {
    const view = { view: 'explain', limeSettings: LIME_SETTINGS, explainRow: null, explainLabel: null };
    const save = { datasetId: 'ds-1', modelId: 'm-1', view, saveAs: false };
    rejects('project:save', { ...save, saveAs: 'yes' }, 'saveAs must be true or false');
    rejects('project:save', { ...save, view: { ...view, view: 'settings' } }, 'view.view must be one of');
    rejects(
      'project:save',
      { ...save, view: { ...view, report: { big: 'x'.repeat(70_000) } } },
      'view.report must be plain data',
    );
    rejects('project:open', { path: 'relative.limelens' }, 'path must be an absolute file path');
    rejects('project:open', { retrain: 1 }, 'retrain must be true or false');
    expect(validators['project:open'](undefined)).toEqual({});
    expect(validators['project:open']({ path: '/p.limelens', locate: false })).toEqual({
      path: '/p.limelens',
    });
  });
});
