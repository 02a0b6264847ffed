/** Plain-data shapes of a loaded table. Everything here survives structuredClone (IPC, workers). */
import type { MessageDTO } from '../../contract/messages';

export type ColumnKind = 'numeric' | 'categorical' | 'identifier' | 'constant' | 'date';
export type Task = 'classification' | 'regression';

export interface ColumnSummary {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Cells that were empty or a missing marker (NA, NaN, ?, …). */
  readonly missing: number;
  /** Of `missing`: numbers beyond ±1.8e308 (1e309, …) read as missing; absent when none. */
  readonly nonFinite?: number;
  readonly distinct: number;
  /** Numeric values only: every present value is a whole number (codes such as stage 1–4 look like this). */
  readonly integers?: boolean;
  /** Numeric columns only. */
  readonly min?: number;
  readonly max?: number;
  readonly mean?: number;
  readonly std?: number;
  /** Date columns: earliest and latest date as ISO text (`2024-03-05`, `2024-03-05 14:30`). */
  readonly minDate?: string;
  readonly maxDate?: string;
  /** Date columns: how slashed dates of this file are read (day first, month first; ymd: ISO only). */
  readonly dateOrder?: 'ymd' | 'dmy' | 'mdy';
  /** Categorical/constant columns: categories sorted by label, with counts. */
  readonly categories?: readonly { readonly value: string; readonly count: number }[];
}

/** How the bytes were read, so a report can state it. */
export interface SourceInfo {
  readonly fileName: string;
  readonly format: 'csv' | 'xlsx';
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly decimalComma?: boolean;
  readonly sheet?: string;
  readonly sheets?: readonly string[];
}

/**
 * A parsed table, column-major. Numeric columns are Float64Array with NaN for
 * missing; other columns keep their trimmed strings with null for missing.
 * The storage follows the values, not the kind: identifier and constant columns whose
 * values are all numbers are Float64Array too (test with `instanceof Float64Array`).
 */
export interface Dataset {
  readonly source: SourceInfo;
  readonly rowCount: number;
  readonly columns: readonly ColumnSummary[];
  readonly values: readonly (Float64Array | readonly (string | null)[])[];
  /**
   * Per data row: where it starts in the file, 1-based as a spreadsheet shows it (the
   * CSV line, the header being line 1; the XLSX sheet row). Blank rows are skipped, so
   * this is not always index + 2.
   */
  readonly rowNumbers?: Int32Array;
  /** Things the user should know about how the file was read (a column read as text, ignored cells). */
  readonly warnings?: readonly string[];
  /** The same warnings as messages with a code and parameters, for the UI to translate (same order). */
  readonly messages?: readonly MessageDTO[];
  /**
   * Per column (sparse): for whole-number columns that are or may be chosen as IDs, the trimmed
   * cell text when the numbers do not print it back (`007` read as 7), null where missing. Case
   * IDs and the data table show this text; features use `values`.
   */
  readonly idTexts?: readonly (readonly (string | null)[] | undefined)[];
}
