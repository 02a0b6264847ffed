/**
 * One function per invoke channel — what main does for each renderer request. Pure
 * Node (no Electron): app/ipc.ts registers them after the sender and argument checks
 * in ipcDispatch.ts, and the e2e harness binds the very same functions to Chromium.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type {
  AppInfoDTO,
  DatasetSummaryDTO,
  ErrorDTO,
  EventChannel,
  EventMap,
  InvokeChannel,
  InvokeMap,
  JobKind,
  Outcome,
} from '../contract/ipc';
import type { JobClient, RunOptions } from '../worker/protocol';
import { JobError } from '../worker/protocol';
import type { RecentFilesStore } from './recentFiles';
import { samePath } from './recentFiles';
import type { OpenablePaths } from './openablePaths';
import { createOpenablePaths } from './openablePaths';
import { createDatasetKeeper } from './datasetKeeper';
import { findSample, SAMPLES } from './samples';
import { ValidationError } from './validate';
import { withExports, type FileServices } from './exportHandlers';
import { withReports, type ReportPrinter } from './reportHandlers';

export type Handlers = {
  readonly [C in InvokeChannel]: (args: InvokeMap[C]['args']) => Promise<InvokeMap[C]['result']>;
};

export type SendEvent = <C extends EventChannel>(channel: C, payload: EventMap[C]) => void;

export interface HandlerDeps {
  readonly jobs: JobClient;
  /** Folder holding the SAMPLES files (see resolveSamplesDir). */
  readonly samplesDir: string;
  readonly recent: RecentFilesStore;
  /** The native open-file dialog; resolves null when the user cancels. */
  readonly dialogs: { openDataset(): Promise<string | null> };
  readonly appInfo: () => AppInfoDTO;
  readonly sendEvent: SendEvent;
  /** Where unexpected errors are logged with their stack (main's console by default). */
  readonly log?: (message: string, error: unknown) => void;
  /** Paths main saw come from the user (app/main.ts adds launch arguments); a fresh set by default. */
  readonly openable?: OpenablePaths;
  /** Save dialogs and clipboard for exports and projects; without them those channels fail politely. */
  readonly files?: FileServices;
  /** Prints a report's HTML to PDF (Electron's printToPDF in the app, Chromium in tests). */
  readonly reportPrinter?: ReportPrinter;
}

/** A user-facing error as data; `Outcome` failures are built from it. */
export function userError(message: string, details: Omit<ErrorDTO, 'kind' | 'message'> = {}): ErrorDTO {
  return { kind: 'user', message, ...details };
}

/**
 * The ErrorDTO the renderer may see for any thrown value: a JobError's own DTO without
 * its stack, a validation failure as a user error, anything else as 'internal' with
 * its message only.
 */
