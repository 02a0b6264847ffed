/**
 * One column as a model feature, in the type the user chose: numbers used as categories
 * (stage 1–4 → labels '1'…'4', explained as `stage=3`) or text holding numbers used as a
 * number, or dates used as a number (days since 1970-01-01 UTC). Without a choice a column keeps the type its values were read with.
 */
import { UserFacingError } from '../errors';
import { compareLabels } from './compareLabels';
import { dateDays } from './dateColumn';
import type { Dataset } from './types';

export type FeatureColumn =
  | { readonly kind: 'numeric'; readonly values: Float64Array }
  | { readonly kind: 'categorical'; readonly labels: readonly (string | null)[] };

/** The label a number gets as a category: its shortest exact decimal form, as in the data table. */
export function numberLabel(value: number): string | null {
  return Number.isNaN(value) ? null : String(value);
}

/**
 * Column `index` of `dataset` as a feature of type `choice` (absent: as read). Text that is
 * not a number cannot be numeric: a UserFacingError names the first such cell (1-based row).
 */
export function featureColumn(
  dataset: Dataset,
  index: number,
  choice: 'numeric' | 'categorical' | undefined,
): FeatureColumn {
  const values = dataset.values[index];
  if (values instanceof Float64Array) {
    if (choice !== 'categorical') return { kind: 'numeric', values };
    return { kind: 'categorical', labels: Array.from(values, numberLabel) };
  }
  if (choice !== 'numeric') return { kind: 'categorical', labels: values };
  const dateOrder = dataset.columns[index].dateOrder;
  // Days since 1970-01-01 UTC; the few cells of a date column that are no dates count as missing.
  if (dataset.columns[index].kind === 'date' && dateOrder !== undefined)
    return {
      kind: 'numeric',
      values: Float64Array.from(values, (v) => (v === null ? NaN : dateDays(v, dateOrder))),
    };
  const numbers = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const cell = values[i];
    const n = cell === null ? NaN : Number(cell.trim());
    if (cell !== null && (cell.trim() === '' || !Number.isFinite(n))) {
      const file = dataset.source.fileName;
      const column = dataset.columns[index].name;
      throw UserFacingError.of(
        'not-a-number-column',
        { file, column, row: i + 1, value: cell },
        { file, row: i + 1, column },
      );
    }
    numbers[i] = n;
  }
  return { kind: 'numeric', values: numbers };
}

/** Sorted category labels of a categorical feature (numeric-aware: '2' < '10'). */
export function categoryLabels(labels: readonly (string | null)[]): string[] {
  return [...new Set(labels.filter((v): v is string => v !== null))].sort(compareLabels);
}
