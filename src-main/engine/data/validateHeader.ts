import type { MessageDTO } from '../../contract/messages';
import { engineMessage, UserFacingError } from '../errors';
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
export function validateHeader(table: RawTable, fileName: string): { table: RawTable; notes: MessageDTO[] } {
  const notes: MessageDTO[] = [];
  const header: string[] = [];
  const columns: CellColumn[] = [];
  const positions: number[] = [];
  table.header.forEach((raw, index) => {
    const name = raw.trim();
    const values = table.columns[index];
    if (name === '' && isBlankColumn(values)) {
      notes.push(engineMessage('ignored-empty-column', { index: index + 1, letters: columnLetters(index) }));
      return;
    }
    header.push(name);
    columns.push(values);
    positions.push(index);
  });

  const unnamed = positions.filter((_, i) => header[i] === '');
  if (unnamed.length > 0) {
    const where = unnamed.map((p) => `column ${p + 1} (${columnLetters(p)})`).join(', ');
    throw UserFacingError.of(
      'empty-header',
      { file: fileName, where },
      { file: fileName, row: 1, column: columnLetters(unnamed[0]) },
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
    throw UserFacingError.of(
      'duplicate-header',
      { file: fileName, names: list },
      { file: fileName, row: 1, column: duplicates[0][0] },
    );
  }
  return { table: { header, columns, rowNumbers: table.rowNumbers }, notes };
}
