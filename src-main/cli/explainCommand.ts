/** `explain`: train on a stratified split of a file and explain one data row — the engine without Electron. */
import { basename } from 'node:path';
import {
  DEFAULT_LIME_SETTINGS,
  explainDataRow,
  readDatasetFile,
  resolveIdColumn,
  rowsWithId,
  defaultTrainSettings,
  UserFacingError,
  type Dataset,
  type RowExplanation,
  type TrainedModel,
  trainModel,
} from '../engine';
import type { ExplainCommand } from './args';

/** The `--json` document; its shape is documented in README. */
export interface ExplainReport {
  dataset: { file: string; rows: number; features: number; classes: string[]; target: string; task: string };
  split: { train: number; test: number };
  model:
    | { accuracy: number; auc: number; confusionMatrix: number[][] }
    | { r2: number; mae: number; rmse: number };
  importances: { feature: string; importance: number }[];
  explanation: {
    /** 1-based data row (the first row under the header is row 1). */
    row: number;
    /** The case's ID, null without an ID column. */
    id: string | null;
    label: string | null;
    probabilities: Record<string, number> | null;
    predictedValue?: number;
    weights: { feature: string; condition: string; weight: number }[];
    intercept: number;
    score: number;
    localPred: number;
  };
}

export async function runExplain(
  cmd: ExplainCommand,
): Promise<{ report: ExplainReport; model: TrainedModel; explanation: RowExplanation }> {
  const dataset: Dataset = await readDatasetFile(cmd.data, {
    ...(cmd.sheet !== undefined && { sheet: cmd.sheet }),
  });
  const file = basename(cmd.data);
  if (cmd.target !== undefined && !dataset.columns.some((c) => c.name === cmd.target)) {
    throw new UserFacingError(
      `${file} has no column '${cmd.target}'. Its columns are: ${dataset.columns.map((c) => c.name).join(', ')}.`,
      { file, column: cmd.target },
    );
  }
  const idColumn = resolveIdColumn(dataset, cmd.idColumn);
  const dataRow = pickRow(dataset, file, cmd.select, idColumn);
  const settings = defaultTrainSettings(dataset, cmd.target, {
    nEstimators: cmd.trees,
    testFraction: cmd.testFraction,
    seed: cmd.seed,
    idColumn,
  });
  const { target, task } = settings;
  const model = trainModel(dataset, settings);
  const explanation = await explainDataRow(model, dataset, dataRow, {
    ...DEFAULT_LIME_SETTINGS,
    numFeatures: cmd.numFeatures,
    numSamples: cmd.numSamples,
    seed: cmd.seed,
  });
  const { metrics, frame } = model;
  const report: ExplainReport = {
    dataset: {
      file,
      rows: dataset.rowCount,
      features: frame.featureNames.length,
      classes: frame.classes,
      target,
      task,
    },
    split: { train: model.split.train.length, test: model.split.test.length },
    model:
      metrics.task === 'classification'
        ? {
            accuracy: metrics.accuracy,
            auc: metrics.rocAuc,
            confusionMatrix: metrics.confusion.map((r) => [...r]),
          }
        : { r2: metrics.r2, mae: metrics.mae, rmse: metrics.rmse },
    importances: model.impurityImportance.map(({ feature, importance }) => ({ feature, importance })),
    explanation: {
      row: explanation.row,
      id: explanation.id,
      label: explanation.label !== undefined ? frame.classes[explanation.label] : null,
      probabilities: explanation.probabilities
        ? Object.fromEntries(frame.classes.map((c, i) => [c, explanation.probabilities![i]]))
        : null,
      ...(explanation.predictedValue !== undefined && { predictedValue: explanation.predictedValue }),
      weights: explanation.weights.map(({ feature, condition, weight }) => ({ feature, condition, weight })),
      intercept: explanation.intercept,
      score: explanation.score,
      localPred: explanation.localPred,
    },
  };
  return { report, model, explanation };
}

/** The 0-based index of the case `select` names; a clear error when it is out of range or not found. */
function pickRow(
  dataset: Dataset,
  file: string,
  select: ExplainCommand['select'],
  idColumn: string | null,
): number {
  if ('row' in select) {
    if (select.row > dataset.rowCount) {
      throw new UserFacingError(
        `${file} has ${dataset.rowCount} data rows (1 to ${dataset.rowCount}); --row ${select.row} is past the end.`,
        { file, row: select.row },
      );
    }
    return select.row - 1;
  }
  if (idColumn === null) {
    throw new UserFacingError(
      `${file} has no identifier column to look up --case ${select.caseId}; name one with --id-column or use --row.`,
      { file },
    );
  }
  const rows = rowsWithId(dataset, idColumn, select.caseId);
  if (rows.length === 0) {
    throw new UserFacingError(`${file}: no row has ${idColumn} = '${select.caseId}'.`, {
      file,
      column: idColumn,
    });
  }
  if (rows.length > 1) {
    const shown = rows
      .slice(0, 10)
      .map((r) => r + 1)
      .join(', ');
    throw new UserFacingError(
      `${file}: ${rows.length} rows have ${idColumn} = '${select.caseId}' (rows ${shown}${rows.length > 10 ? ', …' : ''}); ` +
        'choose one with --row.',
      { file, column: idColumn },
    );
  }
  return rows[0];
}
