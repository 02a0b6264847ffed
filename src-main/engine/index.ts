/** Public entry of the pure engine: everything the worker, the CLI and the tests use. */
export { createRng, shuffleInPlace, type Rng } from './random/rng';
export { UserFacingError, CancelledError, throwIfAborted } from './errors';
export type { Dataset, ColumnSummary, ColumnKind, SourceInfo, Task } from './data/types';
export {
  LimeTabularExplainer,
  Explanation,
  QuartileDiscretizer,
  DecileDiscretizer,
  EntropyDiscretizer,
  StatsDiscretizer,
  BaseDiscretizer,
  LimeBase,
  type LimeTabularOptions,
  type ExplainInstanceOptions,
  type ExplanationJSON,
  type PredictFn,
  type FlatPredictor,
  type LimeMode,
  type FeatureSelectionMethod,
  type DistanceMetric,
  type SurrogateRegressor,
  type TrainingDataStats,
} from './lime';
export { loadDataset } from './data/loadDataset';
export { decodeText, utf8Text, type DecodedText, type Utf8Text } from './data/decodeText';
export { parseDelimited, parseDelimitedBytes, type DelimitedTable } from './data/parseDelimited';
export { detectDelimiter, type Delimiter } from './data/detectDelimiter';
export { readXlsx, type XlsxTable } from './data/readXlsx';
export { inferColumn, type InferredColumn } from './data/inferColumn';
export { suggestTarget, suggestExcluded, inferTask } from './data/suggestTarget';
export { buildModelFrame, MAX_CLASSES, type ModelFrame } from './data/modelFrame';
export { caseId, resolveIdColumn, rowsWithId, suggestIdColumn } from './data/caseIds';
export { isIdentifierName } from './data/columnNames';
export { fitImputer, modelTrainColumns, type Imputer } from './data/imputer';
export { median } from './data/median';
export { histogram, binEdges, binOf, type Histogram } from './data/histogram';
export { dateCounts, type DateCounts } from './data/dateCounts';
export { correlationMatrix, pearson, type CorrelationMatrix } from './data/correlation';
export { clusterOrder } from './data/clusterOrder';
export { featureDistribution, type FeatureDistribution } from './data/featureDistribution';
export { compareLabels, formatNumber } from './data/compareLabels';
export { MISSING_MARKERS } from './data/missingMarkers';
export { stratifiedSplit, approximateMode, type SplitOptions, type Split } from './split/stratifiedSplit';
export { kFold, type KFoldOptions } from './split/kFold';
export { RandomForestClassifier } from './forest/RandomForestClassifier';
export { RandomForestRegressor } from './forest/RandomForestRegressor';
export { loadForest } from './forest/loadForest';
export type {
  ForestJSON,
  ForestKind,
  ForestAggregation,
  TrainOptions,
  AsyncTrainOptions,
} from './forest/forestBase';
export type { ForestOptions, ResolvedForestOptions, MaxFeaturesOption } from './forest/options';
export type { FlatTree, FlatTreeJSON } from './forest/flatTree';
export { treeCover } from './forest/flatTree';
export type { FeatureRows } from './forest/matrixInput';
export type { MlRandomForestJSON } from './forest/importMlRandomForest';
export {
  accuracy,
  balancedAccuracy,
  confusionMatrix,
  perClassMetrics,
  type ClassScores,
} from './metrics/classificationMetrics';
export {
  rocCurve,
  rocAuc,
  prCurve,
  averagePrecision,
  trapezoidArea,
  type RocCurve,
  type PrCurve,
} from './metrics/rankingCurves';
export { r2, mae, rmse, residuals } from './metrics/regressionMetrics';
export {
  permutationImportance,
  permutationImportanceAsync,
  type PermutationImportance,
  type PermutationImportanceOptions,
  type PermutationMetric,
  type RowPredictor,
  type ScoreFunction,
} from './importance/permutationImportance';
export * from './pipeline';
export {
  growPlannedTree,
  bagRows,
  type ForestPlan,
  type GrownTree,
  type TreeGrower,
  type GrowCallbacks,
  type BaggingSettings,
} from './forest/forestPlan';
export { TreeScratch } from './forest/treeScratch';
export { readDatasetFile, MAX_FILE_BYTES } from './io/readDatasetFile';
export { treeShap, TreeShapExplainer, type TreeShapResult, type ShapForest } from './shap/treeShap';
export * from './trust';
export {
  explanationsCsv,
  explanationsJson,
  metricsCsv,
  importancesCsv,
  csvCell,
  csvDocument,
  neutraliseFormula,
  CSV_BOM,
  EXPLANATIONS_JSON_FORMAT,
  EXPLANATIONS_JSON_VERSION,
  type CsvValue,
  type ExplainedCase,
} from './export';
