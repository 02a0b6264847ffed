import type { MessageDTO } from '../../contract/messages';
import { engineMessage } from '../errors';
import { compareLabels } from './compareLabels';
import { isIdentifierName, isIdLikeName } from './columnNames';
import { countDistinct } from './countDistinct';
import { dateDays, detectDateOrder, formatDateDays } from './dateColumn';
import { idTexts, mayNameCases } from './idTexts';
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
  /** Whole-number columns that are (or may be chosen as) IDs: the cells' text when it differs from the numbers (`007`). */
  readonly texts?: (string | null)[];
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
 * sit under an id-like name), else date (ISO-like date text, see detectDateOrder), else
 * numeric/categorical. Missing = empty or a missing marker.
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
  let nonFinite = 0;
  let firstNonFinite = -1;
  for (let i = 0; i < n; i++) {
    if (numbers[i] === numbers[i]) {
      // 1e309 parses to Infinity: no model can use it, so it becomes a missing value below.
      if (numbers[i] - numbers[i] !== 0) {
        nonFinite++;
        if (firstNonFinite < 0) firstNonFinite = i;
      }
      continue;
    }
    // Only cells that are not plain numbers are turned into strings.
    if (isMissingMarker(trimCell(cells.text(i)))) {
      missing++;
    } else {
      notNumbers++;
      if (firstNotNumber < 0) firstNotNumber = i;
    }
  }
  const present = n - missing - nonFinite;
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
    if (nonFinite === 0) {
      const column = numericColumn(name, numbers, missing, usedDecimalComma);
      const { kind, integers = false, distinct } = column.summary;
      const texts = mayNameCases(kind, integers, distinct, n - missing)
        ? idTexts(cells, numbers, kind === 'identifier')
        : undefined;
      return texts ? { ...column, texts } : column;
    }
    for (let i = 0; i < n; i++) if (numbers[i] - numbers[i] !== 0) numbers[i] = NaN;
    const row = options.rowNumbers ? options.rowNumbers[firstNonFinite] : firstNonFinite + 1;
    const warning = engineMessage(nonFinite === 1 ? 'non-finite-one' : 'non-finite-many', {
      column: name,
      count: nonFinite,
      value: trimCell(cells.text(firstNonFinite)),
      row,
    });
    const column = numericColumn(name, numbers, missing + nonFinite, usedDecimalComma);
    return { ...column, summary: { ...column.summary, nonFinite }, warning };
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
  if (distinct > 1 && !isIdentifierName(name)) {
    const dates = dateSummary(strings);
    if (dates) {
      const summary: ColumnSummary = { name, kind: 'date', missing, distinct, ...dates };
      return { summary, values: strings, usedDecimalComma: false };
    }
  }
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

/** Order and earliest/latest date of a date column; null when the values are not dates. */
function dateSummary(
  strings: readonly (string | null)[],
): Pick<ColumnSummary, 'dateOrder' | 'minDate' | 'maxDate'> | null {
  const dateOrder = detectDateOrder(strings);
  if (dateOrder === null) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const v of strings) {
    if (v === null) continue;
    const days = dateDays(v, dateOrder);
    if (days < min) min = days;
    if (days > max) max = days;
  }
  return { dateOrder, minDate: formatDateDays(min), maxDate: formatDateDays(max) };
}

/**
 * Mean and sample std of values near ±1.8e308, whose sums and squares overflow: computed
 * on the values divided by a power of two (exact) and scaled back.
 */
function scaledMoments(
  values: Float64Array,
  present: number,
  min: number,
  max: number,
): { mean: number; std: number } {
  const scale = 2 ** Math.min(1023, Math.ceil(Math.log2(Math.max(Math.abs(min), Math.abs(max)))));
  let sum = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) sum += values[i] / scale;
  const mean = sum / present;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) squares += (v / scale - mean) * (v / scale - mean);
  }
  const std = present > 1 ? Math.sqrt(squares / (present - 1)) : 0;
  return { mean: mean * scale, std: Math.min(std * scale, Number.MAX_VALUE) };
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
  let mean = sum / present;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) squares += (v - mean) * (v - mean);
  }
  let std = present > 1 ? Math.sqrt(squares / (present - 1)) : 0;
  if (!Number.isFinite(mean) || !Number.isFinite(std))
    ({ mean, std } = scaledMoments(values, present, min, max));
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
