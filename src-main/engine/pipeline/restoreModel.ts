/**
 * A saved model back in memory without retraining: the frame, split and imputer are
 * rebuilt from the data and settings (all deterministic from the seed), the forest is
 * loaded from its JSON, and the test metrics are computed afresh from that forest — so a
 * project whose data file differs from the one it was trained on shows up as different
 * numbers instead of passing silently. Importances and cross-validation are taken as saved
 * (recomputing them is the slow part of training).
 */
import type { Dataset } from '../data/types';
import { buildModelFrame } from '../data/modelFrame';
import { UserFacingError } from '../errors';
import { loadForest } from '../forest/loadForest';
import { RandomForestClassifier } from '../forest/RandomForestClassifier';
import { evaluate } from './evaluate';
import {
  modelPreprocessing,
  splitAndImpute,
  testSetPredictions,
  type CrossValidation,
  type FeatureImportance,
  type TrainedModel,
} from './trainModel';
import { permutationSample } from '../importance/permutationSample';
import { DEFAULT_LIME_SETTINGS, type TrainSettings } from './types';
import { rehearseExplanations } from './rehearseExplanations';

export interface SavedModelParts {
  /** ForestJSON as written by forest.toJSON(). */
  readonly forest: unknown;
  readonly impurityImportance: readonly FeatureImportance[];
  readonly permutationImportance: readonly FeatureImportance[];
  readonly crossValidation?: CrossValidation;
  readonly trainMillis: number;
}

export function restoreModel(
  dataset: Dataset,
  settings: TrainSettings,
  saved: SavedModelParts,
): TrainedModel {
  const classification = settings.task === 'classification';
  const frame = buildModelFrame(dataset, settings);
  let forest;
  try {
    forest = loadForest(saved.forest);
  } catch (err) {
    throw new UserFacingError(
      `The saved model is damaged: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const isClassifier = forest instanceof RandomForestClassifier;
  if (isClassifier !== classification || forest.nFeatures !== frame.featureNames.length) {
    throw new UserFacingError(
      `The saved model does not fit its settings (${settings.task} on ${frame.featureNames.length} features).`,
    );
  }
  const { split, imputer, trainRows, yTrain, testRows, yTest } = splitAndImpute(frame, settings);
  const { testOutputs, testPredictions } = testSetPredictions(forest, frame, imputer.fillValues, split.test);
  const permutationRows = permutationSample(split.test.length, settings.seed).length;
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
    metrics: evaluate(frame, yTest, testOutputs, testPredictions),
    impurityImportance: saved.impurityImportance,
    permutationImportance: saved.permutationImportance,
    ...(saved.crossValidation && { crossValidation: saved.crossValidation }),
    preprocessing: modelPreprocessing(
      frame,
      imputer,
      settings,
      split.train.length,
      split.test.length,
      permutationRows,
    ),
    trainMillis: saved.trainMillis,
    permutationRows,
  };
  // As after training: the first explanation costs what later ones do (see rehearseExplanations).
  rehearseExplanations(model, dataset, DEFAULT_LIME_SETTINGS);
  return model;
}
