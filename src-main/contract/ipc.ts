/**
 * The one IPC contract between renderer, preload and main. Types only (plus the
 * channel list), plain data, no imports: all three rooms import it.
 *
 * Every invoke returns an Outcome so that errors cross the bridge as data with a
 * user-facing message, never as a rejected promise with Electron's prefix and a stack.
 */

export type Task = 'classification' | 'regression';
export type ColumnKind = 'numeric' | 'categorical' | 'identifier' | 'constant';

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
  readonly distinct: number;
  /** Numeric values only: every present value is a whole number. */
  readonly integers?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly mean?: number;
  readonly std?: number;
  readonly histogram?: HistogramDTO;
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

// ---------------------------------------------------------------- jobs and events

export type JobKind = 'train' | 'explain';

export interface JobProgressEvent {
  readonly jobId: string;
  readonly kind: JobKind;
  /** 0..1 */
  readonly fraction: number;
  readonly message: string;
}

export interface WorkerStatusEvent {
  readonly status: 'restarted';
  readonly message: string;
}

/** Menu actions that main forwards to the renderer. */
export type MenuCommand =
  | { readonly type: 'open-dataset' }
  | { readonly type: 'open-sample'; readonly sampleId: string }
  | { readonly type: 'open-recent'; readonly path: string }
  | { readonly type: 'show-view'; readonly view: 'data' | 'model' | 'explain' }
  | { readonly type: 'set-theme'; readonly theme: 'light' | 'dark' | 'system' }
  | { readonly type: 'set-language'; readonly language: 'en' | 'ko' | 'system' }
  | { readonly type: 'about' };

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
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void;
}
