/**
 * The one IPC contract between renderer, preload and main. Types only (plus the
 * channel list), plain data, no imports: all three rooms import it.
 *
 * Every invoke returns an Outcome so that errors cross the bridge as data with a
 * user-facing message, never as a rejected promise with Electron's prefix and a stack.
 */

// eslint-disable-next-line no-restricted-imports -- the report's plain types live beside this file (contract/report.ts)
import type { BuiltReportDTO, ReportFeatureStability, ReportRequest, SaveReportRequest } from './report';

export type Task = 'classification' | 'regression';
export type ColumnKind = 'numeric' | 'categorical' | 'identifier' | 'constant' | 'date';

export interface ErrorDTO {
  /** user: bad input the user can fix; cancelled: the user stopped it; internal: a bug or a crashed worker. */
  readonly kind: 'user' | 'cancelled' | 'internal';
  readonly message: string;
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
  /** Engine messages: the catalog code and its parameters, so the UI can say it in the user's language. */
  readonly code?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorDTO };

// ---------------------------------------------------------------- datasets

export interface HistogramDTO {
  /** bins + 1 edges, ascending. */
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

export interface ColumnSummaryDTO {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly missing: number;
  /** Of `missing`: numbers beyond ±1.8e308 read as missing; absent when none. */
  readonly nonFinite?: number;
  readonly distinct: number;
  /** Numeric values only: every present value is a whole number. */
  readonly integers?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly mean?: number;
  readonly std?: number;
  readonly histogram?: HistogramDTO;
  /** Date columns: earliest and latest date as ISO text; how slashed dates are read. */
  readonly minDate?: string;
  readonly maxDate?: string;
  readonly dateOrder?: 'ymd' | 'dmy' | 'mdy';
  /** Date columns: rows per day, month or year from the first to the last date (a time chart). */
  readonly dateCounts?: {
    readonly unit: 'day' | 'month' | 'year';
    readonly labels: readonly string[];
    readonly counts: readonly number[];
  };
  readonly categories?: readonly { readonly value: string; readonly count: number }[];
}

export interface DatasetSummaryDTO {
  readonly datasetId: string;
  readonly fileName: string;
  /** Absolute path when opened from disk; absent for samples and drops without a path. */
  readonly filePath?: string;
  readonly format: 'csv' | 'xlsx';
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly sheet?: string;
  readonly sheets?: readonly string[];
  readonly rowCount: number;
  readonly columns: readonly ColumnSummaryDTO[];
  readonly suggestedTarget: string;
  readonly suggestedTask: Task;
  /** Columns the user would normally not use as features (identifiers, constants, the target). */
  readonly suggestedExcluded: readonly string[];
  readonly warnings: readonly string[];
  /** The column whose values name the cases (first identifier column), null when there is none. */
  readonly suggestedIdColumn: string | null;
  /** `warnings` as coded messages (same order), for the UI to show in the user's language. */
  readonly warningMessages?: readonly {
    readonly code?: string;
    readonly params?: Readonly<Record<string, string | number>>;
    readonly message: string;
  }[];
}

export interface RowsRequest {
  readonly datasetId: string;
  readonly offset: number;
  /** At most MAX_ROWS_PER_REQUEST. */
  readonly limit: number;
}
export interface RowsDTO {
  readonly offset: number;
  /** Cells as displayed: numbers for numeric columns, strings otherwise, null for missing. */
  readonly rows: readonly (readonly (string | number | null)[])[];
}

export interface CorrelationRequest {
  readonly datasetId: string;
  /** Numeric columns to include; all numeric columns when absent. */
  readonly columns?: readonly string[];
  readonly order: 'original' | 'clustered';
}
export interface CorrelationDTO {
  readonly names: readonly string[];
  /** Pearson r, names.length × names.length, pairwise-complete. */
  readonly matrix: readonly (readonly number[])[];
}

export interface FeatureDistributionRequest {
  readonly datasetId: string;
  readonly feature: string;
  readonly target: string;
  readonly bins?: number;
}
export interface FeatureDistributionDTO {
  readonly feature: string;
  /** Class labels for a categorical target; empty for a numeric target. */
  readonly classes: readonly string[];
  readonly edges: readonly number[];
  /** One row per class (or a single row when the target is numeric). */
  readonly counts: readonly (readonly number[])[];
}

export interface SampleDTO {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly fileName: string;
  readonly task: Task;
}

export interface RecentFileDTO {
  readonly path: string;
  readonly fileName: string;
  readonly openedAt: string;
}

// ---------------------------------------------------------------- model

export type MaxFeatures = 'sqrt' | 'log2' | 'all' | number;

export interface ModelSettingsDTO {
  readonly target: string;
  readonly task: Task;
  readonly features: readonly string[];
  readonly nEstimators: number;
  /** null: grow until leaves are pure or minSamplesLeaf stops them. */
  readonly maxDepth: number | null;
  /** A number in (0, 1] is a fraction of the features, an integer > 1 a count. */
  readonly maxFeatures: MaxFeatures;
  readonly minSamplesLeaf: number;
  readonly testFraction: number;
  readonly seed: number;
  /** 0 or 1: no cross-validation; k ≥ 2: k-fold CV on the whole data besides the split. */
  readonly kFolds: number;
  /** The column whose values name the cases (case IDs); null: none; absent: the first identifier. */
  readonly idColumn?: string | null;
  /**
   * Column types the user changed from the detected ones (numeric ⇄ categorical; a date column
   * as 'numeric' is days since 1970-01-01). Absent columns keep their detected type.
   */
  readonly columnTypes?: Readonly<Record<string, ColumnTypeChoice>>;
  /** Columns the user gave the identifier role (never features; shown as text). */
  readonly identifiers?: readonly string[];
}

/** How a column is used as a feature. */
export type ColumnTypeChoice = 'numeric' | 'categorical';
/** What a column is for in the Data view; 'feature' ⇔ listed in ModelSettingsDTO.features. */
export type ColumnRole = 'feature' | 'identifier' | 'excluded';

export interface ClassificationMetricsDTO {
  readonly task: 'classification';
  readonly classes: readonly string[];
  readonly accuracy: number;
  readonly balancedAccuracy: number;
  /** Binary: AUC of the positive (second) class; multi-class: macro one-vs-rest. */
  readonly rocAuc: number;
  /** Binary: F1 of the positive class; multi-class: macro F1. */
  readonly f1: number;
  readonly perClass: readonly {
    readonly label: string;
    readonly precision: number;
    readonly recall: number;
    readonly f1: number;
    readonly support: number;
  }[];
  /** confusion[actual][predicted], in class order. */
  readonly confusion: readonly (readonly number[])[];
  /** One curve per class (one-vs-rest); binary: curves for both classes, the positive is classes[1]. */
  readonly roc: readonly {
    readonly label: string;
    readonly fpr: readonly number[];
    readonly tpr: readonly number[];
    readonly auc: number;
  }[];
  readonly pr: readonly {
    readonly label: string;
    readonly recall: readonly number[];
    readonly precision: readonly number[];
    readonly averagePrecision: number;
  }[];
}

export interface RegressionMetricsDTO {
  readonly task: 'regression';
  readonly r2: number;
  readonly mae: number;
  readonly rmse: number;
  readonly actual: readonly number[];
  readonly predicted: readonly number[];
}

export type MetricsDTO = ClassificationMetricsDTO | RegressionMetricsDTO;

export interface ImportanceDTO {
  readonly feature: string;
  readonly importance: number;
  /** Permutation importance only: sd over repeats. */
  readonly std?: number;
}

/**
 * Row numbers, everywhere in this contract: 1-based data rows, the first row under the
 * header is row 1 (as the data table, the case list, the CLI's --row and its JSON show them).
 */
export interface TestCaseDTO {
  /** 1-based data row (see above). */
  readonly row: number;
  /** The case's ID from the model's ID column; null when there is none or the cell is empty. */
  readonly id: string | null;
  readonly actual: string | number;
  readonly predicted: string | number;
  /** Classification: probability per class, in class order. */
  readonly probabilities?: readonly number[];
}

export interface TrainResultDTO {
  readonly modelId: string;
  readonly datasetId: string;
  readonly settings: ModelSettingsDTO;
  readonly task: Task;
  readonly classes: readonly string[];
  readonly split: {
    readonly train: number;
    readonly test: number;
    /** Classification: counts per class in class order. */
    readonly trainCounts?: readonly number[];
    readonly testCounts?: readonly number[];
  };
  readonly metrics: MetricsDTO;
  readonly impurityImportance: readonly ImportanceDTO[];
  /** Empty when not computed: training answers with the metrics first, then `model:permutation` computes it. */
  readonly permutationImportance: readonly ImportanceDTO[];
  readonly crossValidation?: {
    readonly k: number;
    readonly metric: 'accuracy' | 'r2';
    readonly scores: readonly number[];
    readonly mean: number;
    readonly std: number;
  };
  readonly testCases: readonly TestCaseDTO[];
  /** Human-readable record of preprocessing (imputation, encoding, dropped columns). */
  readonly preprocessing: readonly string[];
  readonly trainMillis: number;
  /** Test rows permutation importance scored, when a large test split was sampled (fewer than split.test). */
  readonly permutationRows?: number;
}

// ---------------------------------------------------------------- explanation

export type DiscretizerName = 'quartile' | 'decile' | 'entropy';

export interface LimeSettingsDTO {
  readonly numFeatures: number;
  readonly numSamples: number;
  /** null: the reference default 0.75·√(number of features). */
  readonly kernelWidth: number | null;
  /** null: continuous features are not discretized. */
  readonly discretizer: DiscretizerName | null;
  readonly seed: number;
}

export interface ExplainRequest {
  readonly modelId: string;
  /** 1-based data row (the first row under the header is row 1). */
  readonly row: number;
  /** Class index to explain (classification); default: the predicted class. */
  readonly label?: number;
  readonly settings: LimeSettingsDTO;
}

export interface ExplanationDTO {
  readonly modelId: string;
  /** 1-based data row. */
  readonly row: number;
  /** The case's ID, null when the model has no ID column or the cell is empty. */
  readonly id: string | null;
  readonly task: Task;
  readonly classes: readonly string[];
  /** Explained class index (classification). */
  readonly label?: number;
  /** Classification: the model's probabilities, in class order. */
  readonly probabilities?: readonly number[];
  /** Regression: the model's prediction, and the range of the training target. */
  readonly predictedValue?: number;
  readonly targetRange?: readonly [number, number];
  /** Sorted by |weight|, largest first. */
  readonly weights: readonly {
    readonly feature: string;
    readonly condition: string;
    /** The case's value of that feature, as shown in the data table. */
    readonly value: string | number | null;
    readonly weight: number;
  }[];
  readonly intercept: number;
  /** Weighted R² of the surrogate on its samples. */
  readonly score: number;
  /** The surrogate's prediction at the case. */
  readonly localPred: number;
  /** The model's output for the explained label (probability or value), to compare with localPred. */
  readonly modelPred: number;
  /** Settings as used, with the kernel width resolved to a number. */
  readonly settings: LimeSettingsDTO & { readonly kernelWidth: number };
  readonly millis: number;
}

// ---------------------------------------------------------------- trust: stability, SHAP, what-if, SP-LIME

export interface StabilityRequest {
  readonly modelId: string;
  /** 1-based data row (see "Row numbers" above). */
  readonly row: number;
  /** Class index to explain (classification); default: the predicted class. */
  readonly label?: number;
  /** Seeds are settings.seed, settings.seed + 1, …; settings.numSamples is replaced by each of sampleSizes. */
  readonly settings: LimeSettingsDTO;
  /** Explanations per neighbourhood size (2–50). */
  readonly runs: number;
  /** Neighbourhood sizes to check, ascending (1–6 of them). */
  readonly sampleSizes: readonly number[];
}

/** A feature's weight over the runs; the report's trust figures use the same shape. */
export type FeatureStabilityDTO = ReportFeatureStability;

export interface StabilityAtSizeDTO {
  readonly numSamples: number;
  /** By |mean weight|, largest first. */
  readonly features: readonly FeatureStabilityDTO[];
  /** Mean pairwise Jaccard overlap of the runs' top-K feature sets. */
  readonly jaccard: number;
  readonly meanScore: number;
  readonly stable: boolean;
}

export interface StabilityDTO {
  readonly modelId: string;
  readonly row: number;
  readonly task: Task;
  readonly classes: readonly string[];
  readonly label?: number;
  readonly seeds: readonly number[];
  readonly topK: number;
  /** Stable means jaccard ≥ this. */
  readonly threshold: number;
  /** One per requested sample size, in request order. */
  readonly results: readonly StabilityAtSizeDTO[];
  readonly millis: number;
}

/** A what-if edit: a number for a numeric feature, a category (as in the file) for a categorical one. */
export interface CaseEdit {
  readonly feature: string;
  readonly value: number | string;
}

export interface CaseRequest {
  readonly modelId: string;
  readonly row: number;
  readonly label?: number;
  readonly settings: LimeSettingsDTO;
  /** The case with these values changed (what-if); absent or empty: the case as in the file. */
  readonly edits?: readonly CaseEdit[];
  /** Regression: how far (target units, > 0) a counterfactual must move the prediction; default 10% of the target range. */
  readonly counterfactualShift?: number;
}

export interface PredictRequest {
  readonly modelId: string;
  readonly row: number;
  readonly edits?: readonly CaseEdit[];
}

export interface PredictionDTO {
  /** Classification: probabilities in class order and the predicted class. */
  readonly probabilities?: readonly number[];
  readonly predictedClass?: number;
  /** Regression: the predicted value. */
  readonly predictedValue?: number;
}

export interface CollapsedBinsDTO {
  readonly feature: string;
  readonly discretizer: 'quartile' | 'decile';
  readonly percentiles: readonly number[];
  /** Training values at those percentiles (before LIME merged equal ones). */
  readonly edges: readonly number[];
  readonly repeated: readonly number[];
  /** Fraction of training rows (0–1) equal to the repeated value. */
  readonly share: number;
}

export interface BinViewDTO {
  readonly feature: string;
  readonly condition: string;
  /** The bin boundaries LIME used (after merging equal ones). */
  readonly boundaries: readonly number[];
  /** The training distribution LIME saw (imputed training rows). */
  readonly histogram: HistogramDTO;
  /** The case's (possibly edited) value. */
  readonly value: number;
  readonly collapsed: CollapsedBinsDTO | null;
}

export interface AgreementDTO {
  readonly topK: number;
  readonly limeTop: readonly string[];
  readonly shapTop: readonly string[];
  readonly shared: readonly string[];
  /** Fraction (0–1) of LIME's features whose SHAP value has the same sign. */
  readonly signAgreement: number;
  /** Spearman ρ of |LIME weight| and |SHAP| over LIME's features; null when undefined. */
  readonly rankCorrelation: number | null;
  readonly signConflicts: readonly string[];
}

export interface CounterfactualDTO {
  readonly feature: string;
  /** The nearest value that changes the answer; null: none within the training range. */
  readonly value: number | string | null;
  /** Numeric features: value − the case's value. */
  readonly change: number | null;
  /** The class (classification) or value (regression) predicted there. */
  readonly predicted: string | number | null;
}

export interface WhatIfFieldDTO {
  readonly feature: string;
  readonly kind: 'numeric' | 'categorical';
  /** The case's value as in the file (after imputation of a missing value). */
  readonly original: number | string;
  /** Numeric: the training range, bounds of the slider. */
  readonly min?: number;
  readonly max?: number;
  readonly categories?: readonly string[];
}

export interface CaseInsightDTO {
  readonly modelId: string;
  readonly row: number;
  readonly edited: boolean;
  readonly edits: readonly CaseEdit[];
  /** LIME on the (edited) case. */
  readonly explanation: ExplanationDTO;
  readonly prediction: PredictionDTO;
  /** Exact TreeSHAP for the explained class (regression: the prediction), model feature order. */
  readonly shap: {
    readonly features: readonly string[];
    readonly expectedValue: number;
    readonly values: readonly number[];
  };
  readonly agreement: AgreementDTO;
  /** Continuous features of the explanation, in its order. */
  readonly bins: readonly BinViewDTO[];
  /** Every feature whose quantile bins collapse under the current discretizer. */
  readonly collapsed: readonly CollapsedBinsDTO[];
  /** For the explanation's top features. */
  readonly counterfactuals: readonly CounterfactualDTO[];
  /** Regression: how far the prediction must move for a counterfactual (as asked, or 10% of the training target range). */
  readonly counterfactualShift?: number;
  readonly fields: readonly WhatIfFieldDTO[];
}

export interface ShapSummaryDTO {
  readonly modelId: string;
  readonly features: readonly string[];
  readonly task: Task;
  readonly classes: readonly string[];
  /** 1-based data rows (test split) the values belong to. */
  readonly rows: readonly number[];
  /** Per output (class, or one for regression): mean |SHAP| per feature over the test rows. */
  readonly meanAbs: readonly (readonly number[])[];
  /** Per output: rows × features SHAP values. */
  readonly values: readonly (readonly (readonly number[])[])[];
  /** rows × features: the encoded, imputed values the forest saw (category codes for categorical). */
  readonly featureValues: readonly (readonly number[])[];
  readonly expectedValue: readonly number[];
  readonly millis: number;
}

export interface SpLimeRequest {
  readonly modelId: string;
  readonly settings: LimeSettingsDTO;
  /** Test rows to explain (all when larger than the test split). */
  readonly sampleSize: number;
  /** Explanations to pick. */
  readonly budget: number;
}

export interface SpLimeDTO {
  readonly modelId: string;
  /** 1-based data rows explained, in the test split's order. */
  readonly rows: readonly number[];
  /** Predicted class / value per explained row. */
  readonly predicted: readonly (string | number)[];
  /** Feature conditions (columns of the matrix), in order of first appearance. */
  readonly features: readonly string[];
  /** rows × features LIME weights. */
  readonly matrix: readonly (readonly number[])[];
  readonly importance: readonly number[];
  /** Indices into rows, in pick order. */
  readonly picks: readonly number[];
  readonly coverage: number;
  readonly totalImportance: number;
  readonly millis: number;
}

// ---------------------------------------------------------------- exports and projects

/** A PNG as a data URL (`data:image/png;base64,…`), as canvas.toDataURL and ECharts give it. */
export type PngDataUrl = string;

export interface SavedFileDTO {
  readonly path: string;
  readonly fileName: string;
}

export type DataExportKind = 'explanations-csv' | 'explanations-json' | 'metrics-csv' | 'importances-csv';

export interface DataExportRequest {
  readonly kind: DataExportKind;
  readonly modelId: string;
  /** Explanations: the explained data rows (1-based) to write, in order; every explained row when absent. */
  readonly rows?: readonly number[];
}

export interface ExplainManyRequest {
  readonly modelId: string;
  /** 1-based data rows; at most MAX_BATCH_ROWS. */
  readonly rows: readonly number[];
  readonly settings: LimeSettingsDTO;
}

/** What the renderer keeps besides the model: the choices a reopened project restores. */
export interface ProjectViewDTO {
  readonly view: AppView;
  readonly limeSettings: LimeSettingsDTO;
  /** The case shown in the Explain view (1-based data row), and the class explained (null: predicted). */
  readonly explainRow: number | null;
  readonly explainLabel: number | null;
  /** Report choices, owned by the Report view; stored as given (plain JSON, size-capped). */
  readonly report?: unknown;
}

export interface SaveProjectRequest {
  readonly datasetId: string;
  readonly modelId: string;
  readonly view: ProjectViewDTO;
  /** true: always ask where (Save As); false: reuse the path it was opened from or last saved to. */
  readonly saveAs: boolean;
}

/** A reopened project: every view's data, with a fresh model id for the restored model. */
export interface ProjectDTO {
  readonly path: string;
  readonly dataset: DatasetSummaryDTO;
  /** The model settings saved (also when retraining is needed). */
  readonly settings: ModelSettingsDTO;
  /** null when the model has to be retrained (the data file changed and the user chose to retrain). */
  readonly train: TrainResultDTO | null;
  readonly explanations: readonly ExplanationDTO[];
  readonly view: ProjectViewDTO;
}

/**
 * Opening a project whose data file is gone or changed: nothing is loaded, the renderer says so
 * and offers to locate the file (`dataPath`) or to retrain on the changed file (`retrain`).
 */
export interface ProjectDataProblemDTO {
  readonly problem: 'data-missing' | 'data-changed';
  readonly projectPath: string;
  readonly dataPath: string;
}

export interface OpenProjectRequest {
  /** The .limelens file; absent: ask with the native open dialog. */
  readonly path?: string;
  /** Ask for the data file with the open dialog instead of using the recorded path ("Locate…"). */
  readonly locate?: boolean;
  /** Use this data file instead of the recorded one (the path a data-problem answer named). */
  readonly dataPath?: string;
  /** The data file changed: open it anyway, without the saved model, so the renderer retrains. */
  readonly retrain?: boolean;
}

export type OpenProjectResult =
  | { readonly status: 'opened'; readonly project: ProjectDTO }
  | { readonly status: 'data-problem'; readonly detail: ProjectDataProblemDTO };

export const PROJECT_EXTENSION = 'limelens';
export const MAX_BATCH_ROWS = 100_000;

// ---------------------------------------------------------------- jobs and events

export type JobKind = 'train' | 'explain' | 'trust';

export interface JobProgressEvent {
  readonly jobId: string;
  readonly kind: JobKind;
  /** 0..1 */
  readonly fraction: number;
  /** English text; `code` and `params` let the renderer say it in the user's language. */
  readonly message: string;
  readonly code?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface WorkerStatusEvent {
  readonly status: 'restarted';
  readonly message: string;
  /** Why the worker was replaced; the renderer words it in the user's language. */
  readonly reason?: WorkerRestartReason;
  /** True when main reopened the current dataset in the new worker under the same id (models are gone). */
  readonly datasetReloaded?: boolean;
}

/** out-of-memory: past its memory cap; crashed: died otherwise; unresponsive: ignored a cancel. */
export type WorkerRestartReason = 'out-of-memory' | 'crashed' | 'unresponsive';

/** The app's views, in sidebar order (Ctrl+1 … Ctrl+4). */
export type AppView = 'data' | 'model' | 'explain' | 'report';

/** Menu actions that main forwards to the renderer. */
export type MenuCommand =
  | { readonly type: 'open-dataset' }
  | { readonly type: 'open-sample'; readonly sampleId: string }
  | { readonly type: 'open-recent'; readonly path: string }
  | { readonly type: 'show-view'; readonly view: AppView }
  | { readonly type: 'set-theme'; readonly theme: 'light' | 'dark' | 'system' }
  | { readonly type: 'set-language'; readonly language: 'en' | 'ko' | 'system' }
  | { readonly type: 'about' }
  | { readonly type: 'save-project'; readonly saveAs: boolean }
  | { readonly type: 'open-project' }
  | { readonly type: 'save-view-png' };

export interface AppInfoDTO {
  readonly name: string;
  readonly version: string;
  /** OS locale, e.g. 'ko-KR'. */
  readonly locale: string;
  readonly platform: string;
}

/**
 * Renderer → main requests. Each key is a channel; `args` is validated in main
 * before the handler runs.
 */
export interface InvokeMap {
  'app:info': { args: null; result: AppInfoDTO };
  'dataset:open-dialog': { args: null; result: Outcome<DatasetSummaryDTO> | null };
  'dataset:open-path': { args: { path: string; sheet?: string }; result: Outcome<DatasetSummaryDTO> };
  'dataset:open-sample': { args: { sampleId: string }; result: Outcome<DatasetSummaryDTO> };
  'dataset:samples': { args: null; result: readonly SampleDTO[] };
  'dataset:recent': { args: null; result: readonly RecentFileDTO[] };
  'dataset:rows': { args: RowsRequest; result: Outcome<RowsDTO> };
  'dataset:correlation': { args: CorrelationRequest; result: Outcome<CorrelationDTO> };
  'dataset:feature-distribution': {
    args: FeatureDistributionRequest;
    result: Outcome<FeatureDistributionDTO>;
  };
  'model:train': {
    args: { jobId: string; datasetId: string; settings: ModelSettingsDTO };
    result: Outcome<TrainResultDTO>;
  };
  'model:explain': { args: { jobId: string; request: ExplainRequest }; result: Outcome<ExplanationDTO> };
  'job:cancel': { args: { jobId: string }; result: boolean };
  /** Sent by the preload only, with the path of a file dropped on the window, so main may open it. */
  'dataset:dropped-path': { args: { path: string }; result: boolean };
  'trust:stability': { args: { jobId: string; request: StabilityRequest }; result: Outcome<StabilityDTO> };
  'trust:case': { args: { jobId: string; request: CaseRequest }; result: Outcome<CaseInsightDTO> };
  'trust:predict': { args: PredictRequest; result: Outcome<PredictionDTO> };
  'trust:shap-summary': { args: { jobId: string; modelId: string }; result: Outcome<ShapSummaryDTO> };
  'trust:sp-lime': { args: { jobId: string; request: SpLimeRequest }; result: Outcome<SpLimeDTO> };
  'model:explain-many': {
    args: { jobId: string; request: ExplainManyRequest };
    result: Outcome<readonly ExplanationDTO[]>;
  };
  'export:save-png': { args: { png: PngDataUrl; name: string }; result: Outcome<SavedFileDTO | null> };
  'export:copy-png': { args: { png: PngDataUrl }; result: Outcome<true> };
  'export:save-data': { args: DataExportRequest; result: Outcome<SavedFileDTO | null> };
  'project:save': { args: SaveProjectRequest; result: Outcome<SavedFileDTO | null> };
  'project:open': { args: OpenProjectRequest; result: Outcome<OpenProjectResult | null> };
  'report:build': { args: { jobId: string; request: ReportRequest }; result: Outcome<BuiltReportDTO> };
  'report:save': { args: SaveReportRequest; result: Outcome<SavedFileDTO | null> };
  /** Permutation importance of a trained model, after its metrics (progress and cancel by jobId). */
  'model:permutation': {
    args: { jobId: string; modelId: string };
    result: Outcome<readonly ImportanceDTO[]>;
  };
}

/** Main → renderer events. */
export interface EventMap {
  'job:progress': JobProgressEvent;
  'worker:status': WorkerStatusEvent;
  'menu:command': MenuCommand;
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;

/** The allowlist the preload and main register; a channel not here does not exist. */
export const INVOKE_CHANNELS = [
  'app:info',
  'dataset:open-dialog',
  'dataset:open-path',
  'dataset:open-sample',
  'dataset:samples',
  'dataset:recent',
  'dataset:rows',
  'dataset:correlation',
  'dataset:feature-distribution',
  'model:train',
  'model:explain',
  'job:cancel',
  'dataset:dropped-path',
  'trust:stability',
  'trust:case',
  'trust:predict',
  'trust:shap-summary',
  'trust:sp-lime',
  'model:explain-many',
  'export:save-png',
  'export:copy-png',
  'export:save-data',
  'project:save',
  'project:open',
  'report:build',
  'report:save',
  'model:permutation',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = [
  'job:progress',
  'worker:status',
  'menu:command',
] as const satisfies readonly EventChannel[];

export const MAX_ROWS_PER_REQUEST = 1000;

/** The API object the preload puts on `window.limeLens` — nothing else is exposed. */
export interface LimeLensApi {
  appInfo(): Promise<AppInfoDTO>;
  /** Resolves null when the user closes the dialog. */
  openDatasetDialog(): Promise<Outcome<DatasetSummaryDTO> | null>;
  openDatasetPath(path: string, sheet?: string): Promise<Outcome<DatasetSummaryDTO>>;
  openSample(sampleId: string): Promise<Outcome<DatasetSummaryDTO>>;
  /** The disk path of a dropped File (Electron's webUtils); '' when it has none. */
  pathForFile(file: File): string;
  listSamples(): Promise<readonly SampleDTO[]>;
  recentFiles(): Promise<readonly RecentFileDTO[]>;
  rows(request: RowsRequest): Promise<Outcome<RowsDTO>>;
  correlation(request: CorrelationRequest): Promise<Outcome<CorrelationDTO>>;
  featureDistribution(request: FeatureDistributionRequest): Promise<Outcome<FeatureDistributionDTO>>;
  train(jobId: string, datasetId: string, settings: ModelSettingsDTO): Promise<Outcome<TrainResultDTO>>;
  explain(jobId: string, request: ExplainRequest): Promise<Outcome<ExplanationDTO>>;
  cancelJob(jobId: string): Promise<boolean>;
  stability(jobId: string, request: StabilityRequest): Promise<Outcome<StabilityDTO>>;
  explainCase(jobId: string, request: CaseRequest): Promise<Outcome<CaseInsightDTO>>;
  predictCase(request: PredictRequest): Promise<Outcome<PredictionDTO>>;
  shapSummary(jobId: string, modelId: string): Promise<Outcome<ShapSummaryDTO>>;
  spLime(jobId: string, request: SpLimeRequest): Promise<Outcome<SpLimeDTO>>;
  explainMany(jobId: string, request: ExplainManyRequest): Promise<Outcome<readonly ExplanationDTO[]>>;
  /** Asks where to save (native dialog in main) and writes the PNG; null when the user cancels. */
  savePng(png: PngDataUrl, name: string): Promise<Outcome<SavedFileDTO | null>>;
  copyPng(png: PngDataUrl): Promise<Outcome<true>>;
  saveData(request: DataExportRequest): Promise<Outcome<SavedFileDTO | null>>;
  saveProject(request: SaveProjectRequest): Promise<Outcome<SavedFileDTO | null>>;
  openProject(request: OpenProjectRequest): Promise<Outcome<OpenProjectResult | null>>;
  /** Explains the report's cases in the worker (progress and cancel by jobId) and returns the report. */
  buildReport(jobId: string, request: ReportRequest): Promise<Outcome<BuiltReportDTO>>;
  /** Asks where to save (native dialog in main) and writes the built report as PDF, HTML or JSON. */
  saveReport(request: SaveReportRequest): Promise<Outcome<SavedFileDTO | null>>;
  /** Computes the model's permutation importance (the train job leaves it empty); progress and cancel by jobId. */
  permutationImportance(jobId: string, modelId: string): Promise<Outcome<readonly ImportanceDTO[]>>;
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void;
}
