export {
  trainModel,
  modelPermutationImportance,
  modelPermutationImportanceAsync,
  forestOptions,
  type TrainedModel,
  type Forest,
  type FeatureImportance,
  type CrossValidation,
  type TrainModelOptions,
} from './trainModel';
export { evaluate, type ModelMetrics, type ClassificationMetrics, type RegressionMetrics } from './evaluate';
export {
  explainDataRow,
  explainerFor,
  createExplainer,
  explainerInputs,
  explainerSource,
  explainEncodedRow,
  forestPredictor,
  withRowContext,
  encodeDataRow,
  type RowExplanation,
  type ExplainedWeight,
  type ExplainerInputs,
  type ExplainerSource,
  type EncodedRowExplanation,
  type ExplainRowOptions,
} from './explainDataRow';
export { DEFAULT_LIME_SETTINGS, type TrainSettings, type LimeSettings, type ProgressOptions } from './types';
export { defaultTrainSettings } from './defaultTrainSettings';
export { restoreModel, type SavedModelParts } from './restoreModel';
export { rehearseExplanations } from './rehearseExplanations';
