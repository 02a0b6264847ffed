/**
 * The reference workflow as one pure function: model frame → stratified split →
 * imputation fitted on the training split → random forest → test metrics and
 * importances (→ k-fold cross-validation when asked). Used by the worker and the CLI.
 */
import type { Dataset } from '../data/types';
import { buildModelFrame, type ModelFrame } from '../data/modelFrame';
import { fitImputer, frameRows, imputedColumns, type FrameColumns, type Imputer } from '../data/imputer';
import { imputedRowsView } from '../data/imputedRowsView';
import { stratifiedSplit, type Split } from '../split/stratifiedSplit';
import { kFold } from '../split/kFold';
import { RandomForestClassifier } from '../forest/RandomForestClassifier';
import { RandomForestRegressor } from '../forest/RandomForestRegressor';
import type { FeatureRows } from '../forest/matrixInput';
import type { ForestOptions } from '../forest/options';
import type { TreeGrower } from '../forest/forestPlan';
import { HISTOGRAM_MIN_ROWS } from '../forest/growTree';
import { MAX_BINS } from '../forest/histogramSplit';
import type { MessageDTO } from '../../contract/messages';
import { engineMessage, throwIfAborted } from '../errors';
import { permutationImportance, permutationImportanceAsync } from '../importance/permutationImportance';
import { permutationSample } from '../importance/permutationSample';
import { accuracy } from '../metrics/classificationMetrics';
import { r2 } from '../metrics/regressionMetrics';
import { evaluate, type ModelMetrics } from './evaluate';
import { rehearseExplanations } from './rehearseExplanations';
import { DEFAULT_LIME_SETTINGS, type ProgressOptions, type TrainSettings } from './types';

export type Forest = RandomForestClassifier | RandomForestRegressor;

export interface FeatureImportance {
  readonly feature: string;
  readonly importance: number;
  readonly std?: number;
}

export interface CrossValidation {
  readonly k: number;
  readonly metric: 'accuracy' | 'r2';
  readonly scores: readonly number[];
  readonly mean: number;
  readonly std: number;
}

/** A trained model with everything needed to evaluate, explain and report it. Not plain data (holds the forest). */
export interface TrainedModel {
  readonly settings: TrainSettings;
  readonly frame: ModelFrame;
  /** Indices into the frame's rows. */
  readonly split: Split;
  readonly imputer: Imputer;
  readonly forest: Forest;
  /**
   * Imputed training rows (rows × features), the background data for LIME. Built on first
   * read and then kept: training and the explainer read the frame's columns instead (at
   * 400 000 training rows × 30 the rows are ~115 MB of V8 heap).
   */
  readonly xTrain: number[][];
  readonly yTrain: number[];
  /** Imputed test rows (rows × features), built on first read like xTrain (the metrics read the columns). */
  readonly xTest: number[][];
  readonly yTest: number[];
  /** Classification: test probabilities (rows × classes); regression: test predictions as single-element rows. */
  readonly testOutputs: number[][];
  readonly testPredictions: number[];
  readonly metrics: ModelMetrics;
  /** Sorted by importance, largest first. */
  readonly impurityImportance: readonly FeatureImportance[];
  readonly permutationImportance: readonly FeatureImportance[];
  readonly crossValidation?: CrossValidation;
  readonly preprocessing: readonly string[];
  readonly trainMillis: number;
  /** Test rows permutation importance scored: all of them, or a seeded sample of a large split. */
  readonly permutationRows: number;
}

export function forestOptions(settings: TrainSettings): ForestOptions {
  return {
    nEstimators: settings.nEstimators,
    maxFeatures: settings.maxFeatures,
    maxDepth: settings.maxDepth,
    minSamplesLeaf: settings.minSamplesLeaf,
    seed: settings.seed,
  };
}

/** trainModel's options: progress and cancel, and optionally how trees are grown (threads). */
export interface TrainModelOptions extends ProgressOptions {
  /** E.g. the worker's thread pool; the forest is the same whoever grows it. */
  readonly growTrees?: TreeGrower;
  /**
   * Leave permutationImportance empty, to be computed with modelPermutationImportance once the
   * metrics are shown (the worker does; on a large table it costs a good part of training).
   */
  readonly deferPermutation?: boolean;
}

