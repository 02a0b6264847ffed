/**
 * The renderer's application state and the actions that talk to main through `window.limeLens`.
 * Views read these fields and call these methods; they never call the bridge themselves, so every
 * failure path ends in the same error banner.
 */
import type {
  AppView,
  AppInfoDTO,
  DatasetSummaryDTO,
  ErrorDTO,
  ExplanationDTO,
  JobKind,
  JobProgressEvent,
  LimeLensApi,
  Outcome,
  RecentFileDTO,
  SampleDTO,
  TrainResultDTO,
  WorkerStatusEvent,
} from '../contract';
import { workerRestartNotice } from '../lib/workerRestart';
import { t } from '../i18n/i18n.svelte';
import { localizedMessage } from '../i18n/engineMessage';
import { newJobId } from '../lib/jobId';
import {
  changeTarget,
  detectedIdentifiers,
  initialSelection,
  inferTask,
  sameSelection,
  suggestedFeatures,
  toggleFeature,
  type Selection,
} from '../lib/selection';
import {
  defaultLimeForm,
  defaultModelForm,
  parseLimeForm,
  parseModelForm,
  type LimeField,
  type LimeForm,
  type ModelField,
  type ModelForm,
} from '../lib/settings';
import type { MessageKey } from '../i18n/translate';
import { setColumnRole, setColumnType } from '../lib/columnChoices';
import type { ColumnRole, ColumnTypeChoice } from '../contract';
import type { Task } from '../contract';
import type {
  DataExportKind,
  LimeSettingsDTO,
  OpenProjectRequest,
  ProjectDataProblemDTO,
  ProjectDTO,
  SavedFileDTO,
} from '../contract';
import { limeFormFrom, modelFormFrom } from '../lib/projectForms';
import type { BuiltReportDTO, ReportRequest, SaveReportRequest } from '../../../src-main/contract/report';

export type View = AppView;

export interface JobState {
  readonly id: string;
  readonly kind: JobKind;
  fraction: number;
  message: string;
}

function bridge(): LimeLensApi | null {
  return typeof window !== 'undefined' && window.limeLens ? window.limeLens : null;
}

class AppState {
  view = $state<View>('data');
  appInfo = $state.raw<AppInfoDTO | null>(null);
  samples = $state.raw<readonly SampleDTO[] | null>(null);
  recent = $state.raw<readonly RecentFileDTO[]>([]);

  dataset = $state.raw<DatasetSummaryDTO | null>(null);
  /** Name of the file being opened, for the status line. */
  opening = $state<string | null>(null);
  error = $state.raw<ErrorDTO | null>(null);
  private dialogOpen = false;
  notice = $state<string | null>(null);

  selection = $state.raw<Selection>({
    target: '',
    task: 'classification',
    features: [],
    idColumn: null,
    identifiers: [],
    columnTypes: {},
  });
  modelForm = $state<ModelForm>(defaultModelForm());
  modelErrors = $state.raw<Partial<Record<ModelField | 'features', MessageKey>>>({});
  train = $state.raw<TrainResultDTO | null>(null);

  limeForm = $state<LimeForm>(defaultLimeForm());
  /** The number of LIME features the user asked for, and what it was last clamped to (see train). */
  private limeFeaturesWanted: number | null = null;
  private limeFeaturesClampedTo: number | null = null;
  limeErrors = $state.raw<Partial<Record<LimeField, MessageKey>>>({});
  /** 1-based data row being explained (as every row number in the contract). */
  explainRow = $state<number | null>(null);
  /** Class to explain; null = the predicted class. */
  explainLabel = $state<number | null>(null);
  explanation = $state.raw<ExplanationDTO | null>(null);

  job = $state<JobState | null>(null);

  readonly busy = $derived(this.job !== null || this.opening !== null);
  /** The trained model no longer matches the Data view's target/task/features. */
  readonly trainStale = $derived(
    this.train !== null &&
      !sameSelection(this.selection, {
        target: this.train.settings.target,
        task: this.train.settings.task,
        features: this.train.settings.features,
        idColumn: this.train.settings.idColumn ?? null,
        columnTypes: this.train.settings.columnTypes ?? {},
      }),
  );

