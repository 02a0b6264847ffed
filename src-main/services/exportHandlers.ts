/**
 * Issue #8 in main: PNG save/copy, data exports (CSV/JSON), batch explanations and saved
 * projects. `withExports` wraps the base handlers: it notes every dataset, training result
 * and explanation that passes (resultsStore) and adds the new channels. The renderer never
 * names a path it writes to: every file is chosen in a native dialog here and written
 * atomically.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type {
  DataExportKind,
  DatasetSummaryDTO,
  ExplanationDTO,
  Outcome,
  OpenProjectResult,
  SavedFileDTO,
} from '../contract/ipc';
import { PROJECT_EXTENSION } from '../contract/ipc';
import { explanationsCsv, explanationsJson, importancesCsv, metricsCsv, type ExplainedCase } from '../engine';
import { writeFileAtomic } from './atomicFile';
import type { HandlerDeps, Handlers } from './handlers';
import { toErrorDTO, userError } from './handlers';
import { decodePngDataUrl } from './pngImage';
import {
  parseProject,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  ProjectFileError,
  serializeProject,
} from './projectFile';
import { createResultsStore } from './resultsStore';
import { findSample } from './samples';
import type { ReportChannel } from './reportHandlers';
import type { PathGate } from './openablePaths';

/** The channels this module adds; the base handlers provide every other one. */
export type ExportChannel =
  | 'model:explain-many'
  | 'export:save-png'
  | 'export:copy-png'
  | 'export:save-data'
  | 'project:save'
  | 'project:open';

export type SaveKind = 'png' | 'csv' | 'json' | 'project' | 'pdf' | 'html';

/** Main's file dialogs and clipboard, injectable so tests and the e2e harness can answer them. */
export interface FileServices {
  /** The native save dialog; the chosen path, or null when the user cancels. */
  saveFile(suggestedName: string, kind: SaveKind): Promise<string | null>;
  /** The native open dialog for a .limelens project. */
  openProject(): Promise<string | null>;
  copyImage(png: Uint8Array): Promise<void>;
}

const DATA_FILES: Readonly<Record<DataExportKind, { name: string; kind: SaveKind }>> = {
  'explanations-csv': { name: 'explanations.csv', kind: 'csv' },
  'explanations-json': { name: 'explanations.json', kind: 'json' },
  'metrics-csv': { name: 'metrics.csv', kind: 'csv' },
  'importances-csv': { name: 'importances.csv', kind: 'csv' },
};

/** SHA-256 of a file, streamed (data files may be hundreds of megabytes). */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const saved = (path: string): SavedFileDTO => ({ path, fileName: basename(path) });

interface OpenedDataset {
  readonly summary: DatasetSummaryDTO;
  readonly sampleId?: string;
}

