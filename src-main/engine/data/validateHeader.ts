import { UserFacingError } from '../errors';
import { type CellColumn, type RawTable, columnLetters } from './rawTable';

function isBlankColumn(column: CellColumn): boolean {
  for (let row = 0; row < column.length; row++) if (column.text(row).trim() !== '') return false;
  return true;
}

/**
 * Trims header names, drops columns that have neither a name nor any value (a
 * trailing separator on every line, a blank spacer column in a sheet) and rejects
 * empty or duplicate names, naming the columns by number and spreadsheet letter.
 */
export function validateHeader(table: RawTable, fileName: string): { table: RawTable; notes: string[] } {
  const notes: string[] = [];
  const header: string[] = [];
  const columns: CellColumn[] = [];
  const positions: number[] = [];
  table.header.forEach((raw, index) => {
    const name = raw.trim();
    const values = table.columns[index];
    if (name === '' && isBlankColumn(values)) {
      notes.push(
        `Ignored column ${index + 1} (${columnLetters(index)}): it has no header name and no values.`,
      );
      return;
    }
    header.push(name);
    columns.push(values);
    positions.push(index);
  });

  const unnamed = positions.filter((_, i) => header[i] === '');
  if (unnamed.length > 0) {
    const where = unnamed.map((p) => `column ${p + 1} (${columnLetters(p)})`).join(', ');
    throw new UserFacingError(
      `${fileName}: the header row has an empty column name in ${where}. Give every column with values a name.`,
      { file: fileName, row: 1, column: columnLetters(unnamed[0]), code: 'empty-header' },
    );
  }

  const seen = new Map<string, number[]>();
  header.forEach((name, i) => seen.set(name, [...(seen.get(name) ?? []), positions[i]]));
  const duplicates = [...seen].filter(([, at]) => at.length > 1);
  if (duplicates.length > 0) {
    const list = duplicates
      .map(
        ([name, at]) =>
          `'${name}' (columns ${at.map((p) => `${p + 1} (${columnLetters(p)})`).join(' and ')})`,
      )
      .join(', ');
    throw new UserFacingError(
      `${fileName}: duplicate column name${duplicates.length > 1 ? 's' : ''} ${list}. Column names must be unique.`,
      { file: fileName, row: 1, column: duplicates[0][0], code: 'duplicate-header' },
    );
  }
  return { table: { header, columns, rowNumbers: table.rowNumbers }, notes };
}
