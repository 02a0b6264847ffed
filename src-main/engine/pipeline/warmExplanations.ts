/**
 * Warms the explanation path of a freshly trained model: builds the explainer for `settings`
 * (its training statistics), has the forest predict the settings' neighbourhood once (the
 * explainer keeps those outputs, so every later explanation predicts only its own row), and runs
 * throwaway explanations of training rows so V8 has optimized the rest — recoding the draws for
 * the instance, the kernel, the surrogate fit — before a user asks.
 *
 * A fresh process runs that code unoptimized the first time: on breast cancer the first
 * explanation cost ~220 ms CPU (explainer ~70, first round ~150) against ~40 ms later, before
 * explanations shared their neighbourhood; after three rounds the next one costs what later
 * ones do.
 *
 * The throwaway explanations leave nothing behind that changes results: every explanation
 * restarts from the settings' seed, and what the explainer keeps (scratch buffers, the
 * neighbourhood's draws and the forest's outputs on them) is what the next call would compute.
 */
import { frameRows } from '../data/imputer';
import { explainEncodedRow, explainerFor, forestPredictor } from './explainDataRow';
import type { TrainedModel } from './trainModel';
import type { LimeSettings } from './types';

export interface WarmOptions {
  /** Throwaway explanations to run. Default 3. */
  readonly rounds?: number;
  readonly signal?: AbortSignal;
}

/** Resolves when done: the neighbourhood predicted, then `rounds` explanations of training rows. */
export async function warmExplanations(
  model: TrainedModel,
  settings: LimeSettings,
  options: WarmOptions = {},
): Promise<void> {
  const { rounds = 3, signal } = options;
  const train = model.split.train;
  if (train.length === 0) return;
  const explainer = explainerFor(model, settings);
  explainer.prepareNeighbourhood(forestPredictor(model.forest), settings.numSamples);
  for (let i = 0; i < rounds; i++) {
    if (signal?.aborted) return;
    // One training row built from the columns: model.xTrain would build all of them.
    const row = frameRows(model.frame, model.imputer.fillValues, [train[i % train.length]])[0];
    await explainEncodedRow(explainer, model.forest, model.frame, row, settings);
  }
}
