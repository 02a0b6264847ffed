import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventChannel, InvokeChannel, LimeLensApi } from '../../src-main/contract/ipc';
import { INVOKE_CHANNELS } from '../../src-main/contract/ipc';
import type { LimeLensTransport } from '../../src-main/preload/api';
import { createLimeLensApi } from '../../src-main/preload/api';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, ((event: unknown, payload: unknown) => void)[]>();
  return {
    listeners,
    exposed: [] as [string, unknown][],
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.push([key, api]) },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, args: unknown) => ({ channel, args })),
      on(channel: string, fn: (event: unknown, payload: unknown) => void) {
        listeners.set(channel, [...(listeners.get(channel) ?? []), fn]);
      },
      removeListener(channel: string, fn: (event: unknown, payload: unknown) => void) {
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((f) => f !== fn),
        );
      },
    },
    webUtils: { getPathForFile: vi.fn(() => '/dropped/cases.csv') },
  };
});
vi.mock('electron', () => electron);

function recordingTransport() {
  const invoked: [InvokeChannel, unknown][] = [];
  const subscribed: EventChannel[] = [];
  const transport: LimeLensTransport = {
    invoke: async (channel, args) => {
      invoked.push([channel, args]);
      return { ok: true, value: channel };
    },
    on: (channel) => {
      subscribed.push(channel);
      return () => undefined;
    },
    pathForFile: () => '/x.csv',
  };
  return { transport, invoked, subscribed };
}

const API_METHODS: (keyof LimeLensApi)[] = [
  'appInfo',
  'openDatasetDialog',
  'openDatasetPath',
  'openSample',
  'pathForFile',
  'listSamples',
  'recentFiles',
  'rows',
  'correlation',
  'featureDistribution',
  'train',
  'explain',
  'cancelJob',
  'stability',
  'explainCase',
  'predictCase',
  'shapSummary',
  'spLime',
  'on',
  'explainMany',
  'savePng',
  'copyPng',
  'saveData',
  'saveProject',
  'openProject',
  'buildReport',
  'saveReport',
  'permutationImportance',
];

