/** Explains one data row of the file with LIME, against a trained model from trainModel. */
import { caseId } from '../data/caseIds';
import { numberLabel } from '../data/featureColumn';
import type { Dataset } from '../data/types';
import { UserFacingError } from '../errors';
import { RandomForestClassifier } from '../forest/RandomForestClassifier';
import {
  LimeTabularExplainer,
  type Explanation,
  type ExplainInstanceOptions,
  type ExplanationJSON,
  type FlatPredictor,
  type TrainingData,
} from '../lime';
import { frameRows, modelTrainColumns } from '../data/imputer';
import { framePosition, type ModelFrame } from '../data/modelFrame';
import type { Forest, TrainedModel } from './trainModel';
import type { LimeSettings } from './types';

export interface ExplainedWeight {
  readonly feature: string;
  readonly featureIndex: number;
  /** As the reference lime prints it: `worst area > 1084.00`, `12.34 < x <= 15.67`, `color=b`. */
  readonly condition: string;
  /** The case's value as in the file (null when missing there). */
  readonly value: string | number | null;
  readonly weight: number;
}

export interface RowExplanation {
  /** 0-based index into the dataset's rows (an index for code, never shown). */
  readonly dataRow: number;
  /** The row number the user sees: 1-based data row, the first row under the header is row 1. */
  readonly row: number;
  /** The case's ID from the model's ID column, null when there is none (or the cell is empty). */
  readonly id: string | null;
  /** Class index explained (classification). */
  readonly label?: number;
  readonly probabilities?: readonly number[];
  readonly predictedValue?: number;
  /** Regression: min and max of the training target. */
  readonly targetRange?: readonly [number, number];
  /** Sorted by |weight|, largest first. */
  readonly weights: readonly ExplainedWeight[];
  readonly intercept: number;
  readonly score: number;
  readonly localPred: number;
  /** The model's probability of `label` (classification) or its prediction (regression). */
  readonly modelPred: number;
  readonly settings: LimeSettings & { readonly kernelWidth: number };
  /** The full reference-shaped explanation, for audit trails and reports. */
  readonly explanation: ExplanationJSON;
  readonly millis: number;
}

export interface ExplainRowOptions {
  /** Class index to explain (classification); default: the predicted class. */
  readonly label?: number;
  readonly signal?: AbortSignal;
  /**
   * Predicts LIME's neighbourhood instead of the forest itself (e.g. split over two threads);
   * must return exactly what the forest's predictProbaFlat / predictFlat would.
   */
  readonly predictor?: FlatPredictor;
}

/** What createExplainer reads. */
export interface ExplainerSource {
  readonly frame: Pick<ModelFrame, 'task' | 'featureNames' | 'featureKinds' | 'categoryNames' | 'classes'>;
  /** Imputed training rows (rows × features, or a reader of their columns): LIME's background statistics. */
  readonly xTrain: TrainingData;
  readonly yTrain: readonly number[];
}

/** What an explainer is built from as plain data, so a pool thread can rebuild it (explainerSource). */
export interface ExplainerInputs {
  readonly frame: ExplainerSource['frame'];
  /**
   * The imputed training rows by feature (trainColumns[f][r]): views into one SharedArrayBuffer,
   * so the pool's threads read them without a copy each (as row arrays they were cloned into
   * every thread's heap: ~115 MB per thread at 400 000 training rows × 30).
   */
  readonly trainColumns: readonly Float64Array[];
  readonly yTrain: readonly number[];
}

/** The model-independent part of an explanation, as a pool thread returns it. */
export interface EncodedRowExplanation {
  readonly label?: number;
  readonly probabilities?: readonly number[];
  readonly predictedValue?: number;
  readonly weights: readonly { featureIndex: number; condition: string; weight: number }[];
  readonly intercept: number;
  readonly score: number;
  readonly localPred: number;
  readonly modelPred: number;
  readonly kernelWidth: number;
  readonly explanation: ExplanationJSON;
}

/** The plain-data part of a trained model that an explainer needs (cloneable to a thread). */
export function explainerInputs(model: TrainedModel): ExplainerInputs {
  const { task, featureNames, featureKinds, categoryNames, classes } = model.frame;
  const rows = model.split.train.length;
  const shared = new SharedArrayBuffer(featureNames.length * rows * Float64Array.BYTES_PER_ELEMENT);
  const { column: read } = modelTrainColumns(model);
  const trainColumns = featureNames.map((_, f) => {
    const column = new Float64Array(shared, f * rows * Float64Array.BYTES_PER_ELEMENT, rows);
    read(f, column);
    return column;
  });
  return {
    frame: { task, featureNames, featureKinds, categoryNames, classes },
    trainColumns,
    yTrain: model.yTrain,
  };
}

