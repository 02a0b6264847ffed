/**
 * Warms the explanation path of a model just made (trainModel and restoreModel end with it):
 * builds the explainer for `settings` (its training statistics), has the forest predict the
 * settings' neighbourhood once (the explainer keeps those outputs, so every later explanation
 * predicts only its own row), and explains a few training rows through explainDataRow's own
 * steps, throwing the results away, so V8 has optimized that code — reading the row, recoding
 * the draws for the instance, the kernel, the surrogate fit, the result's file values — before a
 * user asks.
 *
 * A fresh process runs that code unoptimized the first time: on breast cancer the first
 * explanation cost 26–29 ms against 5–12 ms for the next ones; after the rehearsal the first
 * costs what later ones do.
 *
 * The throwaway explanations leave nothing behind that changes results: every explanation
 * restarts from the settings' seed, and what the explainer keeps (scratch buffers, the
 * neighbourhood's draws and the forest's outputs on them) is what the next call would compute.
 */
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

/** Runs in this turn: the settings' neighbourhood predicted, then `rounds` explanations of training rows. */
export function rehearseExplanations(
  model: TrainedModel,
  dataset: Dataset,
  settings: LimeSettings,
  rounds = 6,
): void {
  const train = model.split.train;
  if (train.length === 0) return;
  const explainer = explainerFor(model, settings);
  explainer.prepareNeighbourhood(forestPredictor(model.forest), settings.numSamples);
  for (let i = 0; i < rounds; i++) {
    const dataRow = model.frame.rowIndex[train[i % train.length]];
    const instance = encodeDataRow(model, dataset, dataRow);
    const core = explainEncodedRowSync(explainer, model.forest, model.frame, instance, settings);
    withRowContext(model, dataset, dataRow, settings, core, 0);
  }
}
