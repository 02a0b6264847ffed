/**
 * Case IDs: the value of an identifier column that names each data row (a patient
 * number, a record ID). Rows themselves are numbered 1-based everywhere the user sees
 * them (the first row under the header is row 1); the engine's arrays stay 0-based.
 */
import { UserFacingError } from '../errors';
import type { Dataset } from './types';

/** The default case-ID column: the first identifier column, or null when there is none. */
export function suggestIdColumn(dataset: Dataset): string | null {
  return dataset.columns.find((c) => c.kind === 'identifier')?.name ?? null;
}

/**
 * The case-ID column `settings` asks for: `idColumn` when given (null = none), else the
 * suggestion. A name the dataset does not have is a UserFacingError.
 */
export function resolveIdColumn(dataset: Dataset, idColumn: string | null | undefined): string | null {
  if (idColumn === undefined) return suggestIdColumn(dataset);
  if (idColumn === null) return null;
  if (!dataset.columns.some((c) => c.name === idColumn)) {
    const file = dataset.source.fileName;
    throw UserFacingError.of('unknown-id-column', { file, column: idColumn }, { file, column: idColumn });
  }
  return idColumn;
}

/**
 * The ID of data row `index` (0-based) as text, exactly as an identifier is shown (no
 * thousands separators, leading zeros kept as in the file): null when `column` is null or the
 * cell is missing.
 */
export function caseId(dataset: Dataset, column: string | null, index: number): string | null {
  if (column === null) return null;
  const c = dataset.columns.findIndex((k) => k.name === column);
  // `007` stays `007` (see idTexts.ts); the numbers would say 7.
  const texts = dataset.idTexts?.[c];
  if (texts) return texts[index] ?? null;
  const values = dataset.values[c];
  const v = values?.[index];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : String(v);
  return v;
}

/** 0-based indices of the rows whose ID in `column` equals `id` (trimmed, exact). */
export function rowsWithId(dataset: Dataset, column: string, id: string): number[] {
  const wanted = id.trim();
  const found: number[] = [];
  for (let i = 0; i < dataset.rowCount; i++) if (caseId(dataset, column, i) === wanted) found.push(i);
  return found;
}