  // ------------------------------------------------------------ start-up

  async start(): Promise<void> {
    const api = bridge();
    if (!api) {
      this.error = { kind: 'internal', message: t('error.bridgeMissing') };
      return;
    }
    await Promise.all([
      this.guard(async () => {
        this.appInfo = await api.appInfo();
      }),
      this.guard(async () => {
        this.samples = await api.listSamples();
      }),
      this.refreshRecent(),
    ]);
  }

  async refreshRecent(): Promise<void> {
    const api = bridge();
    if (!api) return;
    await this.guard(async () => {
      this.recent = await api.recentFiles();
    });
  }

  // ------------------------------------------------------------ datasets

  openSample(sampleId: string): Promise<void> {
    const sample = this.samples?.find((s) => s.id === sampleId);
    return this.open(sample?.fileName ?? sampleId, (api) => api.openSample(sampleId));
  }

  openPath(path: string, sheet?: string): Promise<void> {
    if (/\.limelens$/i.test(path)) return this.openProject({ path });
    const name = path.split(/[\\/]/).pop() ?? path;
    return this.open(name, (api) => api.openDatasetPath(path, sheet));
  }

  async openDialog(): Promise<void> {
    // The menu accelerator and the page's Ctrl+O may both fire; one dialog is enough.
    if (this.busy || this.dialogOpen) return;
    const api = bridge();
    if (!api) return;
    this.dialogOpen = true;
    try {
      await this.guard(async () => {
        const outcome = await api.openDatasetDialog();
        if (outcome) this.acceptDataset(outcome);
      });
    } finally {
      this.dialogOpen = false;
    }
  }

  private async open(
    name: string,
    request: (api: LimeLensApi) => Promise<Outcome<DatasetSummaryDTO>>,
  ): Promise<void> {
    const api = bridge();
    if (!api || this.opening !== null) return;
    this.opening = name;
    try {
      await this.guard(async () => this.acceptDataset(await request(api)));
    } finally {
      this.opening = null;
    }
  }

  private acceptDataset(outcome: Outcome<DatasetSummaryDTO>): void {
    if (!outcome.ok) {
      this.showError(outcome.error);
      return;
    }
    const dataset = outcome.value;
    this.error = null;
    this.dataset = dataset;
    this.selection = initialSelection(dataset);
    this.modelForm = defaultModelForm(dataset.suggestedTask);
    this.modelErrors = {};
    this.train = null;
    this.explanation = null;
    this.explainRow = null;
    this.explainLabel = null;
    this.view = 'data';
    void this.refreshRecent();
  }

  closeDataset(): void {
    if (this.job) return;
    this.dataset = null;
    this.train = null;
    this.explanation = null;
    this.explainRow = null;
  }

  // ------------------------------------------------------------ selection

  setTarget(target: string): void {
    if (!this.dataset) return;
    const before = this.selection.task;
    this.selection = changeTarget(this.dataset, this.selection, target);
    if (this.selection.task !== before)
      this.modelForm = { ...this.modelForm, ...taskDefaults(this.selection.task) };
  }

  setTask(task: Task): void {
    this.selection = { ...this.selection, task };
    this.modelForm = { ...this.modelForm, ...taskDefaults(task) };
  }

  toggleFeature(name: string): void {
    if (this.dataset) this.selection = toggleFeature(this.dataset, this.selection, name);
  }

  setFeatures(names: readonly string[]): void {
    if (!this.dataset) return;
    const chosen = new Set(names);
    this.selection = {
      ...this.selection,
      features: this.dataset.columns
        .map((c) => c.name)
        .filter((n) => chosen.has(n) && n !== this.selection.target),
    };
  }

  resetFeatures(): void {
    if (!this.dataset) return;
    const target = this.selection.target;
    this.selection = {
      ...this.selection,
      target,
      task: inferTask(this.dataset, target),
      features: suggestedFeatures(this.dataset, target),
      identifiers: detectedIdentifiers(this.dataset, target),
    };
  }

  setColumnRole(name: string, role: ColumnRole): void {
    if (this.dataset) this.selection = setColumnRole(this.dataset, this.selection, name, role);
  }

