import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/engine/errors';
import { MAX_FILE_BYTES, readDatasetFile } from '../../../src-main/engine/io/readDatasetFile';
import { writeXlsx } from '../../fixtures/xlsxWriter';

const dir = mkdtempSync(join(tmpdir(), 'lime-lens-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rejection(promise: Promise<unknown>): Promise<UserFacingError> {
  try {
    await promise;
  } catch (error) {
    return error as UserFacingError;
  }
  throw new Error('expected a rejection');
}

describe('readDatasetFile', () => {
  it('reads a sample from disk, naming the dataset after the file', async () => {
    const path = fileURLToPath(new URL('../../../assets/samples/iris.csv', import.meta.url));
    const data = await readDatasetFile(path);
    expect(data.source.fileName).toBe('iris.csv');
    expect(data.rowCount).toBe(150);
  });

  it('names the path of a missing file or a folder', async () => {
    const missing = join(dir, 'nope.csv');
    const error = await rejection(readDatasetFile(missing));
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toBe(`Cannot read ${missing}: the file does not exist (was it moved or renamed?).`);
    expect(error.details).toEqual({ file: missing, code: 'file-missing', params: { file: missing } });
    expect((await rejection(readDatasetFile(dir))).message).toBe(
      `Cannot read ${dir}: it is a folder, not a file.`,
    );
  });

  it('refuses a file over 500 MB before reading it', async () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, MAX_FILE_BYTES + 1); // sparse: no disk space used
    const error = await rejection(readDatasetFile(big));
    expect(error.message).toBe(
      `${big} is too large (500.0 MB); Lime Lens opens files up to 500 MB. Use a sample of the rows or fewer columns.`,
    );
    expect(error.details).toMatchObject({ code: 'file-too-large' });
  });

  it('passes the sheet option through and names the file in load errors', async () => {
    const book = join(dir, 'book.xlsx');
    writeFileSync(
      book,
      writeXlsx([
        { name: 'One', rows: [['a'], [1]] },
        {
          name: 'Two',
          rows: [
            ['b', 'c'],
            [2, 3],
          ],
        },
      ]),
    );
    const two = await readDatasetFile(book, { sheet: 'Two' });
    expect(two.source).toMatchObject({ fileName: 'book.xlsx', sheet: 'Two', sheets: ['One', 'Two'] });
    expect(two.columns.map((c) => c.name)).toEqual(['b', 'c']);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect((await rejection(readDatasetFile(empty))).message).toBe('empty.csv is empty (0 bytes).');
  });
});