/** What a pool thread builds its explainer from: the inputs' columns read as LIME's training data. */
export function explainerSource(inputs: ExplainerInputs): ExplainerSource {
  const { trainColumns } = inputs;
  return {
    frame: inputs.frame,
    xTrain: {
      rows: trainColumns.length > 0 ? trainColumns[0].length : 0,
      features: trainColumns.length,
      column: (f, out) => out.set(trainColumns[f]),
    },
    yTrain: inputs.yTrain,
  };
}

export function createExplainer(inputs: ExplainerSource, settings: LimeSettings): LimeTabularExplainer {
  const { frame } = inputs;
  const categoricalFeatures = frame.featureKinds.flatMap((kind, i) => (kind === 'categorical' ? [i] : []));
  return new LimeTabularExplainer(inputs.xTrain, {
    mode: frame.task,
    featureNames: frame.featureNames,
    ...(frame.task === 'classification' && { classNames: frame.classes }),
    categoricalFeatures,
    categoricalNames: Object.fromEntries(categoricalFeatures.map((i) => [i, frame.categoryNames[i] ?? []])),
    ...(settings.kernelWidth !== null && { kernelWidth: settings.kernelWidth }),
    discretizeContinuous: settings.discretizer !== null,
    ...(settings.discretizer !== null && { discretizer: settings.discretizer }),
    ...(settings.discretizer === 'entropy' && { trainingLabels: inputs.yTrain }),
    randomState: settings.seed,
  });
}

const explainerCache = new WeakMap<TrainedModel, Map<string, LimeTabularExplainer>>();

/** One explainer per (model, settings): training statistics are computed once and reused. */
export function explainerFor(model: TrainedModel, settings: LimeSettings): LimeTabularExplainer {
  const key = `${settings.kernelWidth}|${settings.discretizer}|${settings.seed}`;
  let byKey = explainerCache.get(model);
  if (!byKey) explainerCache.set(model, (byKey = new Map()));
  let explainer = byKey.get(key);
  if (!explainer) byKey.set(key, (explainer = createExplainer(trainingColumnsOf(model), settings)));
  return explainer;
}

/** A model's explainer inputs with the training rows read from the frame's columns (no row arrays). */
function trainingColumnsOf(model: TrainedModel): ExplainerSource {
  return {
    frame: model.frame,
    xTrain: modelTrainColumns(model),
    yTrain: model.yTrain,
  };
}

/**
 * The forest as LIME's model: row-major buffers straight into it (no JS array per sampled row),
 * keyed by the forest so that its outputs on the seed's neighbourhood are kept for the next row.
 */
export function forestPredictor(forest: Forest): FlatPredictor & { readonly modelKey: object } {
  return {
    predictFlat: (x: Float64Array, n: number, d: number) =>
      forest instanceof RandomForestClassifier
        ? forest.predictProbaFlat(x, n, d)
        : forest.predictFlat(x, n, d),
    modelKey: forest,
  };
}

/**
 * Explains an already encoded and imputed row (1 × features). Classification explains
 * `label` (default: the predicted class).
 */
export async function explainEncodedRow(
  explainer: LimeTabularExplainer,
  forest: Forest,
  frame: ExplainerInputs['frame'],
  instance: readonly number[],
  settings: LimeSettings,
  options: ExplainRowOptions = {},
): Promise<EncodedRowExplanation> {
  const call = encodedRowCall(forest, frame, instance, settings, options);
  const explanation = await explainer.explainInstance(call.row, call.predict, call.options);
  return encodedRowResult(explainer, forest, call, explanation);
}

/**
 * explainEncodedRow in this turn, with the forest itself as the model (no `predictor` option):
 * the same result. For work that cannot wait for the event loop, e.g. trainModel's rehearsal.
 */
export function explainEncodedRowSync(
  explainer: LimeTabularExplainer,
  forest: Forest,
  frame: ExplainerInputs['frame'],
  instance: readonly number[],
  settings: LimeSettings,
  options: Omit<ExplainRowOptions, 'predictor'> = {},
): EncodedRowExplanation {
  const call = encodedRowCall(forest, frame, instance, settings, options);
  const explanation = explainer.explainInstanceSync(call.row, call.predict, call.options);
  return encodedRowResult(explainer, forest, call, explanation);
}

interface EncodedRowCall {
  readonly row: number[];
  readonly classification: boolean;
  readonly label: number;
  readonly probabilities?: number[];
  readonly predict: FlatPredictor;
  readonly options: ExplainInstanceOptions;
}

