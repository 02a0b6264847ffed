import type { MessageDTO } from '../../contract/messages';
import { engineMessage, UserFacingError } from '../errors';
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
export function validateHeader(table: RawTable, fileName: string): { table: RawTable; notes: MessageDTO[] } {
  const notes: MessageDTO[] = [];
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
      engineMessage('ignored-empty-columns', {
        count: ignored.length,
        first: first.join(', '),
        last: columnLetters(ignored[ignored.length - 1]),
      }),
    );
  } else {
    for (const index of ignored) {
      notes.push(engineMessage('ignored-empty-column', { index: index + 1, letters: columnLetters(index) }));
    }
  }

  const unnamed = positions.filter((_, i) => header[i] === '');
  if (unnamed.length > 0) {
    const listed = unnamed.slice(0, MAX_LISTED).map((p) => `column ${p + 1} (${columnLetters(p)})`);
    const where =
      unnamed.length > MAX_LISTED ? `${unnamed.length} columns: ${listed.join(', ')}, …` : listed.join(', ');
    throw UserFacingError.of(
      'empty-header',
      { file: fileName, where },
      { file: fileName, row: 1, column: columnLetters(unnamed[0]) },
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
    throw UserFacingError.of(
      'duplicate-header',
      { file: fileName, names: `${list}${more}` },
      { file: fileName, row: 1, column: duplicates[0][0] },
    );
  }
  return { table: { header, columns, rowNumbers: table.rowNumbers }, notes };
}