  setColumnType(name: string, type: ColumnTypeChoice): void {
    const column = this.dataset?.columns.find((c) => c.name === name);
    if (column) this.selection = setColumnType(this.selection, column, type);
  }

  /** The column whose values name the cases (null: none). */
  setIdColumn(name: string | null): void {
    this.selection = { ...this.selection, idColumn: name };
  }

  // ------------------------------------------------------------ jobs

  /** Runs one train/explain job with progress; null when it failed or was cancelled. */
  async runJob<T>(kind: JobKind, start: (jobId: string) => Promise<Outcome<T>>): Promise<T | null> {
    const id = newJobId();
    this.notice = null;
    this.job = { id, kind, fraction: 0, message: '' };
    try {
      const outcome = await start(id);
      if (outcome.ok) return outcome.value;
      this.showError(outcome.error);
      return null;
    } catch (e) {
      this.showError({ kind: 'internal', message: e instanceof Error ? e.message : String(e) });
      return null;
    } finally {
      if (this.job?.id === id) this.job = null;
    }
  }

  onProgress(event: JobProgressEvent): void {
    if (this.job && event.jobId === this.job.id) {
      this.job.fraction = Math.min(1, Math.max(0, event.fraction));
      // The worker's progress carries a catalog code: said in the user's language.
      this.job.message = localizedMessage(event);
    }
  }

  async cancelJob(): Promise<void> {
    const api = bridge();
    if (!api || !this.job) return;
    const id = this.job.id;
    this.job.message = t('notice.cancelled');
    await this.guard(async () => {
      await api.cancelJob(id);
    });
  }

  async trainModel(): Promise<void> {
    const api = bridge();
    const dataset = this.dataset;
    if (!api || !dataset || this.busy) return;
    const parsed = parseModelForm(this.modelForm, this.selection);
    if (!parsed.ok) {
      this.modelErrors = parsed.errors;
      return;
    }
    this.modelErrors = {};
    const result = await this.runJob('train', (jobId) => api.train(jobId, dataset.datasetId, parsed.value));
    if (result && this.dataset?.datasetId === dataset.datasetId) {
      this.error = null;
      this.train = result;
      this.explanation = null;
      this.explainRow = null;
      this.explainLabel = null;
      // Clamp to this model's features, but remember what was asked for so that a later,
      // wider dataset gets it back (8 by default) instead of the last dataset's clamp.
      const featureCount = result.settings.features.length;
      const current = Number(this.limeForm.numFeatures);
      if (this.limeFeaturesWanted === null || current !== this.limeFeaturesClampedTo)
        this.limeFeaturesWanted = current;
      const wanted = this.limeFeaturesWanted;
      const next = Number.isFinite(wanted) ? Math.min(wanted, featureCount) : current;
      this.limeFeaturesClampedTo = next !== wanted ? next : null;
      if (next !== current) this.limeForm.numFeatures = next;
    }
  }

  async explainCase(row: number, label: number | null = this.explainLabel): Promise<void> {
    const api = bridge();
    const model = this.train;
    if (!api || !model || this.busy) return;
    const parsed = parseLimeForm(this.limeForm, model.settings.features.length);
    if (!parsed.ok) {
      this.limeErrors = parsed.errors;
      return;
    }
    this.limeErrors = {};
    this.explainRow = row;
    this.explainLabel = label;
    const request = {
      modelId: model.modelId,
      row,
      settings: parsed.value,
      ...(label !== null ? { label } : {}),
    };
    const result = await this.runJob('explain', (jobId) => api.explain(jobId, request));
    if (result && this.train?.modelId === model.modelId && this.explainRow === row) {
      this.error = null;
      this.explanation = result;
      this.noteExplanations([result]);
    }
  }

  /** A read-only data query (rows, correlation, distributions); errors go to the banner, result null. */
  async query<T>(request: (api: LimeLensApi) => Promise<Outcome<T>>): Promise<T | null> {
    const api = bridge();
    if (!api) return null;
    try {
      const outcome = await request(api);
      if (outcome.ok) return outcome.value;
      this.showError(outcome.error);
    } catch (e) {
      this.showError({ kind: 'internal', message: e instanceof Error ? e.message : String(e) });
    }
    return null;
  }

