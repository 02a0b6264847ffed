/** Public entry of the pure engine: everything the worker, the CLI and the tests use. */
export { createRng, shuffleInPlace, type Rng } from './random/rng';
export { UserFacingError, CancelledError, throwIfAborted } from './errors';
export type { Dataset, ColumnSummary, ColumnKind, SourceInfo, Task } from './data/types';