// Stage names for the status bar, as catalog codes (translated in the renderer).
const TRAINING_TREES = engineMessage('progress-training-trees');
const PERMUTATION = engineMessage('progress-permutation');
const CROSS_VALIDATION = engineMessage('progress-cross-validation');

function fitForest(
  settings: TrainSettings,
  nClasses: number,
  x: FeatureRows,
  y: number[],
  progress: TrainModelOptions,
  columns?: (f: number, out: Float64Array) => void,
): Forest {
  const opts = {
    onProgress: progress.onProgress && ((f: number) => progress.onProgress!(f, TRAINING_TREES)),
    signal: progress.signal,
    ...(progress.growTrees && { growTrees: progress.growTrees }),
    ...(columns && { columns }),
  };
  if (settings.task === 'classification') {
    return new RandomForestClassifier(forestOptions(settings)).train(x, y, { ...opts, nClasses });
  }
  return new RandomForestRegressor(forestOptions(settings)).train(x, y, opts);
}

const pick = <T>(rows: readonly T[], idx: ArrayLike<number>): T[] => Array.from(idx, (i) => rows[i]);

function ranked(
  names: readonly string[],
  values: readonly number[],
  std?: readonly number[],
): FeatureImportance[] {
  return names
    .map((feature, i) => ({ feature, importance: values[i], ...(std && { std: std[i] }) }))
    .sort((a, b) => b.importance - a.importance);
}

/** Runs `step` with progress mapped into [from, to] of the whole job. */
function stage(
  progress: TrainModelOptions,
  from: number,
  to: number,
  message: MessageDTO,
): TrainModelOptions {
  return {
    ...(progress.growTrees && { growTrees: progress.growTrees }),
    signal: progress.signal,
    onProgress: progress.onProgress && ((f) => progress.onProgress!(from + (to - from) * f, message)),
  };
}

/**
 * Trains and evaluates a forest on `dataset` per `settings`.
 * Progress: training 0–0.75, permutation importance 0.75–0.9 (0.75–1 without CV), CV the rest.
 */
export function trainModel(
  dataset: Dataset,
  settings: TrainSettings,
  progress: TrainModelOptions = {},
): TrainedModel {
  const started = performance.now();
  const frame = buildModelFrame(dataset, settings);
  const { split, imputer, trainRows, yTrain, testRows, yTest } = splitAndImpute(frame, settings);
  const nClasses = frame.classes.length;
  const withCv = settings.kFolds >= 2;

  const forest = fitForest(
    settings,
    nClasses,
    imputedRowsView(frame, imputer.fillValues, split.train),
    yTrain,
    stage(progress, 0, 0.75, TRAINING_TREES),
    imputedColumns(frame, imputer.fillValues, split.train),
  );
  const { testOutputs, testPredictions } = testSetPredictions(forest, frame, imputer.fillValues, split.test);
  const metrics = evaluate(frame, yTest, testOutputs, testPredictions);

  const permStage = stage(progress, 0.75, withCv ? 0.9 : 1, PERMUTATION);
  const permRows = permutationSample(split.test.length, settings.seed);
  const permutation = progress.deferPermutation
    ? []
    : modelPermutationImportance({ forest, frame, settings, imputer, split, yTest }, permStage);
  const crossValidation = withCv
    ? crossValidate(frame, settings, stage(progress, 0.9, 1, CROSS_VALIDATION))
    : undefined;

  const model: TrainedModel = {
    settings,
    frame,
    split,
    imputer,
    forest,
    get xTrain() {
      return trainRows();
    },
    yTrain,
    get xTest() {
      return testRows();
    },
    yTest,
    testOutputs,
    testPredictions,
    metrics,
    impurityImportance: ranked(frame.featureNames, forest.featureImportances()),
    permutationImportance: permutation,
    ...(crossValidation && { crossValidation }),
    preprocessing: modelPreprocessing(
      frame,
      imputer,
      settings,
      split.train.length,
      split.test.length,
      permRows.length,
    ),
    trainMillis: 0,
    permutationRows: permRows.length,
  };
  // The explainer's training statistics (bins, frequencies, scaler) belong to fitting, as the
  // reference builds LimeTabularExplainer once after fitting, and so does the forest's output on
  // the default neighbourhood, which every explanation with those settings shares: the first
  // explanation then predicts only its own row. A few throwaway explanations of training rows
  // follow, so V8 has compiled the explanation path before the first real one (unoptimized, a
  // fresh process's first cost ~9× a later one). Cached on the model (explainerFor).
  rehearseExplanations(model, dataset, DEFAULT_LIME_SETTINGS);
  // Set on the same object: the explainer is cached under it.
  (model as { trainMillis: number }).trainMillis = performance.now() - started;
  return model;
}

