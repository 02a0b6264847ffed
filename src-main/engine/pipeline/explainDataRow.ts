/** Explains one data row of the file with LIME, against a trained model from trainModel. */
import type { Dataset } from '../data/types';
import { UserFacingError } from '../errors';
import { RandomForestClassifier } from '../forest/RandomForestClassifier';
import { LimeTabularExplainer, type ExplanationJSON } from '../lime';
import type { TrainedModel } from './trainModel';
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
  readonly dataRow: number;
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

const explainerCache = new WeakMap<TrainedModel, Map<string, LimeTabularExplainer>>();
const rowPositionCache = new WeakMap<TrainedModel, Map<number, number>>();

/** One explainer per (model, settings): training statistics are computed once and reused. */
export function explainerFor(model: TrainedModel, settings: LimeSettings): LimeTabularExplainer {
  const key = `${settings.kernelWidth}|${settings.discretizer}|${settings.seed}`;
  let byKey = explainerCache.get(model);
  if (!byKey) explainerCache.set(model, (byKey = new Map()));
  let explainer = byKey.get(key);
  if (!explainer) {
    const { frame } = model;
    const categoricalFeatures = frame.featureKinds.flatMap((kind, i) => (kind === 'categorical' ? [i] : []));
    explainer = new LimeTabularExplainer(model.xTrain, {
      mode: frame.task,
      featureNames: frame.featureNames,
      ...(frame.task === 'classification' && { classNames: frame.classes }),
      categoricalFeatures,
      categoricalNames: Object.fromEntries(categoricalFeatures.map((i) => [i, frame.categoryNames[i] ?? []])),
      ...(settings.kernelWidth !== null && { kernelWidth: settings.kernelWidth }),
      discretizeContinuous: settings.discretizer !== null,
      ...(settings.discretizer !== null && { discretizer: settings.discretizer }),
      ...(settings.discretizer === 'entropy' && { trainingLabels: model.yTrain }),
      randomState: settings.seed,
    });
    byKey.set(key, explainer);
  }
  return explainer;
}

/** The features of data row `dataRow` encoded and imputed exactly as the training rows were. */
export function encodeDataRow(model: TrainedModel, dataset: Dataset, dataRow: number): number[] {
  if (!Number.isInteger(dataRow) || dataRow < 0 || dataRow >= dataset.rowCount) {
    throw new UserFacingError(
      `${dataset.source.fileName} has data rows 0 to ${dataset.rowCount - 1}; row ${dataRow} does not exist.`,
      { file: dataset.source.fileName, row: dataRow },
    );
  }
  let positions = rowPositionCache.get(model);
  if (!positions)
    rowPositionCache.set(model, (positions = new Map(model.frame.rowIndex.map((r, i) => [r, i]))));
  const position = positions.get(dataRow);
  const { frame } = model;
  const raw =
    position !== undefined
      ? frame.X[position]
      : frame.featureNames.map((name, f) => {
          const column = dataset.values[dataset.columns.findIndex((c) => c.name === name)];
          const cell = column[dataRow];
          if (frame.featureKinds[f] === 'numeric') return typeof cell === 'number' ? cell : Number.NaN;
          const code = frame.categoryNames[f]?.indexOf(String(cell)) ?? -1;
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
 * Explains the model's output for data row `dataRow` (0-based, header excluded).
 * Classification explains `label` (default: the predicted class).
 */
export async function explainDataRow(
  model: TrainedModel,
  dataset: Dataset,
  dataRow: number,
  settings: LimeSettings,
  options: { readonly label?: number; readonly signal?: AbortSignal } = {},
): Promise<RowExplanation> {
  const started = performance.now();
  const { frame, forest } = model;
  const instance = encodeDataRow(model, dataset, dataRow);
  const explainer = explainerFor(model, settings);
  const classification = forest instanceof RandomForestClassifier;
  const probabilities = classification ? forest.predictProba([instance])[0] : undefined;
  let label = 0;
  if (probabilities) {
    label = options.label ?? probabilities.indexOf(Math.max(...probabilities));
    if (!Number.isInteger(label) || label < 0 || label >= frame.classes.length) {
      throw new UserFacingError(
        `Class ${label} does not exist; the classes are ${frame.classes.join(', ')}.`,
      );
    }
  }
  const predict = classification
    ? (rows: number[][]) => forest.predictProba(rows)
    : (rows: number[][]) => forest.predict(rows);
  const explanation = await explainer.explainInstance(instance, predict, {
    labels: [label],
    numFeatures: Math.min(settings.numFeatures, frame.featureNames.length),
    numSamples: settings.numSamples,
    signal: options.signal,
  });
  const exp = explanation.toJSON();
  // As in the reference, a regression explanation keeps its weights and intercept under
  // label 1 (label 0 holds their negation) but its score and local prediction under label 0.
  const key = classification ? label : 1;
  const weights = (exp.localExp[key] ?? []).map(([featureIndex, weight]) => ({
    feature: frame.featureNames[featureIndex],
    featureIndex,
    condition: explanation.conditionName(featureIndex),
    value: cellValue(dataset, frame.featureNames[featureIndex], dataRow),
    weight,
  }));
  weights.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const predictedValue = classification ? undefined : forest.predict([instance])[0];
  return {
    dataRow,
    ...(classification && { label, probabilities }),
    ...(!classification && {
      predictedValue,
      targetRange: [Math.min(...model.yTrain), Math.max(...model.yTrain)] as const,
    }),
    weights,
    intercept: exp.intercept[key],
    score: exp.score[label],
    localPred: exp.localPred[label],
    modelPred: classification ? probabilities![label] : predictedValue!,
    settings: { ...settings, kernelWidth: explainer.kernelWidth },
    explanation: exp,
    millis: performance.now() - started,
  };
}
