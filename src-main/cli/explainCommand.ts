/** `explain`: train on a stratified split of a file and explain one data row — the engine without Electron. */
import { basename } from 'node:path';
import {
  DEFAULT_LIME_SETTINGS,
  explainDataRow,
  readDatasetFile,
  defaultTrainSettings,
  UserFacingError,
  type Dataset,
  type RowExplanation,
  type TrainedModel,
  trainModel,
} from '../engine';
import type { ExplainCommand } from './args';
import { threadedTreeGrower } from '../worker/treeGrower';

/** The `--json` document; its shape is documented in README. */
export interface ExplainReport {
  dataset: { file: string; rows: number; features: number; classes: string[]; target: string; task: string };
  split: { train: number; test: number };
  model:
    | { accuracy: number; auc: number; confusionMatrix: number[][] }
    | { r2: number; mae: number; rmse: number };
  importances: { feature: string; importance: number }[];
  explanation: {
    row: number;
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
  if (cmd.row >= dataset.rowCount) {
    throw new UserFacingError(
      `${file} has ${dataset.rowCount} data rows (0 to ${dataset.rowCount - 1}); --row ${cmd.row} is past the end.`,
      {
        file,
        row: cmd.row,
      },
    );
  }
  const settings = defaultTrainSettings(dataset, cmd.target, {
    nEstimators: cmd.trees,
    testFraction: cmd.testFraction,
    seed: cmd.seed,
  });
  const { target, task } = settings;
  // Trees grow on every core (threads live in the worker module); the forest is the same either way.
  const model = trainModel(dataset, settings, { growTrees: threadedTreeGrower() });
  const explanation = await explainDataRow(model, dataset, cmd.row, {
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
      row: cmd.row,
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