/** What explainInstance is asked for a row: the class to explain (checked) and the sampling settings. */
function encodedRowCall(
  forest: Forest,
  frame: ExplainerInputs['frame'],
  instance: readonly number[],
  settings: LimeSettings,
  options: ExplainRowOptions,
): EncodedRowCall {
  const row = [...instance];
  const classification = forest instanceof RandomForestClassifier;
  const probabilities = classification ? forest.predictProba([row])[0] : undefined;
  let label = 0;
  if (probabilities) {
    label = options.label ?? probabilities.indexOf(Math.max(...probabilities));
    if (!Number.isInteger(label) || label < 0 || label >= frame.classes.length) {
      throw UserFacingError.of('unknown-class', { label, classes: frame.classes.join(', ') });
    }
  }
  return {
    row,
    classification,
    label,
    ...(probabilities && { probabilities }),
    predict: options.predictor ?? forestPredictor(forest),
    options: {
      labels: [label],
      numFeatures: Math.min(settings.numFeatures, frame.featureNames.length),
      numSamples: settings.numSamples,
      // The same as the explainer's own seed unless the settings ask for another (stability runs).
      randomState: settings.seed,
      signal: options.signal,
    },
  };
}

function encodedRowResult(
  explainer: LimeTabularExplainer,
  forest: Forest,
  call: EncodedRowCall,
  explanation: Explanation,
): EncodedRowExplanation {
  const { row, classification, label, probabilities } = call;
  const exp = explanation.toJSON();
  // As in the reference, a regression explanation keeps its weights and intercept under
  // label 1 (label 0 holds their negation) but its score and local prediction under label 0.
  const key = classification ? label : 1;
  const weights = (exp.localExp[key] ?? [])
    .map(([featureIndex, weight]) => ({
      featureIndex,
      condition: explanation.conditionName(featureIndex),
      weight,
    }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const predictedValue = classification ? undefined : forest.predict([row])[0];
  return {
    ...(classification && { label, probabilities }),
    ...(predictedValue !== undefined && { predictedValue }),
    weights,
    intercept: exp.intercept[key],
    score: exp.score[label],
    localPred: exp.localPred[label],
    modelPred: classification ? probabilities![label] : predictedValue!,
    kernelWidth: explainer.kernelWidth,
    explanation: exp,
  };
}

/** The features of data row `dataRow` encoded and imputed exactly as the training rows were. */
export function encodeDataRow(model: TrainedModel, dataset: Dataset, dataRow: number): number[] {
  if (!Number.isInteger(dataRow) || dataRow < 0 || dataRow >= dataset.rowCount) {
    const file = dataset.source.fileName;
    throw UserFacingError.of(
      'row-out-of-range',
      { file, last: dataset.rowCount, row: dataRow + 1 },
      { file, row: dataRow + 1 },
    );
  }
  const { frame } = model;
  const position = framePosition(frame, dataRow);
  const raw =
    position !== undefined
      ? frameRows(frame, null, [position])[0]
      : frame.featureNames.map((name, f) => {
          const column = dataset.values[dataset.columns.findIndex((c) => c.name === name)];
          const cell = column[dataRow];
          // The feature's type may differ from the column's (the user's choice): convert the cell.
          if (frame.featureKinds[f] === 'numeric') {
            return typeof cell === 'number' ? cell : cell === null ? Number.NaN : Number(cell);
          }
          const label = typeof cell === 'number' ? numberLabel(cell) : cell;
          const code = label === null ? -1 : (frame.categoryNames[f]?.indexOf(label) ?? -1);
          return code >= 0 ? code : Number.NaN;
        });
  return model.imputer.apply([raw])[0];
}

function cellValue(dataset: Dataset, column: string, row: number): string | number | null {
  const values = dataset.values[dataset.columns.findIndex((c) => c.name === column)];
  const v = values[row];
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  return v ?? null;
}

/**
 * Explains the model's output for the data row at index `dataRow` (0-based; the user's
 * row number is dataRow + 1).
 * Classification explains `label` (default: the predicted class).
 */
export async function explainDataRow(
  model: TrainedModel,
  dataset: Dataset,
  dataRow: number,
  settings: LimeSettings,
  options: ExplainRowOptions = {},
): Promise<RowExplanation> {
  const started = performance.now();
  const instance = encodeDataRow(model, dataset, dataRow);
  const core = await explainEncodedRow(
    explainerFor(model, settings),
    model.forest,
    model.frame,
    instance,
    settings,
    options,
  );
  return withRowContext(model, dataset, dataRow, settings, core, performance.now() - started);
}

/** Adds what only the main side knows (the file's values, the target range) to a core explanation. */
export function withRowContext(
  model: TrainedModel,
  dataset: Dataset,
  dataRow: number,
  settings: LimeSettings,
  core: EncodedRowExplanation,
  millis: number,
): RowExplanation {
  const { frame } = model;
  const { kernelWidth, weights, ...rest } = core;
  return {
    dataRow,
    row: dataRow + 1,
    id: caseId(dataset, frame.idColumn, dataRow),
    ...rest,
    ...(frame.task === 'regression' && {
      targetRange: [Math.min(...model.yTrain), Math.max(...model.yTrain)] as const,
    }),
    weights: weights.map((w) => ({
      feature: frame.featureNames[w.featureIndex],
      ...w,
      value: cellValue(dataset, frame.featureNames[w.featureIndex], dataRow),
    })),
    settings: { ...settings, kernelWidth },
    millis,
  };
}
