/**
 * Main ↔ worker protocol (worker_threads). One discriminated map of jobs; each
 * request carries an id, replies carry the same id with a result or a serialized
 * error, progress and log lines are messages of their own, and `cancel` aborts.
 */
import type {
  CorrelationDTO,
  CorrelationRequest,
  DatasetSummaryDTO,
  ErrorDTO,
  ExplainRequest,
  ExplanationDTO,
  FeatureDistributionDTO,
  FeatureDistributionRequest,
  ModelSettingsDTO,
  RowsDTO,
  RowsRequest,
  TrainResultDTO,
  WorkerRestartReason,
  StabilityRequest,
  StabilityDTO,
  CaseRequest,
  CaseInsightDTO,
  PredictRequest,
  PredictionDTO,
  ShapSummaryDTO,
  SpLimeRequest,
  SpLimeDTO,
} from '../contract/ipc';
import type { ForestJSON, SavedModelParts } from '../engine';
import type { ReportJobMap } from './reportJobs';
import type { MessageDTO } from '../contract/messages';
import type { ImportanceDTO } from '../contract/ipc';

export interface LoadArgs {
  /** Read from disk inside the worker (keeps big files off the main thread). */
  readonly path?: string;
  /** Or bytes already in memory (tests, samples). */
  readonly bytes?: Uint8Array;
  readonly fileName: string;
  readonly sheet?: string;
  /** Reuse this id (main reopening a dataset in a restarted worker); a fresh id when absent. */
  readonly datasetId?: string;
}

export interface JobMap extends ModelJobMap, ReportJobMap {
  load: { args: LoadArgs; result: DatasetSummaryDTO };
  rows: { args: RowsRequest; result: RowsDTO };
  correlation: { args: CorrelationRequest; result: CorrelationDTO };
  featureDistribution: { args: FeatureDistributionRequest; result: FeatureDistributionDTO };
  train: { args: { datasetId: string; settings: ModelSettingsDTO }; result: TrainResultDTO };
  explain: { args: ExplainRequest; result: ExplanationDTO };
  explainMany: { args: { requests: readonly ExplainRequest[] }; result: readonly ExplanationDTO[] };
  /** Drops a dataset and its models from the worker's memory. */
  release: { args: { datasetId: string }; result: boolean };
  stability: { args: StabilityRequest; result: StabilityDTO };
  caseInsight: { args: CaseRequest; result: CaseInsightDTO };
  predictCase: { args: PredictRequest; result: PredictionDTO };
  shapSummary: { args: { modelId: string }; result: ShapSummaryDTO };
  spLime: { args: SpLimeRequest; result: SpLimeDTO };
  /** Permutation importance of a model trained with it deferred; kept on the model for reports and projects. */
  permutation: { args: { modelId: string }; result: readonly ImportanceDTO[] };
}

/** Saved projects (issue #8 §4): a model's forest out, and a saved model back in without retraining. */
export interface ModelJobMap {
  modelJson: { args: { modelId: string }; result: ForestJSON };
  restoreModel: {
    args: { datasetId: string; settings: ModelSettingsDTO; saved: SavedModelParts };
    result: TrainResultDTO;
  };
}

export type JobName = keyof JobMap;

export type WorkerRequest =
  | { readonly type: 'job'; readonly id: string; readonly kind: JobName; readonly args: unknown }
  | { readonly type: 'cancel'; readonly id: string }
  /** Answered with 'pong' by the worker's event loop: tells a busy-but-waiting worker from a stuck one. */
  | { readonly type: 'ping' };

export type WorkerReply =
  | {
      readonly type: 'progress';
      readonly id: string;
      readonly fraction: number;
      /** A catalog code with parameters (contract/messages.ts) and its English text. */
      readonly message: MessageDTO;
    }
  | { readonly type: 'result'; readonly id: string; readonly result: unknown }
  | { readonly type: 'error'; readonly id: string; readonly error: ErrorDTO & { readonly stack?: string } }
  | { readonly type: 'log'; readonly level: 'info' | 'warn' | 'error'; readonly message: string }
  | { readonly type: 'pong' };

export interface RunOptions {
  /** Caller-chosen id so the caller can cancel before the promise settles. */
  readonly jobId?: string;
  readonly onProgress?: (fraction: number, message: MessageDTO) => void;
}

/**
 * What main-process services use to run work off the main thread. Rejections are
 * always a JobError carrying an ErrorDTO (user / cancelled / internal).
 */
export interface JobClient {
  run<K extends JobName>(
    kind: K,
    args: JobMap[K]['args'],
    options?: RunOptions,
  ): Promise<JobMap[K]['result']>;
  cancel(jobId: string): boolean;
  /** Called when a crashed worker was replaced; state held in it (datasets, models) is gone. */
  onRestart(listener: (message: string, reason: WorkerRestartReason) => void): () => void;
  dispose(): Promise<void>;
}

export class JobError extends Error {
  override readonly name = 'JobError';
  constructor(readonly error: ErrorDTO) {
    super(error.message);
  }
}
