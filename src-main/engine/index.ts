/** Public entry of the pure engine: everything the worker, the CLI and the tests use. */
export { createRng, shuffleInPlace, type Rng } from './random/rng';
export { UserFacingError, CancelledError, throwIfAborted } from './errors';
export type { Dataset, ColumnSummary, ColumnKind, SourceInfo, Task } from './data/types';
export { loadDataset } from './data/loadDataset';
export { decodeText, type DecodedText } from './data/decodeText';
export { parseDelimited, type DelimitedTable } from './data/parseDelimited';
export { detectDelimiter, type Delimiter } from './data/detectDelimiter';
export { readXlsx, type XlsxTable } from './data/readXlsx';
export { inferColumn, type InferredColumn } from './data/inferColumn';
export { suggestTarget, suggestExcluded, inferTask } from './data/suggestTarget';
export { buildModelFrame, MAX_CLASSES, type ModelFrame } from './data/modelFrame';
export { fitImputer, median, type Imputer } from './data/imputer';
export { histogram, binEdges, binOf, type Histogram } from './data/histogram';
export { correlationMatrix, pearson, type CorrelationMatrix } from './data/correlation';
export { clusterOrder } from './data/clusterOrder';
export { featureDistribution, type FeatureDistribution } from './data/featureDistribution';
export { compareLabels, formatNumber } from './data/compareLabels';
export { MISSING_MARKERS } from './data/missingMarkers';
