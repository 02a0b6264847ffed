import type { MessageDTO } from '../../contract/messages';
import { engineMessage } from '../errors';
import { compareLabels } from './compareLabels';
import { isIdentifierName, isIdLikeName } from './columnNames';
import { countDistinct } from './countDistinct';
import { isMissingMarker, trimCell } from './missingMarkers';
import type { CellColumn } from './rawTable';
import type { ColumnKind, ColumnSummary } from './types';

export interface InferredColumn {
  readonly summary: ColumnSummary;
  /** Float64Array (NaN = missing) when every present cell is a number; else trimmed strings, null = missing. */
  readonly values: Float64Array | (string | null)[];
  /** True when at least one cell was read with a decimal comma. */
  readonly usedDecimalComma: boolean;
  readonly warning?: MessageDTO;
}

/** An all-distinct integer column counts as a running number only from this many rows on. */
const MIN_ROWS_FOR_SEQUENCE = 10;
/** Non-integer cells inspected to report whether a column uses decimal commas. */
const DECIMAL_COMMA_SAMPLE = 100;
/** An all-distinct text column counts as identifiers only from this many values on. */
const MIN_ROWS_FOR_UNIQUE_TEXT = 5;

/**
 * Types one column of raw cells: numeric when every non-missing cell parses as a
 * number, else text; then constant (at most one distinct value), identifier (a name
 * that says so — `Id`, `patient_no`, `환자번호`, see isIdentifierName — whatever the
 * values; else all-distinct text, or all-distinct integers that are a running number or
 * sit under an id-like name), else numeric/categorical. Missing = empty or a missing marker.
 * Summary statistics: min/max/mean and sample standard deviation (n − 1) for numbers;
 * categories with counts in numeric-aware label order for text and constants.
 */
export function inferColumn(
  name: string,
  cells: CellColumn,
  options: { readonly decimalComma?: boolean; readonly rowNumbers?: Int32Array } = {},
): InferredColumn {
  const n = cells.length;
  const numbers = cells.numbers();
  let missing = 0;
  let notNumbers = 0;
  let firstNotNumber = -1;
  for (let i = 0; i < n; i++) {
    if (numbers[i] === numbers[i]) continue;
    // Only cells that are not plain numbers are turned into strings.
    if (isMissingMarker(trimCell(cells.text(i)))) {
      missing++;
    } else {
      notNumbers++;
      if (firstNotNumber < 0) firstNotNumber = i;
    }
  }
  const present = n - missing;
  if (present > 0 && notNumbers === 0) {
    let usedDecimalComma = false;
    if (options.decimalComma) {
      // Only reported, not needed for parsing: the first non-integers of a column tell.
      let looked = 0;
      for (let i = 0; i < n && !usedDecimalComma && looked < DECIMAL_COMMA_SAMPLE; i++) {
        if (numbers[i] === numbers[i] && !Number.isInteger(numbers[i])) {
          looked++;
          usedDecimalComma = cells.text(i).includes(',');
        }
      }
    }
    return numericColumn(name, numbers, missing, usedDecimalComma);
  }

  const strings: (string | null)[] = new Array(n);
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const cell = trimCell(cells.text(i));
    if (numbers[i] !== numbers[i] && isMissingMarker(cell)) {
      strings[i] = null;
      continue;
    }
    strings[i] = cell;
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  const categories = [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => compareLabels(a.value, b.value));
  const distinct = counts.size;
  let kind: ColumnKind = 'categorical';
  if (distinct <= 1) kind = 'constant';
  else if (isIdentifierName(name)) kind = 'identifier';
  else if (distinct === present && (present >= MIN_ROWS_FOR_UNIQUE_TEXT || isIdLikeName(name)))
    kind = 'identifier';
  else if (isIdLikeName(name) && distinct >= present * 0.9) kind = 'identifier';

  let warning: MessageDTO | undefined;
  // A few stray words in a numeric column would otherwise silently turn it into categories.
  if (notNumbers > 0 && notNumbers <= present * 0.05) {
    // A data row numbered from 1, as the data table shows it (not the file line).
    const row = firstNotNumber + 1;
    warning = engineMessage('column-read-as-text', {
      column: name,
      count: notNumbers,
      present,
      value: trimCell(cells.text(firstNotNumber)),
      row,
    });
  }
  const summary: ColumnSummary =
    kind === 'identifier' ? { name, kind, missing, distinct } : { name, kind, missing, distinct, categories };
  return { summary, values: strings, usedDecimalComma: false, ...(warning ? { warning } : {}) };
}

function numericColumn(
  name: string,
  values: Float64Array,
  missing: number,
  usedDecimalComma: boolean,
): InferredColumn {
  const present = values.length - missing;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let integers = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    if (integers && Math.floor(v) !== v) integers = false;
  }
  const mean = sum / present;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) squares += (v - mean) * (v - mean);
  }
  const std = present > 1 ? Math.sqrt(squares / (present - 1)) : 0;
  const distinct = countDistinct(values);

  let kind: ColumnKind = 'numeric';
  if (distinct === 1) kind = 'constant';
  // A decimal column is a measurement whatever its name.
  else if (integers && isIdentifierName(name)) kind = 'identifier';
  else if (integers && distinct === present && missing === 0) {
    const isSequence = max - min === present - 1 && present >= MIN_ROWS_FOR_SEQUENCE;
    if (isSequence || isIdLikeName(name)) kind = 'identifier';
  }
  const summary: ColumnSummary = {
    name,
    kind,
    missing,
    distinct,
    integers,
    min,
    max,
    mean,
    std,
    ...(kind === 'constant' ? { categories: [{ value: String(min), count: present }] } : {}),
  };
  return { summary, values, usedDecimalComma };
}
