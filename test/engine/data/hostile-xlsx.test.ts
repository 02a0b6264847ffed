import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/engine/errors';
import { crc32 } from '../../../src-main/engine/data/crc32';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import { readXlsx } from '../../../src-main/engine/data/readXlsx';
import { ZipArchive, inflateBudget } from '../../../src-main/engine/data/zipArchive';
import {
  cdataBook,
  damagedCrcBook,
  farColumnBook,
  lyingSheetBomb,
  sharedStreamBook,
  sheetBomb,
  unusedRelsBook,
  wrappingRowBook,
  zip64CountBomb,
} from '../../fixtures/hostileWorkbooks';
import { craftZip, part } from '../../fixtures/zipBuilder';

function thrown(run: () => unknown): UserFacingError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('expected a UserFacingError');
}

/** Growth of the process's peak resident memory while `run` runs, in MB (the memory bound of the issue). */
function peakGrowthMb(run: () => void): number {
  const before = process.resourceUsage().maxRSS;
  run();
  return (process.resourceUsage().maxRSS - before) / 1024;
}

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const hello = new TextEncoder().encode('hello world');
    expect(crc32(hello.subarray(6), crc32(hello.subarray(0, 6)))).toBe(crc32(hello));
  });
});

describe('inflate budget', () => {
  it('is 200 times the file, at least 64 MB and at most 1 GB', () => {
    expect(inflateBudget(1000)).toBe(64 * 2 ** 20);
    expect(inflateBudget(2 * 2 ** 20)).toBe(400 * 2 ** 20);
    expect(inflateBudget(100 * 2 ** 20)).toBe(1024 * 2 ** 20);
  });
});

