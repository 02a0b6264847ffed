/** Per-column choices of the Data view: role (feature / identifier / not used) and type. Pure. */
import type { ColumnRole, ColumnSummaryDTO, ColumnTypeChoice, DatasetSummaryDTO } from '../contract';
import type { Selection } from './selection';

/** Few distinct whole numbers: probably codes (stage, grade, yes/no as 0/1) rather than a measurement. */
export const MAX_CODE_VALUES = 10;

/** The role of `name` in `selection`; the target has no role of its own. */
export function columnRole(selection: Selection, name: string): ColumnRole | 'target' {
  if (name === selection.target) return 'target';
  if (selection.features.includes(name)) return 'feature';
  if (selection.identifiers.includes(name)) return 'identifier';
  return 'excluded';
}

/** Gives `name` a role; features and identifiers stay in column order and never overlap. */
export function setColumnRole(
  dataset: DatasetSummaryDTO,
  selection: Selection,
  name: string,
  role: ColumnRole,
): Selection {
  if (name === selection.target) return selection;
  const inOrder = (names: Set<string>) => dataset.columns.map((c) => c.name).filter((n) => names.has(n));
  const features = new Set(selection.features);
  const identifiers = new Set(selection.identifiers);
  features.delete(name);
  identifiers.delete(name);
  if (role === 'feature') features.add(name);
  if (role === 'identifier') identifiers.add(name);
  return {
    ...selection,
    features: inOrder(features),
    identifiers: inOrder(identifiers),
    // The first identifier names the cases unless the user chose otherwise.
    idColumn: selection.idColumn ?? (role === 'identifier' ? name : null),
  };
}

/** Whether the column's values are numbers (only those can be switched between number and category). */
export function holdsNumbers(column: ColumnSummaryDTO): boolean {
  return column.mean !== undefined;
}

/** The type a column was read with: numbers are numeric, text is categorical. */
export function detectedType(column: ColumnSummaryDTO): ColumnTypeChoice {
  return holdsNumbers(column) ? 'numeric' : 'categorical';
}

/** The type the column is used with: the user's choice, else as read. */
export function columnType(selection: Selection, column: ColumnSummaryDTO): ColumnTypeChoice {
  return Object.hasOwn(selection.columnTypes, column.name)
    ? selection.columnTypes[column.name]
    : detectedType(column);
}

/** Sets the column's type; choosing the detected type removes the override, so settings stay minimal. */
export function setColumnType(
  selection: Selection,
  column: ColumnSummaryDTO,
  type: ColumnTypeChoice,
): Selection {
  const columnTypes = Object.fromEntries(
    Object.entries(selection.columnTypes).filter(([name]) => name !== column.name),
  );
  if (type !== detectedType(column)) columnTypes[column.name] = type;
  return { ...selection, columnTypes };
}

/** A numeric column of at most 10 distinct whole numbers still used as a number: suggest categories. */
export function looksLikeCodes(selection: Selection, column: ColumnSummaryDTO): boolean {
  return (
    column.kind === 'numeric' &&
    column.integers === true &&
    column.distinct >= 2 &&
    column.distinct <= MAX_CODE_VALUES &&
    columnType(selection, column) === 'numeric'
  );
}