  // ------------------------------------------------------------ exports and projects (issue #8)

  /** Explanations done with any model; `explanations` shows the current model's. */
  private explained = $state.raw<readonly ExplanationDTO[]>([]);
  readonly explanations = $derived(this.explained.filter((e) => e.modelId === this.train?.modelId));
  /** A project whose data file is missing or changed, waiting for the user's choice. */
  projectProblem = $state.raw<ProjectDataProblemDTO | null>(null);
  /** Report choices restored from a project, for the Report view. */
  reportChoices = $state.raw<unknown>(undefined);

  private noteExplanations(list: readonly ExplanationDTO[]): void {
    const key = (e: ExplanationDTO) => `${e.modelId}:${e.row}:${e.label ?? ''}`;
    const fresh = new Map(list.map((e) => [key(e), e]));
    // A redone case replaces the old one in place; older models' explanations are dropped.
    const kept = this.explained
      .filter((e) => e.modelId === list[0]?.modelId)
      .map((e) => fresh.get(key(e)) ?? e);
    const known = new Set(kept.map(key));
    this.explained = [...kept, ...list.filter((e) => !known.has(key(e)))];
  }

  /** Explains many cases on the worker's thread pool, with progress and cancel. */
  async explainMany(rows: readonly number[]): Promise<void> {
    const api = bridge();
    const model = this.train;
    if (!api || !model || this.busy || rows.length === 0) return;
    const parsed = parseLimeForm(this.limeForm, model.settings.features.length);
    if (!parsed.ok) {
      this.limeErrors = parsed.errors;
      return;
    }
    this.limeErrors = {};
    const request = { modelId: model.modelId, rows, settings: parsed.value };
    const result = await this.runJob('explain', (jobId) => api.explainMany(jobId, request));
    if (result && this.train?.modelId === model.modelId) {
      this.error = null;
      this.noteExplanations(result);
      this.notice = t('export.batchDone', { count: result.length });
    }
  }

  private saved(outcome: Outcome<SavedFileDTO | null>): void {
    if (!outcome.ok) this.showError(outcome.error);
    else if (outcome.value) this.notice = t('export.saved', { name: outcome.value.fileName });
  }

  async exportData(kind: DataExportKind, rows?: readonly number[]): Promise<void> {
    const api = bridge();
    const model = this.train;
    if (!api || !model) return;
    await this.guard(async () =>
      this.saved(await api.saveData({ kind, modelId: model.modelId, ...(rows && { rows }) })),
    );
  }

  async savePng(png: string, name: string): Promise<void> {
    const api = bridge();
    if (api) await this.guard(async () => this.saved(await api.savePng(png, name)));
  }

  async copyPng(png: string): Promise<void> {
    const api = bridge();
    if (!api) return;
    await this.guard(async () => {
      const outcome = await api.copyPng(png);
      if (outcome.ok) this.notice = t('export.copied');
      else this.showError(outcome.error);
    });
  }

  async saveProject(saveAs: boolean): Promise<void> {
    const api = bridge();
    const dataset = this.dataset;
    const model = this.train;
    if (!api || !dataset) return;
    if (!model || model.datasetId !== dataset.datasetId) {
      this.showError({ kind: 'user', message: t('project.needsModel') });
      return;
    }
    const lime = parseLimeForm(this.limeForm, model.settings.features.length);
    const view = {
      view: this.view,
      limeSettings: lime.ok ? lime.value : (this.explanation?.settings ?? parseDefaults(model)),
      explainRow: this.explainRow,
      explainLabel: this.explainLabel,
      ...(this.reportChoices !== undefined && { report: this.reportChoices }),
    };
    await this.guard(async () =>
      this.saved(
        await api.saveProject({ datasetId: dataset.datasetId, modelId: model.modelId, view, saveAs }),
      ),
    );
  }