/** Test rows predicted per batch: the forest walks a row-major copy of a batch, not of the whole split. */
const TEST_BATCH_ROWS = 8192;

/**
 * The forest's outputs on the frame's rows `rows` (the test split), imputed with `fillValues`:
 * class probabilities, or [value], per row, and its predictions (class index or value). In
 * batches, each row predicted as it would be alone. Training and restoring a saved model share it.
 */
export function testSetPredictions(
  forest: Forest,
  frame: FrameColumns,
  fillValues: readonly number[],
  rows: Int32Array,
): { testOutputs: number[][]; testPredictions: number[] } {
  const testOutputs: number[][] = [];
  const testPredictions: number[] = [];
  for (let start = 0; start < rows.length; start += TEST_BATCH_ROWS) {
    const batch = imputedRowsView(frame, fillValues, rows.subarray(start, start + TEST_BATCH_ROWS));
    if (forest instanceof RandomForestClassifier) {
      const { proba, labels } = forest.predictProbaAndLabels(batch);
      for (let r = 0; r < labels.length; r++) {
        testOutputs.push(proba[r]);
        testPredictions.push(labels[r]);
      }
    } else {
      for (const v of forest.predict(batch)) {
        testOutputs.push([v]);
        testPredictions.push(v);
      }
    }
  }
  return { testOutputs, testPredictions };
}

type PermutationModel = Pick<TrainedModel, 'forest' | 'frame' | 'settings' | 'imputer' | 'split' | 'yTest'>;

/**
 * Permutation importance on the model's test split (a seeded sample above 1 000 rows, see
 * permutationSample), sorted largest first: what trainModel computes unless deferred.
 */
export function modelPermutationImportance(
  model: PermutationModel,
  progress: ProgressOptions = {},
): FeatureImportance[] {
  const { X, y, options } = permutationInputs(model, progress);
  const perm = permutationImportance(model.forest, X, y, options);
  return ranked(model.frame.featureNames, perm.mean, perm.std);
}

/**
 * modelPermutationImportance one round at a time: `between` runs after each round. The forest
 * predicts the rounds itself (forest.columnRounds: a fraction of the walks, on this thread);
 * `predictLabels` (class indices or values per row, as forest.predict gives them; e.g. split over
 * threads by the caller) serves forests without that, imported ones. Same seed, same rows, same
 * result.
 */
export async function modelPermutationImportanceAsync(
  model: PermutationModel,
  predictLabels: (rows: number[][]) => Promise<ArrayLike<number>>,
  progress: ProgressOptions & { between?: () => Promise<void> } = {},
): Promise<FeatureImportance[]> {
  const { X, y, options } = permutationInputs(model, progress);
  const rounds = model.forest.columnRounds(X);
  const predict = rounds
    ? (rows: number[][], feature: number) => Promise.resolve(rounds(rows, feature))
    : predictLabels;
  const perm = await permutationImportanceAsync(predict, X, y, {
    ...options,
    ...(progress.between && { between: progress.between }),
  });
  return ranked(model.frame.featureNames, perm.mean, perm.std);
}

