import { UserFacingError } from '../errors';
import { type CellColumn, type RawTable, columnLetters } from './rawTable';

/** Columns or names listed in one message; the rest are counted. */
const MAX_LISTED = 3;

function isBlankColumn(column: CellColumn): boolean {
  if (column.blank) return true;
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
  const ignored: number[] = [];
  const header: string[] = [];
  const columns: CellColumn[] = [];
  const positions: number[] = [];
  table.header.forEach((raw, index) => {
    const name = raw.trim();
    const values = table.columns[index];
    if (name === '' && isBlankColumn(values)) {
      ignored.push(index);
      return;
    }
    header.push(name);
    columns.push(values);
    positions.push(index);
  });

  if (ignored.length > MAX_LISTED) {
    const first = ignored.slice(0, MAX_LISTED).map((p) => columnLetters(p));
    notes.push(
      `Ignored ${ignored.length} columns (${first.join(', ')}, … ${columnLetters(ignored[ignored.length - 1])}): ` +
        'they have no header name and no values.',
    );
  } else {
    for (const index of ignored) {
      notes.push(
        `Ignored column ${index + 1} (${columnLetters(index)}): it has no header name and no values.`,
      );
    }
  }

  const unnamed = positions.filter((_, i) => header[i] === '');
  if (unnamed.length > 0) {
    const listed = unnamed.slice(0, MAX_LISTED).map((p) => `column ${p + 1} (${columnLetters(p)})`);
    const where =
      unnamed.length > MAX_LISTED ? `${unnamed.length} columns: ${listed.join(', ')}, …` : listed.join(', ');
    throw new UserFacingError(
      `${fileName}: the header row has an empty column name in ${where}. Give every column with values a name.`,
      { file: fileName, row: 1, column: columnLetters(unnamed[0]), code: 'empty-header' },
    );
  }

  const seen = new Map<string, number[]>();
  header.forEach((name, i) => {
    const at = seen.get(name);
    if (at) at.push(positions[i]);
    else seen.set(name, [positions[i]]);
  });
  const duplicates = [...seen].filter(([, at]) => at.length > 1);
  if (duplicates.length > 0) {
    const where = (at: number[]): string => {
      const listed = at.slice(0, MAX_LISTED).map((p) => `${p + 1} (${columnLetters(p)})`);
      if (at.length > MAX_LISTED) return `${at.length} columns: ${listed.join(', ')}, …`;
      return `columns ${listed.join(' and ')}`;
    };
    const list = duplicates
      .slice(0, MAX_LISTED)
      .map(([name, at]) => `'${name}' (${where(at)})`)
      .join(', ');
    const more = duplicates.length > MAX_LISTED ? ` and ${duplicates.length - MAX_LISTED} more` : '';
    throw new UserFacingError(
      `${fileName}: duplicate column name${duplicates.length > 1 ? 's' : ''} ${list}${more}. Column names must be unique.`,
      { file: fileName, row: 1, column: duplicates[0][0], code: 'duplicate-header' },
    );
  }
  return { table: { header, columns, rowNumbers: table.rowNumbers }, notes };
}
