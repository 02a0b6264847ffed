import type { MessageDTO } from '../../contract/messages';
import type { Task } from '../data/types';

/** Everything that decides a trained model; the same settings and data give the same model. */
export interface TrainSettings {
  readonly target: string;
  readonly task: Task;
  readonly features: readonly string[];
  readonly nEstimators: number;
  readonly maxDepth: number | null;
  /** 'all' = every feature; a number in (0, 1] a fraction, an integer > 1 a count. */
  readonly maxFeatures: 'sqrt' | 'log2' | 'all' | number;
  readonly minSamplesLeaf: number;
  readonly testFraction: number;
  readonly seed: number;
  /** < 2: no cross-validation. */
  readonly kFolds: number;
  /** The column whose values name the cases (case IDs); null: none; absent: the first identifier. */
  readonly idColumn?: string | null;
  /** Column types the user changed (numeric ⇄ categorical); absent columns keep the detected type. */
  readonly columnTypes?: Readonly<Record<string, 'numeric' | 'categorical'>>;
  /** Columns the user gave the identifier role; recorded with the settings, not used for training. */
  readonly identifiers?: readonly string[];
}

export interface LimeSettings {
  readonly numFeatures: number;
  readonly numSamples: number;
  /** null: 0.75·√(number of features). */
  readonly kernelWidth: number | null;
  /** null: continuous features are not discretized. */
  readonly discretizer: 'quartile' | 'decile' | 'entropy' | null;
  readonly seed: number;
}

export const DEFAULT_LIME_SETTINGS: LimeSettings = {
  numFeatures: 8,
  numSamples: 5000,
  kernelWidth: null,
  discretizer: 'quartile',
  seed: 42,
};

export interface ProgressOptions {
  readonly signal?: AbortSignal;
  /** fraction in 0..1 and a short message for a status bar (a catalog code, see contract/messages.ts). */
  readonly onProgress?: (fraction: number, message: MessageDTO) => void;
}
