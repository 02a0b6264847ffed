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
import type { Dataset } from '../data/types';
import {
  encodeDataRow,
  explainEncodedRowSync,
  explainerFor,
  forestPredictor,
  withRowContext,
} from './explainDataRow';
import type { TrainedModel } from './trainModel';
import type { LimeSettings } from './types';

export interface WarmOptions {
  /** Throwaway explanations to run. Default 3. */
  readonly rounds?: number;
  readonly signal?: AbortSignal;
  /**
   * The model's data file: the rows are then read and the results dressed as explainDataRow
   * does (encodeDataRow, withRowContext), so that code is compiled too.
   */
  readonly dataset?: Dataset;
}

/**
 * The warm-up in this turn: the settings' neighbourhood predicted, then `rounds` explanations
 * of training rows (trainModel ends with it for the default settings).
 */
export function rehearseExplanations(
  model: TrainedModel,
  settings: LimeSettings,
  options: WarmOptions = {},
): void {
  const { rounds = 6, signal, dataset } = options;
  const train = model.split.train;
  if (train.length === 0) return;
  const explainer = explainerFor(model, settings);
  explainer.prepareNeighbourhood(forestPredictor(model.forest), settings.numSamples);
  for (let i = 0; i < rounds; i++) {
    if (signal?.aborted) return;
    const position = train[i % train.length];
    if (dataset) {
      const dataRow = model.frame.rowIndex[position];
      const instance = encodeDataRow(model, dataset, dataRow);
      const core = explainEncodedRowSync(explainer, model.forest, model.frame, instance, settings);
      withRowContext(model, dataset, dataRow, settings, core, 0);
    } else {
      // One training row built from the columns: model.xTrain would build all of them.
      const row = frameRows(model.frame, model.imputer.fillValues, [position])[0];
      explainEncodedRowSync(explainer, model.forest, model.frame, row, settings);
    }
  }
}

/** rehearseExplanations for callers that await (the worker, between its idle steps). */
export async function warmExplanations(
  model: TrainedModel,
  settings: LimeSettings,
  options: WarmOptions = {},
): Promise<void> {
  rehearseExplanations(model, settings, options);
  return Promise.resolve();
}