describe('createLimeLensApi', () => {
  it('exposes exactly the contract methods, frozen', () => {
    const api = createLimeLensApi(recordingTransport().transport);
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('maps each method to its channel with the contract argument shape', async () => {
    const { transport, invoked } = recordingTransport();
    const api = createLimeLensApi(transport);
    const lime = { numFeatures: 8, numSamples: 5000, kernelWidth: null, discretizer: null, seed: 1 };
    await api.appInfo();
    await api.openDatasetDialog();
    await api.openDatasetPath('/a.csv');
    await api.openDatasetPath('/b.xlsx', 'Sheet2');
    await api.openSample('iris');
    await api.listSamples();
    await api.recentFiles();
    await api.rows({ datasetId: 'd', offset: 0, limit: 10 });
    await api.correlation({ datasetId: 'd', order: 'original' });
    await api.featureDistribution({ datasetId: 'd', feature: 'a', target: 'y' });
    await api.train('j1', 'd', {} as never);
    await api.explain('j2', { modelId: 'm', row: 1, settings: lime });
    await api.cancelJob('j1');
    expect(api.pathForFile({} as File)).toBe('/x.csv');
    const stability = { modelId: 'm', row: 1, settings: lime, runs: 10, sampleSizes: [1000] };
    await api.stability('j3', stability);
    await api.explainCase('j4', { modelId: 'm', row: 1, settings: lime });
    await api.predictCase({ modelId: 'm', row: 1, edits: [{ feature: 'a', value: 1 }] });
    await api.shapSummary('j5', 'm');
    await api.spLime('j6', { modelId: 'm', settings: lime, sampleSize: 50, budget: 5 });
    const view = { view: 'model' as const, limeSettings: lime, explainRow: null, explainLabel: null };
    await api.explainMany('j3', { modelId: 'm', rows: [4, 2], settings: lime });
    await api.savePng('data:image/png;base64,AA==', 'Chart.png');
    await api.copyPng('data:image/png;base64,AA==');
    await api.saveData({ kind: 'metrics-csv', modelId: 'm' });
    await api.saveProject({ datasetId: 'd', modelId: 'm', view, saveAs: false });
    await api.openProject({ path: '/p.limelens' });
    const presentation = {
      title: 'T',
      author: '',
      language: 'en' as const,
      paper: 'A4' as const,
      sections: [],
    };
    await api.buildReport('j4', { modelId: 'm', rows: [12], lime, presentation });
    await api.saveReport({ reportId: 'r', presentation, format: 'html' });
    await api.permutationImportance('j7', 'm');
    expect(invoked).toEqual([
      ['app:info', null],
      ['dataset:open-dialog', null],
      ['dataset:open-path', { path: '/a.csv' }],
      ['dataset:open-path', { path: '/b.xlsx', sheet: 'Sheet2' }],
      ['dataset:open-sample', { sampleId: 'iris' }],
      ['dataset:samples', null],
      ['dataset:recent', null],
      ['dataset:rows', { datasetId: 'd', offset: 0, limit: 10 }],
      ['dataset:correlation', { datasetId: 'd', order: 'original' }],
      ['dataset:feature-distribution', { datasetId: 'd', feature: 'a', target: 'y' }],
      ['model:train', { jobId: 'j1', datasetId: 'd', settings: {} }],
      ['model:explain', { jobId: 'j2', request: { modelId: 'm', row: 1, settings: lime } }],
      ['job:cancel', { jobId: 'j1' }],
      ['dataset:dropped-path', { path: '/x.csv' }],
      ['trust:stability', { jobId: 'j3', request: stability }],
      ['trust:case', { jobId: 'j4', request: { modelId: 'm', row: 1, settings: lime } }],
      ['trust:predict', { modelId: 'm', row: 1, edits: [{ feature: 'a', value: 1 }] }],
      ['trust:shap-summary', { jobId: 'j5', modelId: 'm' }],
      [
        'trust:sp-lime',
        { jobId: 'j6', request: { modelId: 'm', settings: lime, sampleSize: 50, budget: 5 } },
      ],
      ['model:explain-many', { jobId: 'j3', request: { modelId: 'm', rows: [4, 2], settings: lime } }],
      ['export:save-png', { png: 'data:image/png;base64,AA==', name: 'Chart.png' }],
      ['export:copy-png', { png: 'data:image/png;base64,AA==' }],
      ['export:save-data', { kind: 'metrics-csv', modelId: 'm' }],
      ['project:save', { datasetId: 'd', modelId: 'm', view, saveAs: false }],
      ['project:open', { path: '/p.limelens' }],
      ['report:build', { jobId: 'j4', request: { modelId: 'm', rows: [12], lime, presentation } }],
      ['report:save', { reportId: 'r', presentation, format: 'html' }],
      ['model:permutation', { jobId: 'j7', modelId: 'm' }],
    ]);
    expect(new Set(invoked.map(([c]) => c))).toEqual(new Set(INVOKE_CHANNELS));
  });

  it('subscribes only to contract events', () => {
    const { transport, subscribed } = recordingTransport();
    const api = createLimeLensApi(transport);
    api.on('job:progress', () => undefined);
    api.on('menu:command', () => undefined);
    expect(() => api.on('ipc:anything' as EventChannel, () => undefined)).toThrow(
      'Unknown event "ipc:anything".',
    );
    expect(subscribed).toEqual(['job:progress', 'menu:command']);
  });

  it('announces a dropped path to main before the open that names it, even if the announcement is slow', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const api = createLimeLensApi({
      ...recordingTransport().transport,
      invoke: async (channel) => {
        order.push(`start ${channel}`);
        if (channel === 'dataset:dropped-path') await new Promise<void>((r) => (release = r));
        order.push(`end ${channel}`);
        return true;
      },
      pathForFile: () => '/dropped/cases.csv',
    });
    expect(api.pathForFile({} as File)).toBe('/dropped/cases.csv');
    const opened = api.openDatasetPath('/dropped/cases.csv');
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(['start dataset:dropped-path']);
    release();
    await opened;
    expect(order).toEqual([
      'start dataset:dropped-path',
      'end dataset:dropped-path',
      'start dataset:open-path',
      'end dataset:open-path',
    ]);
  });

  it("pathForFile returns '' when the transport cannot give a path", () => {
    const api = createLimeLensApi({
      ...recordingTransport().transport,
      pathForFile: () => {
        throw new TypeError('not a File');
      },
    });
    expect(api.pathForFile({} as File)).toBe('');
  });
});

describe('preload entry (electron mocked)', () => {
  beforeEach(() => {
    electron.exposed.length = 0;
  });

  it('exposes only the curated API as window.limeLens, backed by ipcRenderer.invoke', async () => {
    await import('../../src-main/preload/index');
    expect(electron.exposed.map(([key]) => key)).toEqual(['limeLens']);
    const api = electron.exposed[0][1] as LimeLensApi;
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    expect(await api.openSample('iris')).toEqual({
      channel: 'dataset:open-sample',
      args: { sampleId: 'iris' },
    });
    expect(api.pathForFile({} as File)).toBe('/dropped/cases.csv');

    const payloads: unknown[] = [];
    const off = api.on('job:progress', (p) => payloads.push(p));
    const [listener] = electron.listeners.get('job:progress')!;
    listener({ sender: electron.ipcRenderer }, { jobId: 'j', fraction: 0.5 });
    expect(payloads).toEqual([{ jobId: 'j', fraction: 0.5 }]);
    off();
    expect(electron.listeners.get('job:progress')).toEqual([]);
  });
});
