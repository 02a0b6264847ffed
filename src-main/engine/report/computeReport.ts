/**
 * One path from (dataset, recorded inputs) to report results, used both to make a report and to
 * verify one: train with the recorded settings, explain the recorded rows, collect the numbers.
 */
import type { ReportInputs, ReportResults } from '../../contract/report';
import type { Dataset } from '../data/types';
import { engineMessage, throwIfAborted } from '../errors';
import { explainDataRow, type RowExplanation } from '../pipeline/explainDataRow';
import { trainModel, type TrainedModel } from '../pipeline/trainModel';
import type { LimeSettings, ProgressOptions, TrainSettings } from '../pipeline/types';
import { dataRowsOf, reportResults } from './reportResults';
import { reportTrust } from './reportTrust';

export function trainSettingsOf(inputs: ReportInputs): TrainSettings {
  return { ...inputs.train, features: [...inputs.train.features] };
}

export function limeSettingsOf(inputs: ReportInputs): LimeSettings {
  return { ...inputs.lime };
}

/** Explains 1-based `rows` one after the other (progress 0..1 over the rows). */
export async function explainRows(
  model: TrainedModel,
  dataset: Dataset,
  rows: readonly number[],
  lime: LimeSettings,
  progress: ProgressOptions = {},
): Promise<RowExplanation[]> {
  const dataRows = dataRowsOf(dataset, rows);
  const out: RowExplanation[] = [];
  for (const [i, dataRow] of dataRows.entries()) {
    throwIfAborted(progress.signal);
    out.push(await explainDataRow(model, dataset, dataRow, lime, { signal: progress.signal }));
    progress.onProgress?.(
      (i + 1) / dataRows.length,
      engineMessage('progress-explaining-row', { row: dataRow + 1 }),
    );
  }
  return out;
}

/** Trains per `inputs.train`, explains `inputs.rows` per `inputs.lime` and returns the report's numbers. */
export async function computeReportResults(
  dataset: Dataset,
  inputs: ReportInputs,
  progress: ProgressOptions = {},
): Promise<{ model: TrainedModel; results: ReportResults }> {
  const model = trainModel(dataset, trainSettingsOf(inputs), {
    signal: progress.signal,
    onProgress: progress.onProgress && ((f, m) => progress.onProgress!(f * 0.5, m)),
  });
  // Without trust figures the explanations take the second half; with them a fifth, trust the rest.
  const explainShare = inputs.trust ? 0.1 : 0.5;
  const lime = limeSettingsOf(inputs);
  const explanations = await explainRows(model, dataset, inputs.rows, lime, {
    signal: progress.signal,
    onProgress: progress.onProgress && ((f, m) => progress.onProgress!(0.5 + f * explainShare, m)),
  });
  const results = reportResults(dataset, model, explanations);
  if (!inputs.trust) return { model, results };
  const trust = await reportTrust(model, dataset, explanations, lime, inputs.trust, {
    signal: progress.signal,
    onProgress:
      progress.onProgress &&
      ((f, m) => progress.onProgress!(0.5 + explainShare + f * (0.5 - explainShare), m)),
  });
  return { model, results: { ...results, trust } };
}
