/**
 * Identifier text: an ID column of numbers is still a column of names. `007` and `0012` read as
 * the numbers 7 and 12 (what a feature sees), but the user must see, search and export `007`.
 */
import { trimCell } from './missingMarkers';
import type { CellColumn } from './rawTable';

/** Cells looked at in a column that is no identifier yet but could be chosen as one. */
const CANDIDATE_SAMPLE = 1000;

/**
 * The trimmed text of every cell of a whole-number column (null where `numbers` is missing) when
 * some cell's text is not what the number prints as (`007` → 7, `+12`, an ID beyond 2^53 that
 * rounds); undefined when the numbers print back exactly, so nothing extra is kept. An identifier
 * column is checked in full; a column that only may be chosen as one (mostly distinct whole
 * numbers) by its first 1000 cells, so that plain number columns stay cheap to read.
 */
export function idTexts(
  cells: CellColumn,
  numbers: Float64Array,
  identifier: boolean,
): (string | null)[] | undefined {
  const end = identifier ? numbers.length : Math.min(numbers.length, CANDIDATE_SAMPLE);
  let differs = false;
  for (let i = 0; i < end && !differs; i++) {
    const v = numbers[i];
    differs = v === v && trimCell(cells.text(i)) !== String(v);
  }
  if (!differs) return undefined;
  return Array.from(numbers, (v, i) => (v === v ? trimCell(cells.text(i)) : null));
}

/**
 * Whether a column's text is worth checking: whole numbers that are an identifier or could be
 * chosen as one (mostly distinct). Measurements with repeated values are never IDs.
 */
export function mayNameCases(kind: string, integers: boolean, distinct: number, present: number): boolean {
  return integers && (kind === 'identifier' || (kind === 'numeric' && distinct * 2 >= present));
}