  async openProject(request: OpenProjectRequest = {}): Promise<void> {
    const api = bridge();
    if (!api || this.busy) return;
    this.opening = request.path?.split(/[\\/]/).pop() ?? t('project.opening');
    try {
      await this.guard(async () => {
        const outcome = await api.openProject(request);
        if (!outcome.ok) {
          this.showError(outcome.error);
          return;
        }
        const result = outcome.value;
        if (result === null) return;
        if (result.status === 'data-problem') {
          this.projectProblem = result.detail;
          return;
        }
        this.projectProblem = null;
        this.acceptProject(result.project);
      });
    } finally {
      this.opening = null;
    }
    if (this.dataset && !this.train && request.retrain) await this.trainModel();
  }

  private acceptProject(p: ProjectDTO): void {
    this.acceptDataset({ ok: true, value: p.dataset });
    const s = p.settings;
    this.selection = {
      target: s.target,
      task: s.task,
      features: s.features,
      idColumn: s.idColumn ?? null,
      identifiers: s.identifiers ?? [],
      columnTypes: s.columnTypes ?? {},
    };
    this.modelForm = modelFormFrom(p.settings);
    this.limeForm = limeFormFrom(p.view.limeSettings);
    this.train = p.train;
    this.explained = p.explanations;
    this.explainRow = p.view.explainRow;
    this.explainLabel = p.view.explainLabel;
    this.explanation =
      p.explanations.find(
        (e) =>
          e.row === p.view.explainRow && (p.view.explainLabel === null || e.label === p.view.explainLabel),
      ) ?? null;
    this.reportChoices = p.view.report;
    this.view = p.train ? p.view.view : 'model';
    this.notice = t(p.train ? 'project.opened' : 'project.retraining', {
      name: p.path.split(/[\\/]/).pop() ?? '',
    });
  }

  // ------------------------------------------------------------ report (issue #8)

  /** Explains the report's cases in the worker (status-bar progress and cancel) and returns the report. */
  async buildReport(request: ReportRequest): Promise<BuiltReportDTO | null> {
    const api = bridge();
    if (!api || this.busy) return null;
    return this.runJob('explain', (jobId) => api.buildReport(jobId, request));
  }

  /** Saves the built report through main's save dialog; the saved file's name, or null. */
  async saveReport(request: SaveReportRequest): Promise<string | null> {
    const saved = await this.query((api) => api.saveReport(request));
    return saved ? saved.fileName : null;
  }

  // ------------------------------------------------------------ messages

  showError(error: ErrorDTO): void {
    if (error.kind === 'cancelled') {
      this.notice = t('notice.cancelled');
      return;
    }
    this.error =
      error.kind === 'internal' && !error.message ? { ...error, message: t('error.internal') } : error;
  }

  dismissError(): void {
    this.error = null;
  }

  // ------------------------------------------------------------ worker restarts

  /**
   * Main replaced the computation worker: the model and explanation died with it; the dataset
   * too, unless main reopened it under the same id. The failed job's English internal error
   * gives way to a notice in the user's language.
   */
  onWorkerRestart(event: WorkerStatusEvent): void {
    this.train = null;
    this.explanation = null;
    this.explainRow = null;
    this.explainLabel = null;
    if (!event.datasetReloaded) this.dataset = null;
    else if (this.view === 'explain') this.view = 'model';
    if (this.error?.kind === 'internal') this.error = null;
    this.notice = workerRestartNotice(event);
  }

  /** Runs a bridge call; a rejected promise becomes an error banner instead of an unhandled rejection. */
  private async guard(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (e) {
      this.showError({ kind: 'internal', message: e instanceof Error ? e.message : String(e) });
    }
  }
}

/** LIME settings for a project saved while the form holds an invalid value: the defaults, clamped. */
function parseDefaults(model: TrainResultDTO): LimeSettingsDTO {
  const { numFeatures, numSamples, seed } = defaultLimeForm();
  return {
    numFeatures: Math.min(Number(numFeatures), model.settings.features.length),
    numSamples: Number(numSamples),
    kernelWidth: null,
    discretizer: 'quartile',
    seed: Number(seed),
  };
}

function taskDefaults(task: Task): Pick<ModelForm, 'maxFeaturesMode'> {
  return { maxFeaturesMode: defaultModelForm(task).maxFeaturesMode };
}

export const app = new AppState();
