/**
 * Warms the explanation path of a freshly trained model: builds the explainer for `settings`
 * (its training statistics) and runs throwaway explanations of training rows so V8 has
 * optimized the sampler, the kernel and the surrogate fit before a user asks.
 *
 * A fresh process runs that code unoptimized the first time: on breast cancer the first
 * explanation cost ~220 ms CPU (explainer ~70, first round ~150) against ~40 ms later; after
 * three rounds the next one costs what later ones do. The forest compiles itself from its second
 * neighbourhood on (forest/tieredPredict.ts), probing a slice of each until V8 has optimized
 * the compiled trees; the rounds continue until that is done.
 *
 * The throwaway explanations leave nothing behind that changes results: every explanation
 * restarts from the settings' seed, and the explainer's only reuse is its scratch buffers.
 */
import { explainEncodedRow, explainerFor, type ExplainRowOptions } from './explainDataRow';
import type { TrainedModel } from './trainModel';
import type { LimeSettings } from './types';

export interface WarmOptions {
  /** Throwaway explanations to run, at least. Default 3. */
  readonly rounds?: number;
  /** Predicts as the real explanations will (e.g. the worker's two-thread predictor). */
  readonly predictor?: ExplainRowOptions['predictor'];
  readonly signal?: AbortSignal;
}

/** More rounds, at most, while the forest compiles itself (a probing round costs ~5× a warm one). */
const MAX_SETTLING_ROUNDS = 12;

/**
 * Resolves when done; `rounds` explanations of training rows, then more (up to 12) while the
 * forest is compiling itself (ForestBase.compilingItself), so a user's explanation does not
 * pay for that.
 */
export async function warmExplanations(
  model: TrainedModel,
  settings: LimeSettings,
  options: WarmOptions = {},
): Promise<void> {
  const { rounds = 3, predictor, signal } = options;
  if (model.xTrain.length === 0) return;
  const explainer = explainerFor(model, settings);
  const forest = model.forest;
  for (let i = 0; i < rounds || (i < rounds + MAX_SETTLING_ROUNDS && forest.compilingItself); i++) {
    if (signal?.aborted) return;
    const row = model.xTrain[i % model.xTrain.length];
    await explainEncodedRow(explainer, model.forest, model.frame, row, settings, {
      ...(predictor && { predictor }),
    });
  }
}
