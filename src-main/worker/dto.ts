/** Engine results → the plain DTOs of the IPC contract. */
import type {
  ColumnSummaryDTO,
  DatasetSummaryDTO,
  ExplanationDTO,
  TestCaseDTO,
  TrainResultDTO,
  ModelSettingsDTO,
} from '../contract/ipc';
import type { Dataset, RowExplanation, TrainedModel } from '../engine';
import { caseId, dateCounts, histogram, suggestExcluded, suggestIdColumn, suggestTarget } from '../engine';

const HISTOGRAM_BINS = 20;

export function datasetSummary(id: string, dataset: Dataset, filePath?: string): DatasetSummaryDTO {
  const { source } = dataset;
  const { target, task } = suggestTarget(dataset);
  const columns: ColumnSummaryDTO[] = dataset.columns.map((c, i) => {
    const values = dataset.values[i];
    return {
      ...c,
      ...(c.categories && { categories: c.categories.map((k) => ({ ...k })) }),
      ...(c.kind === 'numeric' &&
        values instanceof Float64Array && { histogram: histogram(values, HISTOGRAM_BINS) }),
      ...(c.kind === 'date' &&
        c.dateOrder &&
        !(values instanceof Float64Array) &&
        datesOf(values, c.dateOrder)),
    };
  });
  return {
    datasetId: id,
    fileName: source.fileName,
    ...(filePath !== undefined && { filePath }),
    format: source.format,
    ...(source.encoding !== undefined && { encoding: source.encoding }),
    ...(source.delimiter !== undefined && { delimiter: source.delimiter }),
    ...(source.sheet !== undefined && { sheet: source.sheet }),
    ...(source.sheets !== undefined && { sheets: [...source.sheets] }),
    rowCount: dataset.rowCount,
    columns,
    suggestedTarget: target,
    suggestedTask: task,
    suggestedExcluded: suggestExcluded(dataset, target),
    warnings: [...(dataset.warnings ?? [])],
    suggestedIdColumn: suggestIdColumn(dataset),
    ...(dataset.messages && { warningMessages: dataset.messages.map((m) => ({ ...m })) }),
  };
}

/** The time chart's counts of a date column, when it has dates. */
function datesOf(
  values: readonly (string | null)[],
  order: 'ymd' | 'dmy' | 'mdy',
): Partial<ColumnSummaryDTO> {
  const counts = dateCounts(values, order);
  return counts ? { dateCounts: counts } : {};
}

export function rowsOf(dataset: Dataset, offset: number, limit: number): (string | number | null)[][] {
  const end = Math.min(dataset.rowCount, offset + limit);
  const rows: (string | number | null)[][] = [];
  for (let r = offset; r < end; r++) {
    rows.push(
      dataset.values.map((col, c) => {
        // An ID column of numbers shows its text: `007`, not 7.
        const texts = dataset.idTexts?.[c];
        if (texts) return texts[r] ?? null;
        const v = col[r];
        if (typeof v === 'number') return Number.isNaN(v) ? null : v;
        return v ?? null;
      }),
    );
  }
  return rows;
}

function labelOf(model: TrainedModel, y: number): string | number {
  return model.frame.task === 'classification' ? model.frame.classes[y] : y;
}

export function trainResult(
  modelId: string,
  datasetId: string,
  settings: ModelSettingsDTO,
  model: TrainedModel,
  dataset: Dataset,
): TrainResultDTO {
  const { frame, split } = model;
  const classification = frame.task === 'classification';
  const counts = (idx: Int32Array) => {
    const c = new Array<number>(frame.classes.length).fill(0);
    for (const i of idx) c[frame.y[i]]++;
    return c;
  };
  const testCases: TestCaseDTO[] = Array.from(split.test, (frameRow, i) => ({
    row: frame.rowIndex[frameRow] + 1,
    id: caseId(dataset, frame.idColumn, frame.rowIndex[frameRow]),
    actual: labelOf(model, model.yTest[i]),
    predicted: labelOf(model, model.testPredictions[i]),
    ...(classification && { probabilities: model.testOutputs[i] }),
  }));
  return {
    modelId,
    datasetId,
    settings,
    task: frame.task,
    classes: frame.classes,
    split: {
      train: split.train.length,
      test: split.test.length,
      ...(classification && { trainCounts: counts(split.train), testCounts: counts(split.test) }),
    },
    metrics: model.metrics,
    impurityImportance: model.impurityImportance,
    permutationImportance: model.permutationImportance,
    ...(model.crossValidation && { crossValidation: model.crossValidation }),
    testCases,
    preprocessing: model.preprocessing,
    trainMillis: model.trainMillis,
    ...(model.permutationRows < split.test.length && { permutationRows: model.permutationRows }),
  };
}

export function explanationDTO(modelId: string, model: TrainedModel, e: RowExplanation): ExplanationDTO {
  return {
    modelId,
    row: e.row,
    id: e.id,
    task: model.frame.task,
    classes: model.frame.classes,
    ...(e.label !== undefined && { label: e.label }),
    ...(e.probabilities && { probabilities: e.probabilities }),
    ...(e.predictedValue !== undefined && { predictedValue: e.predictedValue }),
    ...(e.targetRange && { targetRange: e.targetRange }),
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
    settings: e.settings,
    millis: e.millis,
  };
}
