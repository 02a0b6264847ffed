/**
 * Builds the report's data (see contract/report.ts) from a trained model and its explanations.
 * Pure: the same dataset, settings and rows give the same results, which is what `verify` relies on.
 */
import type {
  ReportCase,
  ReportInputs,
  ReportLimeSettings,
  ReportResults,
  ReportTrainSettings,
} from '../../contract/report';
import { framePosition } from '../data/modelFrame';
import type { Dataset } from '../data/types';
import { UserFacingError } from '../errors';
import type { RowExplanation } from '../pipeline/explainDataRow';
import type { TrainedModel } from '../pipeline/trainModel';
import type { LimeSettings, TrainSettings } from '../pipeline/types';

/** The column the model frame takes case IDs from (chosen or detected), or null. */
export function identifierColumn(model: TrainedModel): string | null {
  return model.frame.idColumn;
}

/** 1-based report rows → 0-based data rows, with an error naming the file for rows past its end. */
export function dataRowsOf(dataset: Dataset, rows: readonly number[]): number[] {
  return rows.map((row) => {
    if (!Number.isInteger(row) || row < 1 || row > dataset.rowCount) {
      throw new UserFacingError(
        `${dataset.source.fileName} has data rows 1 to ${dataset.rowCount}; row ${row} does not exist.`,
        { file: dataset.source.fileName, row },
      );
    }
    return row - 1;
  });
}

/** 1-based rows of the test cases the model got wrong (classification only), in file order. */
export function misclassifiedRows(model: TrainedModel): number[] {
  if (model.frame.task !== 'classification') {
    throw new UserFacingError('Misclassified cases exist only for a classification target.');
  }
  const rows: number[] = [];
  model.split.test.forEach((frameRow, i) => {
    if (model.testPredictions[i] !== model.yTest[i]) rows.push(model.frame.rowIndex[frameRow] + 1);
  });
  return rows.sort((a, b) => a - b);
}

/** 1-based rows of every test case, in file order. */
export function testRows(model: TrainedModel): number[] {
  return Array.from(model.split.test, (frameRow) => model.frame.rowIndex[frameRow] + 1).sort((a, b) => a - b);
}

export function reportTrainSettings(s: TrainSettings): ReportTrainSettings {
  return {
    target: s.target,
    task: s.task,
    features: [...s.features],
    nEstimators: s.nEstimators,
    maxDepth: s.maxDepth,
    maxFeatures: s.maxFeatures,
    minSamplesLeaf: s.minSamplesLeaf,
    testFraction: s.testFraction,
    seed: s.seed,
    kFolds: s.kFolds,
  };
}

export function reportLimeSettings(s: LimeSettings): ReportLimeSettings {
  return {
    numFeatures: s.numFeatures,
    numSamples: s.numSamples,
    kernelWidth: s.kernelWidth,
    discretizer: s.discretizer,
    seed: s.seed,
  };
}

export function reportInputs(
  file: ReportInputs['file'],
  model: TrainedModel,
  lime: LimeSettings,
  rows: readonly number[],
  trust?: ReportInputs['trust'],
): ReportInputs {
  return {
    file,
    train: reportTrainSettings(model.settings),
    lime: reportLimeSettings(lime),
    rows: [...rows],
    ...(trust && { trust }),
  };
}

function reportCase(model: TrainedModel, e: RowExplanation): ReportCase {
  const { frame } = model;
  const position = framePosition(model.frame, e.dataRow);
  const y = position === undefined ? undefined : frame.y[position];
  const classification = frame.task === 'classification';
  const probabilities = e.probabilities ? [...e.probabilities] : undefined;
  const predicted = probabilities
    ? frame.classes[probabilities.indexOf(Math.max(...probabilities))]
    : (e.predictedValue as number);
  return {
    row: e.row,
    id: e.id,
    actual: y === undefined ? null : classification ? frame.classes[y] : y,
    predicted,
    ...(e.label !== undefined && { explainedClass: frame.classes[e.label] }),
    ...(probabilities && { probabilities }),
    ...(e.targetRange && { targetRange: [e.targetRange[0], e.targetRange[1]] as const }),
    weights: e.weights.map(({ feature, condition, value, weight }) => ({
      feature,
      condition,
      value,
      weight,
    })),
    intercept: e.intercept,
    score: e.score,
    localPred: e.localPred,
    modelPred: e.modelPred,
    kernelWidth: e.settings.kernelWidth,
  };
}

/** Every number the report prints, from the model, the dataset and the explanations (in report order). */
export function reportResults(
  dataset: Dataset,
  model: TrainedModel,
  explanations: readonly RowExplanation[],
): ReportResults {
  const { frame, metrics } = model;
  const idColumn = identifierColumn(model);
  const used = new Set([model.settings.target, ...model.settings.features]);
  const classification = frame.task === 'classification';
  const balance = classification
    ? frame.classes.map((label, c) => ({ label, count: frame.y.filter((y) => y === c).length }))
    : undefined;
  return {
    data: {
      rows: dataset.rowCount,
      columns: dataset.columns.length,
      rowsUsed: frame.y.length,
      identifierColumn: idColumn,
      missing: dataset.columns
        .filter((c) => used.has(c.name) && c.missing > 0)
        .map((c) => ({ column: c.name, count: c.missing })),
      ...(balance && { classBalance: balance }),
      ...(!classification && {
        targetRange: [Math.min(...frame.y), Math.max(...frame.y)] as const,
      }),
      preprocessing: [...model.preprocessing],
    },
    classes: [...frame.classes],
    split: { train: model.split.train.length, test: model.split.test.length },
    metrics:
      metrics.task === 'classification'
        ? {
            task: 'classification',
            accuracy: metrics.accuracy,
            balancedAccuracy: metrics.balancedAccuracy,
            rocAuc: metrics.rocAuc,
            f1: metrics.f1,
            perClass: metrics.perClass.map((p) => ({ ...p })),
            confusion: metrics.confusion.map((r) => [...r]),
            roc: metrics.roc.map((c) => ({ label: c.label, fpr: [...c.fpr], tpr: [...c.tpr], auc: c.auc })),
          }
        : {
            task: 'regression',
            r2: metrics.r2,
            mae: metrics.mae,
            rmse: metrics.rmse,
            actual: [...metrics.actual],
            predicted: [...metrics.predicted],
          },
    ...(model.crossValidation && {
      crossValidation: { ...model.crossValidation, scores: [...model.crossValidation.scores] },
    }),
    impurityImportance: model.impurityImportance.map((f) => ({ ...f })),
    permutationImportance: model.permutationImportance.map((f) => ({ ...f })),
    cases: explanations.map((e) => reportCase(model, e)),
  };
}