describe('hostile workbooks (issue #11)', () => {
  it('refuses a 600 MB sheet bomb from its declared size, before inflating', () => {
    const bytes = sheetBomb();
    expect(bytes.length).toBeLessThan(700 * 1024);
    let error: UserFacingError | undefined;
    const growth = peakGrowthMb(() => {
      error = thrown(() => loadDataset(bytes, 'bomb.xlsx'));
    });
    expect(error?.message).toBe(
      'bomb.xlsx could not be read as an Excel workbook: the part xl/worksheets/sheet1.xml would inflate to 601 MB, ' +
        'more than the 500 MB one part may hold.',
    );
    expect(error?.details).toMatchObject({ file: 'bomb.xlsx', code: 'xlsx.too-large' });
    expect(growth).toBeLessThan(100);
  });

  it('stops a bomb that lies about its size as soon as it outgrows the claim', () => {
    const bytes = lyingSheetBomb();
    let error: UserFacingError | undefined;
    const growth = peakGrowthMb(() => {
      error = thrown(() => loadDataset(bytes, 'liar.xlsx'));
    });
    expect(error?.message).toBe(
      'liar.xlsx could not be read as an Excel workbook: the part xl/worksheets/sheet1.xml inflates to more than the 4096 bytes its directory declares.',
    );
    expect(error?.details.code).toBe('xlsx.size-mismatch');
    expect(growth).toBeLessThan(100);
  });

  it('counts every inflated part against one budget for the workbook', () => {
    const parts = [part('a.xml', 'x'.repeat(3000)), part('b.xml', 'y'.repeat(3000))];
    const zip = new ZipArchive(craftZip(parts), 'small.xlsx', 5000);
    expect(zip.readText('a.xml')).toHaveLength(3000);
    expect(zip.inflatedBytes).toBe(3000);
    expect(thrown(() => zip.read('b.xml')).message).toBe(
      'small.xlsx could not be read as an Excel workbook: reading the part b.xml would inflate the workbook past 1 MB ' +
        '(at most 200 times the file size, 1024 MB in all), as in a ZIP bomb.',
    );
  });

  it('inflates only the sheet it reads when 300 directory records share one 20 MB stream', () => {
    const bytes = sharedStreamBook(300, 20);
    expect(bytes.length).toBeLessThan(100 * 1024);
    const table = readXlsx(bytes, 'shared.xlsx');
    expect(table.sheet).toBe('S1');
    expect(table.sheets).toHaveLength(300);
    expect(table.header).toEqual(['x']);
    expect([...table.columns[0].numbers()]).toEqual([7]);
    // Inflating every record (6 GB) would have broken the 64 MB budget long before.
  });

  it('never inflates .rels parts of other sheets (each would fail its checksum)', () => {
    const bytes = unusedRelsBook(20, 50);
    const data = loadDataset(bytes, 'rels.xlsx');
    expect(data.columns.map((c) => c.name)).toEqual(['x', 'y']);
    expect([...(data.values[1] as Float64Array)]).toEqual([2, 4]);
  });

  it('refuses a ZIP64 end record claiming 4 294 967 295 parts at once', () => {
    const bytes = zip64CountBomb();
    expect(bytes.length).toBeLessThan(200);
    const error = thrown(() => loadDataset(bytes, 'count.xlsx'));
    expect(error.message).toBe(
      'count.xlsx could not be read as an Excel workbook: the ZIP data is damaged: its directory claims 4294967295 parts but has room for 1.',
    );
    expect(error.details.code).toBe('xlsx.zip-damaged');
  });

  it('refuses directory records that point outside the file', () => {
    const honest = craftZip([part('a.xml', 'abc', 0)]);
    const broken = honest.slice();
    // The directory record's local-header offset (after the 38-byte local part).
    const view = new DataView(broken.buffer);
    view.setUint32(38 + 42, 0x7fffffff, true);
    expect(thrown(() => new ZipArchive(broken, 'o.xlsx')).message).toBe(
      "o.xlsx could not be read as an Excel workbook: the ZIP data is damaged: the part a.xml lies outside the file's data.",
    );
  });

  it('bounds the table by the cells present: XFD1 and 20 000 rows make two columns', () => {
    const bytes = farColumnBook();
    let data: ReturnType<typeof loadDataset> | undefined;
    const growth = peakGrowthMb(() => {
      data = loadDataset(bytes, 'far.xlsx');
    });
    expect(data?.rowCount).toBe(20000);
    expect(data?.columns.map((c) => c.name)).toEqual(['a', 'z']);
    expect(data?.warnings).toContain(
      'Ignored 16382 columns (B, C, D, … XFC): they have no header name and no values.',
    );
    expect(growth).toBeLessThan(200);
  });

  it('refuses a row number past Excel’s last row instead of wrapping it onto the header', () => {
    const error = thrown(() => loadDataset(wrappingRowBook(), 'wrap.xlsx'));
    expect(error.message).toBe(
      "wrap.xlsx could not be read as an Excel workbook: sheet 'S' has a row numbered 4294967297, outside Excel's rows 1 to 1048576, so the file is damaged.",
    );
    expect(error.details).toMatchObject({ file: 'wrap.xlsx', code: 'xlsx.row-range' });
  });

  it('verifies CRC-32: a changed byte in a stored part is refused, not read as 95', () => {
    const error = thrown(() => loadDataset(damagedCrcBook(), 'crc.xlsx'));
    expect(error.message).toBe(
      'crc.xlsx could not be read as an Excel workbook: the part xl/worksheets/sheet1.xml fails its CRC-32 checksum, so the file is damaged.',
    );
    expect(error.details.code).toBe('xlsx.checksum');
  });

  it('reads CDATA sections as text, not as markup', () => {
    const table = readXlsx(cdataBook(), 'cdata.xlsx');
    expect(table.header).toEqual(['a<b & c', 'b & <c>']);
    expect(table.columns[0].text(0)).toBe('x & <y>');
  });
});

describe('duplicate header names', () => {
  it('names the first few of 50 000 identical header cells and counts them', () => {
    const text = Array.from({ length: 50000 }, () => 'x').join(',') + '\n' + '1,'.repeat(49999) + '1\n';
    const error = thrown(() => loadDataset(new TextEncoder().encode(text), 'dup.csv'));
    expect(error.message).toBe(
      "dup.csv: duplicate column name(s) 'x' (50000 columns: 1 (A), 2 (B), 3 (C), …). Column names must be unique.",
    );
    expect(error.details).toMatchObject({ code: 'duplicate-header', column: 'x' });
  });

  it('lists at most three duplicated names and counts the rest', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const text = [...names, ...names].join(',') + '\n' + Array(10).fill(1).join(',') + '\n';
    expect(thrown(() => loadDataset(new TextEncoder().encode(text), 'd.csv')).message).toBe(
      "d.csv: duplicate column name(s) 'a' (columns 1 (A) and 6 (F)), 'b' (columns 2 (B) and 7 (G)), " +
        "'c' (columns 3 (C) and 8 (H)) and 2 more. Column names must be unique.",
    );
  });
});