export function toErrorDTO(err: unknown): ErrorDTO {
  if (err instanceof JobError) {
    const { kind, message, file, row, column, code, params } = err.error;
    return {
      kind,
      message,
      ...(file !== undefined && { file }),
      ...(row !== undefined && { row }),
      ...(column !== undefined && { column }),
      ...(code !== undefined && { code }),
      ...(params !== undefined && { params }),
    };
  }
  if (err instanceof ValidationError) return userError(err.message);
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'internal', message: message || 'An unexpected error occurred.' };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { jobs, recent, sendEvent } = deps;
  const log = deps.log ?? ((message, error) => console.error(`[handlers] ${message}`, error));
  const openable = deps.openable ?? createOpenablePaths();
  /** The dataset the renderer shows; the previous one is released from the worker when another opens. */
  let currentDatasetId: string | undefined;

  // A replaced worker has lost every dataset and model: main reopens the current dataset
  // (datasetKeeper.ts) and tells the renderer, which drops its model and explanation.
  const keeper = createDatasetKeeper(jobs, log);
  keeper.onRecovered(({ message, reason, datasetReloaded }) => {
    if (!datasetReloaded) currentDatasetId = undefined;
    sendEvent('worker:status', { status: 'restarted', message, reason, datasetReloaded });
  });

  async function outcome<T>(what: string, work: () => Promise<T>): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await work() };
    } catch (err) {
      const error = toErrorDTO(err);
      if (error.kind === 'internal') log(`${what} failed`, err);
      return { ok: false, error };
    }
  }

  function datasetOpened(summary: DatasetSummaryDTO): DatasetSummaryDTO {
    const previous = currentDatasetId;
    currentDatasetId = summary.datasetId;
    if (previous !== undefined && previous !== summary.datasetId) {
      // Only memory is at stake; a failed release (e.g. the worker restarted) changes nothing.
      jobs.run('release', { datasetId: previous }).catch(() => undefined);
    }
    return summary;
  }

  async function openPath(path: string, sheet?: string): Promise<Outcome<DatasetSummaryDTO>> {
    const fileName = basename(path);
    try {
      const info = await stat(path);
      if (!info.isFile()) return { ok: false, error: userError(`"${path}" is a folder, not a data file.`) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        return { ok: false, error: userError(`The file "${path}" could not be read.`, { file: fileName }) };
      }
      await recent.remove(path).catch(() => undefined);
      return {
        ok: false,
        error: userError(`The file "${path}" could not be found. It may have been moved or deleted.`, {
          file: fileName,
        }),
      };
    }
    const args = { path, fileName, ...(sheet !== undefined && { sheet }) };
    const result = await outcome('Opening a file', () => jobs.run('load', args));
    if (!result.ok) return result;
    // A failure to remember the file must not fail the open itself.
    await recent.add(path).catch((err: unknown) => log('Saving the recent-files list failed', err));
    keeper.remember(result.value, args);
    return { ok: true, value: datasetOpened({ ...result.value, filePath: path }) };
  }

  /** The renderer names paths only main has seen: see openablePaths.ts. */
  async function mayOpen(path: string): Promise<boolean> {
    if (openable.has(path)) return true;
    const files = await recent.list().catch(() => []);
    return files.some((f) => samePath(f.path, resolve(path)));
  }

  function progressFor(jobId: string, kind: JobKind): RunOptions {
    return {
      jobId,
      onProgress: (fraction, message) => sendEvent('job:progress', { jobId, kind, fraction, ...message }),
    };
  }

  return withReports(
    deps,
    withExports(
      { ...deps, openable, mayOpen },
      {
        'app:info': async () => deps.appInfo(),

        'dataset:open-dialog': async () => {
          const path = await deps.dialogs.openDataset();
          if (path === null) return null;
          openable.allow(path);
          return openPath(path);
        },

        'dataset:open-path': async ({ path, sheet }) => {
          if (!(await mayOpen(path))) {
            return {
              ok: false,
              error: userError(
                `Lime Lens opens only files you chose: open "${basename(path)}" with Open dataset…, drop it on the window or pick it from the recent files.`,
                { file: basename(path) },
              ),
            };
          }
          return openPath(path, sheet);
        },

        'dataset:open-sample': async ({ sampleId }) => {
          const sample = findSample(sampleId);
          if (!sample) return { ok: false, error: userError(`There is no sample called "${sampleId}".`) };
          return outcome(`Opening sample ${sampleId}`, async () => {
            // Samples are small; passing bytes keeps their install path out of the summary.
            const bytes = new Uint8Array(await readFile(join(deps.samplesDir, sample.fileName)));
            const args = { bytes, fileName: sample.fileName };
            const summary = await jobs.run('load', args);
            keeper.remember(summary, args);
            return datasetOpened(summary);
          });
        },

        'dataset:samples': async () => SAMPLES,

        'dataset:recent': async () => {
          try {
            return await recent.list();
          } catch (err) {
            log('Reading the recent-files list failed', err);
            return [];
          }
        },

        'dataset:rows': (request) => outcome('Reading rows', () => jobs.run('rows', request)),

        'dataset:correlation': (request) =>
          outcome('Computing correlations', () => jobs.run('correlation', request)),

        'dataset:feature-distribution': (request) =>
          outcome('Computing a feature distribution', () => jobs.run('featureDistribution', request)),

        'model:train': ({ jobId, datasetId, settings }) =>
          outcome('Training', () => jobs.run('train', { datasetId, settings }, progressFor(jobId, 'train'))),

        'model:explain': ({ jobId, request }) =>
          outcome('Explaining', () => jobs.run('explain', request, progressFor(jobId, 'explain'))),

        'job:cancel': async ({ jobId }) => jobs.cancel(jobId),

        'dataset:dropped-path': async ({ path }) => {
          openable.allow(path);
          return true;
        },
        'trust:stability': ({ jobId, request }) =>
          outcome('Checking stability', () => jobs.run('stability', request, progressFor(jobId, 'trust'))),

        'trust:case': ({ jobId, request }) =>
          outcome('Explaining a case', () => jobs.run('caseInsight', request, progressFor(jobId, 'explain'))),

        'trust:predict': (request) => outcome('Predicting a case', () => jobs.run('predictCase', request)),

        'trust:shap-summary': ({ jobId, modelId }) =>
          outcome('Computing SHAP values', () =>
            jobs.run('shapSummary', { modelId }, progressFor(jobId, 'trust')),
          ),

        'trust:sp-lime': ({ jobId, request }) =>
          outcome('Picking explanations', () => jobs.run('spLime', request, progressFor(jobId, 'trust'))),

        'model:permutation': ({ jobId, modelId }) =>
          outcome('Computing permutation importance', () =>
            jobs.run('permutation', { modelId }, progressFor(jobId, 'train')),
          ),
      },
    ),
  );
}
