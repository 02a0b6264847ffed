import type { Dataset } from './types';

/** Index of the column called `name`; a RangeError naming `option` when there is none. */
export function columnIndex(dataset: Dataset, name: string, option: string): number {
  const index = dataset.columns.findIndex((c) => c.name === name);
  if (index < 0) throw new RangeError(`${option}: no column named '${name}'`);
  return index;
}

/** Values of the column called `name` (see columnIndex). */
export function columnValues(
  dataset: Dataset,
  name: string,
  option: string,
): Float64Array | readonly (string | null)[] {
  return dataset.values[columnIndex(dataset, name, option)];
}
