/**
 * The curated API the renderer sees as `window.limeLens`, built over a transport so
 * it has no Electron import: the preload passes ipcRenderer-backed functions, the e2e
 * harness a Playwright binding. Only contract channels can be reached through it.
 */
import type { EventChannel, EventMap, InvokeChannel, InvokeMap, LimeLensApi } from '../contract/ipc';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../contract/ipc';

export interface LimeLensTransport {
  invoke(channel: InvokeChannel, args: unknown): Promise<unknown>;
  /** Subscribes to an event channel; returns the unsubscribe function. */
  on(channel: EventChannel, listener: (payload: unknown) => void): () => void;
  pathForFile(file: File): string;
}

export function createLimeLensApi(transport: LimeLensTransport): LimeLensApi {
  const invokeChannels: ReadonlySet<string> = new Set(INVOKE_CHANNELS);
  const eventChannels: ReadonlySet<string> = new Set(EVENT_CHANNELS);

  function invoke<C extends InvokeChannel>(channel: C, args: InvokeMap[C]['args']) {
    if (!invokeChannels.has(channel)) return Promise.reject(new Error(`Unknown request "${channel}".`));
    return transport.invoke(channel, args) as Promise<InvokeMap[C]['result']>;
  }

  // Main opens only paths it has seen; a dropped file's path is announced here, from the File
  // object, and an open waits for that announcement so it cannot overtake it.
  let droppedAnnounced: Promise<unknown> = Promise.resolve();

  const api: LimeLensApi = {
    appInfo: () => invoke('app:info', null),
    openDatasetDialog: () => invoke('dataset:open-dialog', null),
    openDatasetPath: (path, sheet) =>
      droppedAnnounced.then(() =>
        invoke('dataset:open-path', sheet === undefined ? { path } : { path, sheet }),
      ),
    openSample: (sampleId) => invoke('dataset:open-sample', { sampleId }),
    pathForFile: (file) => {
      let path: string;
      try {
        path = transport.pathForFile(file);
      } catch {
        // Not a File from a drop (or no path, e.g. dragged from a browser): callers check for ''.
        return '';
      }
      if (path) droppedAnnounced = invoke('dataset:dropped-path', { path }).catch(() => undefined);
      return path;
    },
    listSamples: () => invoke('dataset:samples', null),
    recentFiles: () => invoke('dataset:recent', null),
    rows: (request) => invoke('dataset:rows', request),
    correlation: (request) => invoke('dataset:correlation', request),
    featureDistribution: (request) => invoke('dataset:feature-distribution', request),
    train: (jobId, datasetId, settings) => invoke('model:train', { jobId, datasetId, settings }),
    explain: (jobId, request) => invoke('model:explain', { jobId, request }),
    cancelJob: (jobId) => invoke('job:cancel', { jobId }),
    stability: (jobId, request) => invoke('trust:stability', { jobId, request }),
    explainCase: (jobId, request) => invoke('trust:case', { jobId, request }),
    predictCase: (request) => invoke('trust:predict', request),
    shapSummary: (jobId, modelId) => invoke('trust:shap-summary', { jobId, modelId }),
    spLime: (jobId, request) => invoke('trust:sp-lime', { jobId, request }),
    explainMany: (jobId, request) => invoke('model:explain-many', { jobId, request }),
    savePng: (png, name) => invoke('export:save-png', { png, name }),
    copyPng: (png) => invoke('export:copy-png', { png }),
    saveData: (request) => invoke('export:save-data', request),
    saveProject: (request) => invoke('project:save', request),
    openProject: (request) => invoke('project:open', request),
    buildReport: (jobId, request) => invoke('report:build', { jobId, request }),
    saveReport: (request) => invoke('report:save', request),
    permutationImportance: (jobId, modelId) => invoke('model:permutation', { jobId, modelId }),
    on<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void {
      if (!eventChannels.has(channel)) throw new Error(`Unknown event "${channel}".`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return transport.on(channel, (payload) => listener(payload as EventMap[C]));
    },
  };
  return Object.freeze(api);
}
