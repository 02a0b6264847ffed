/**
 * Cell texts that mean "no value". Compared trimmed and case-insensitively; the
 * longest marker has four characters, so longer cells skip the lookup entirely.
 */
const MARKERS = new Set(['', 'na', 'n/a', 'nan', 'null', '?', '-', '.', '#n/a']);

export const MISSING_MARKERS: readonly string[] = [
  '(empty)',
  'NA',
  'N/A',
  'NaN',
  'null',
  '?',
  '-',
  '.',
  '#N/A',
];

/** True when an already trimmed cell is empty or a missing marker. */
export function isMissingMarker(trimmed: string): boolean {
  if (trimmed.length > 4) return false;
  return MARKERS.has(trimmed.length === 0 ? '' : trimmed.toLowerCase());
}

/** Trims only when needed: most cells have no surrounding blanks, and trim() allocates. */
export function trimCell(cell: string): string {
  const n = cell.length;
  if (n === 0) return cell;
  if (cell.charCodeAt(0) > 32 && cell.charCodeAt(n - 1) > 32) return cell;
  return cell.trim();
}
