/** LIME for tabular data, faithful to the reference Python `lime` package. */
export {
  LimeTabularExplainer,
  type LimeTabularOptions,
  type ExplainInstanceOptions,
  type PredictFn,
  type FlatPredictor,
  type PredictOutput,
  type DiscretizerOption,
  type TrainingDataStats,
} from './limeTabularExplainer';
export { Explanation, type ExplanationJSON, type LimeMode } from './explanation';
export { type TrainingColumns, type TrainingData } from './trainingColumns';
export { BaseDiscretizer, type DiscretizerStats } from './baseDiscretizer';
export { QuartileDiscretizer, DecileDiscretizer } from './percentileDiscretizers';
export { EntropyDiscretizer } from './entropyDiscretizer';
export { StatsDiscretizer } from './statsDiscretizer';
export { entropyTreeThresholds } from './entropyTree';
export { LimeBase, explainWithDesign, type LocalExplanation, type SurrogateRegressor } from './limeBase';
export { selectFeatures, FEATURE_SELECTION_METHODS, type FeatureSelectionMethod } from './featureSelection';
export { larsLassoPath } from './larsPath';
export { fitWeightedRidge, ridgeFit, weightedR2, type LinearFit } from './weightedRidge';
export { weightedDesign, weightedTarget, type WeightedDesign, type WeightedTarget } from './weightedDesign';
export {
  exponentialKernel,
  defaultKernelWidth,
  distancesToFirstRow,
  DISTANCE_METRICS,
  type KernelFn,
  type DistanceMetric,
} from './kernels';
export { TruncatedNormal } from './truncatedNormal';
export { normalCdf, normalSf, normalQuantile, normalQuantileFast, erf, erfc } from './normalDistribution';
export { percentileOfSorted, percentiles, median, searchSortedLeft, uniqueSorted } from './percentile';
export { formatFixed2 } from './pyFormat';