function permutationInputs(model: PermutationModel, progress: ProgressOptions) {
  const { settings, split, yTest } = model;
  const rows = permutationSample(split.test.length, settings.seed);
  const metric: 'accuracy' | 'r2' = settings.task === 'classification' ? 'accuracy' : 'r2';
  return {
    // xTest's sampled rows, built from the frame's columns (the test rows are not built for this).
    X: frameRows(
      model.frame,
      model.imputer.fillValues,
      Array.from(rows, (i) => split.test[i]),
    ),
    y: pick(yTest, rows),
    options: {
      seed: settings.seed,
      metric,
      ...(progress.onProgress && { onProgress: (f: number) => progress.onProgress!(f, PERMUTATION) }),
      ...(progress.signal && { signal: progress.signal }),
    },
  };
}

/**
 * The seeded split and the imputer fitted on its training rows, with builders of the imputed
 * training and test rows (rows × features) from the frame's columns: each builds its rows on
 * its first call and then returns the same array (TrainedModel.xTrain and xTest). Training and
 * restoring a saved model share it, so a restored model sees exactly the rows it was trained
 * and tested on.
 */
export function splitAndImpute(frame: ModelFrame, settings: TrainSettings) {
  const split = stratifiedSplit(frame.y, {
    testFraction: settings.testFraction,
    seed: settings.seed,
    stratify: settings.task === 'classification',
    classNames: frame.classes,
  });
  const imputer = fitImputer(frame, split.train, frame.featureKinds, frame);
  let xTrain: number[][] | undefined;
  let xTest: number[][] | undefined;
  return {
    split,
    imputer,
    trainRows: () => (xTrain ??= frameRows(frame, imputer.fillValues, split.train)),
    yTrain: pick(frame.y, split.train),
    testRows: () => (xTest ??= frameRows(frame, imputer.fillValues, split.test)),
    yTest: pick(frame.y, split.test),
  };
}

/**
 * The preprocessing record of a trained model: the frame's and imputer's steps, plus how the
 * trees and permutation importance were computed when that depends on the table's size. Shared
 * with restoreModel so a reopened project states the same steps.
 */
export function modelPreprocessing(
  frame: ModelFrame,
  imputer: { describe(): string[] },
  settings: TrainSettings,
  trainRows: number,
  testRows: number,
  permutationRows: number,
): string[] {
  return [
    ...frame.preprocessing,
    ...imputer.describe(),
    ...(trainRows > HISTOGRAM_MIN_ROWS
      ? [
          `Trees grown with a histogram split search (more than ${HISTOGRAM_MIN_ROWS} training rows): each feature's thresholds are limited to at most ${MAX_BINS - 1} cut points between its training values' quantiles, as in LightGBM. A cut is the midpoint of two neighbouring training values, rounded to single precision where that still lies between them.`,
        ]
      : []),
    ...(permutationRows < testRows
      ? [
          `Permutation importance scored on ${permutationRows} of the ${testRows} test rows (a random sample, seed ${settings.seed}), so that it costs a fraction of training.`,
        ]
      : []),
  ];
}

/** k-fold CV over the whole frame; each fold fits its own imputer on its training rows. */
function crossValidate(
  frame: ModelFrame,
  settings: TrainSettings,
  progress: TrainModelOptions,
): CrossValidation {
  const classification = settings.task === 'classification';
  const folds = kFold(frame.y, {
    k: settings.kFolds,
    seed: settings.seed,
    stratify: classification,
    classNames: frame.classes,
  });
  const scores = folds.map((fold, i) => {
    throwIfAborted(progress.signal);
    const imputer = fitImputer(frame, fold.train, frame.featureKinds);
    const forest = fitForest(
      settings,
      frame.classes.length,
      imputedRowsView(frame, imputer.fillValues, fold.train),
      pick(frame.y, fold.train),
      {
        ...(progress.growTrees && { growTrees: progress.growTrees }),
        signal: progress.signal,
        onProgress:
          progress.onProgress && ((f) => progress.onProgress!((i + f) / folds.length, CROSS_VALIDATION)),
      },
      imputedColumns(frame, imputer.fillValues, fold.train),
    );
    const yTrue = pick(frame.y, fold.test);
    const yPred = forest.predict(imputedRowsView(frame, imputer.fillValues, fold.test));
    return classification ? accuracy(yTrue, yPred) : r2(yTrue, yPred);
  });
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const std = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length);
  return { k: folds.length, metric: classification ? 'accuracy' : 'r2', scores, mean, std };
}