export function withExports(
  deps: HandlerDeps & PathGate,
  base: Omit<Handlers, ExportChannel | ReportChannel>,
): Omit<Handlers, ReportChannel> {
  const { jobs, recent } = deps;
  const files = deps.files;
  const store = createResultsStore();
  const datasets = new Map<string, OpenedDataset>();
  /** The project file a dataset was opened from or last saved to (for Save without As). */
  const projectPaths = new Map<string, string>();
  const log = deps.log ?? ((message, error) => console.error(`[exports] ${message}`, error));

  jobs.onRestart(() => {
    store.clear();
    datasets.clear();
  });

  async function outcome<T>(what: string, work: () => Promise<T>): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await work() };
    } catch (err) {
      const error = err instanceof ProjectFileError ? userError(err.message) : toErrorDTO(err);
      if (error.kind === 'internal') log(`${what} failed`, err);
      return { ok: false, error };
    }
  }

  function needFiles(): FileServices {
    if (!files) throw new Error('Saving files is not available.');
    return files;
  }

  function noteDataset(result: Outcome<DatasetSummaryDTO> | null, sampleId?: string) {
    if (result?.ok) {
      const previous = [...datasets.keys()];
      for (const id of previous) if (id !== result.value.datasetId) store.forgetDataset(id);
      datasets.clear();
      datasets.set(result.value.datasetId, { summary: result.value, ...(sampleId && { sampleId }) });
    }
    return result;
  }

  function dataPathOf(d: OpenedDataset): string {
    if (d.summary.filePath !== undefined) return d.summary.filePath;
    const sample = d.sampleId === undefined ? undefined : findSample(d.sampleId);
    if (!sample)
      throw new ProjectFileError(
        'This data has no file on disk (it was dropped without a path), so it cannot be saved in a project.',
      );
    return join(deps.samplesDir, sample.fileName);
  }

  function explainedCases(modelId: string, rows?: readonly number[]): ExplainedCase[] {
    const results = store.get(modelId);
    if (!results) throw new ProjectFileError('That model is no longer available. Train it again.');
    const all = [...results.explanations.values()];
    const chosen = rows ? rows.flatMap((r) => all.filter((e) => e.row === r)) : all;
    if (chosen.length === 0)
      throw new ProjectFileError('Explain at least one case before exporting explanations.');
    const cases = new Map(results.train.testCases.map((c) => [c.row, c]));
    return chosen.map((e) => {
      const c = cases.get(e.row);
      return {
        row: e.row,
        id: e.id ?? c?.id ?? null,
        actual: c?.actual ?? null,
        predicted: c?.predicted ?? null,
        explanation: e,
      };
    });
  }

  async function writeData(kind: DataExportKind, modelId: string, rows?: readonly number[]) {
    const results = store.get(modelId);
    if (!results) throw new ProjectFileError('That model is no longer available. Train it again.');
    const text =
      kind === 'explanations-csv'
        ? explanationsCsv(explainedCases(modelId, rows))
        : kind === 'explanations-json'
          ? explanationsJson(explainedCases(modelId, rows))
          : kind === 'metrics-csv'
            ? metricsCsv(results.train)
            : importancesCsv(results.train);
    const stem = basename(
      datasets.get(results.train.datasetId)?.summary.fileName ?? 'lime-lens',
      extname(datasets.get(results.train.datasetId)?.summary.fileName ?? ''),
    );
    const { name, kind: saveKind } = DATA_FILES[kind];
    const path = await needFiles().saveFile(`${stem} ${name}`, saveKind);
    if (path === null) return null;
    await writeFileAtomic(path, text);
    return saved(path);
  }

  async function saveProject(args: Parameters<Handlers['project:save']>[0]): Promise<SavedFileDTO | null> {
    const dataset = datasets.get(args.datasetId);
    const results = store.get(args.modelId);
    if (!dataset || !results || results.train.datasetId !== args.datasetId)
      throw new ProjectFileError('Train a model on the open data before saving a project.');
    const dataPath = dataPathOf(dataset);
    let path = args.saveAs ? undefined : projectPaths.get(args.datasetId);
    if (path === undefined) {
      const stem = basename(dataset.summary.fileName, extname(dataset.summary.fileName));
      const chosen = await needFiles().saveFile(`${stem}.${PROJECT_EXTENSION}`, 'project');
      if (chosen === null) return null;
      path = chosen;
    }
    const [forest, sha256] = await Promise.all([
      jobs.run('modelJson', { modelId: args.modelId }),
      sha256File(dataPath),
    ]);
    const { summary } = dataset;
    const text = serializeProject({
      format: PROJECT_FORMAT,
      version: PROJECT_VERSION,
      savedAt: new Date().toISOString(),
      data: {
        path: dataPath,
        fileName: summary.fileName,
        sha256,
        ...(summary.sheet !== undefined && { sheet: summary.sheet }),
      },
      columns: summary.columns.map((c) => ({ name: c.name, kind: c.kind })),
      settings: results.train.settings,
      model: { forest, train: results.train },
      explanations: [...results.explanations.values()],
      view: args.view,
    });
    await writeFileAtomic(path, text);
    projectPaths.set(args.datasetId, path);
    await recent.add(path).catch((err: unknown) => log('Saving the recent-files list failed', err));
    return saved(path);
  }

  async function openProject(
    args: Parameters<Handlers['project:open']>[0],
  ): Promise<Outcome<OpenProjectResult | null>> {
    // Paths named by the renderer must be ones main has seen (recent list, a drop, launch arguments,
    // an earlier dialog answer); a data path may also be the one the project file itself names.
    const refused = (named: string): Outcome<never> => ({
      ok: false,
      error: userError(
        `Lime Lens opens only files you chose: open "${basename(named)}" with Open Project…, drop it on the window or pick it from the recent files.`,
        { file: basename(named) },
      ),
    });
    if (args.path !== undefined && !(await deps.mayOpen(args.path))) return refused(args.path);
    const path = args.path ?? (await needFiles().openProject());
    if (path === null) return { ok: true, value: null };
    deps.openable.allow(path);
    const name = basename(path);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') await recent.remove(path).catch(() => undefined);
      return { ok: false, error: userError(`The project "${path}" could not be read.`, { file: name }) };
    }
    let project;
    try {
      project = parseProject(text, name);
    } catch (err) {
      return { ok: false, error: err instanceof ProjectFileError ? userError(err.message) : toErrorDTO(err) };
    }
    if (
      args.dataPath !== undefined &&
      args.dataPath !== project.data.path &&
      !(await deps.mayOpen(args.dataPath))
    )
      return refused(args.dataPath);
    let dataPath = args.dataPath ?? project.data.path;
    if (args.locate) {
      const located = await deps.dialogs.openDataset();
      if (located === null) return { ok: true, value: null };
      dataPath = located;
    }
    // The project file the user chose names its data file; a located one came from the dialog.
    deps.openable.allow(dataPath);
    if (!(await isFile(dataPath)))
      return {
        ok: true,
        value: { status: 'data-problem', detail: { problem: 'data-missing', projectPath: path, dataPath } },
      };
    const changed = (await sha256File(dataPath)) !== project.data.sha256;
    if (changed && !args.retrain)
      return {
        ok: true,
        value: { status: 'data-problem', detail: { problem: 'data-changed', projectPath: path, dataPath } },
      };
    const opened = noteDataset(
      await base['dataset:open-path']({
        path: dataPath,
        ...(project.data.sheet !== undefined && { sheet: project.data.sheet }),
      }),
    );
    if (!opened?.ok) return opened as Outcome<never>;
    const dataset = opened.value;
    const restored = await outcome('Restoring a project', async () => {
      let train = null;
      let explanations: ExplanationDTO[] = [];
      if (!changed) {
        const t = project.model.train;
        train = await jobs.run('restoreModel', {
          datasetId: dataset.datasetId,
          settings: project.settings,
          saved: {
            forest: project.model.forest,
            impurityImportance: t.impurityImportance,
            permutationImportance: t.permutationImportance,
            ...(t.crossValidation && { crossValidation: t.crossValidation }),
            trainMillis: t.trainMillis,
          },
        });
        store.addTrain(train);
        const modelId = train.modelId;
        explanations = project.explanations.map((e) => ({ ...e, modelId }));
        store.addExplanations(explanations);
        projectPaths.set(dataset.datasetId, path);
      }
      await recent.add(path).catch((err: unknown) => log('Saving the recent-files list failed', err));
      return {
        status: 'opened' as const,
        project: { path, dataset, settings: project.settings, train, explanations, view: project.view },
      };
    });
    return restored;
  }

  return {
    ...base,
    'dataset:open-dialog': async (args) => noteDataset(await base['dataset:open-dialog'](args)),
    'dataset:open-path': async (args) => noteDataset(await base['dataset:open-path'](args))!,
    'dataset:open-sample': async (args) =>
      noteDataset(await base['dataset:open-sample'](args), args.sampleId)!,
    'model:train': async (args) => {
      const result = await base['model:train'](args);
      if (result.ok) store.addTrain(result.value);
      return result;
    },
    'model:permutation': async (args) => {
      const result = await base['model:permutation'](args);
      if (result.ok) store.setPermutation(args.modelId, result.value);
      return result;
    },
    'model:explain': async (args) => {
      const result = await base['model:explain'](args);
      if (result.ok) store.addExplanations([result.value]);
      return result;
    },
    'model:explain-many': ({ jobId, request }) =>
      outcome('Explaining many cases', async () => {
        const { modelId, rows, settings } = request;
        const list = await jobs.run(
          'explainMany',
          { requests: rows.map((row) => ({ modelId, row, settings })) },
          {
            jobId,
            onProgress: (fraction, message) =>
              deps.sendEvent('job:progress', { jobId, kind: 'explain', fraction, ...message }),
          },
        );
        store.addExplanations(list);
        return list;
      }),
    'export:save-png': ({ png, name }) =>
      outcome('Saving an image', async () => {
        const image = decodePngDataUrl(png);
        const path = await needFiles().saveFile(name, 'png');
        if (path === null) return null;
        await writeFileAtomic(path, image.bytes);
        return saved(path);
      }),
    'export:copy-png': ({ png }) =>
      outcome('Copying an image', async () => {
        await needFiles().copyImage(decodePngDataUrl(png).bytes);
        return true as const;
      }),
    'export:save-data': ({ kind, modelId, rows }) =>
      outcome('Exporting data', () => writeData(kind, modelId, rows)),
    'project:save': (args) => outcome('Saving a project', () => saveProject(args)),
    'project:open': (args) => openProject(args),
  };
}
