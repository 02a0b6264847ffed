/**
 * Property-based tests of the readers (issue #11 §4). Seeded, so every run checks the
 * same cases; FUZZ_RUNS=5000 runs a longer campaign with the same properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/engine/errors';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import type { Dataset } from '../../../src-main/engine/data/types';
import { writeXlsx, type XlsxCell } from '../../fixtures/xlsxWriter';
import { craftZip, part } from '../../fixtures/zipBuilder';
import { workbookParts } from '../../fixtures/hostileWorkbooks';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 0;
const runs = (quick: number): number => RUNS || quick;
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** A reader that takes longer than this on a small input is hanging (hang guard, not a speed target). */
const HANG_MS = 5000;
/** Long campaigns take their time. */
const TIMEOUT = RUNS ? RUNS * 200 : 60_000;

type Column = { kind: 'number'; values: (number | null)[] } | { kind: 'text'; values: string[] };
interface Table {
  readonly names: string[];
  readonly columns: Column[];
}

/** Characters for text cells: separators, quotes, line breaks, accents, Hangul, an emoji. */
const TEXT_CHARS = [
  'a',
  'B',
  '7',
  ' ',
  ',',
  ';',
  '\t',
  '|',
  '"',
  "'",
  '\n',
  '\r',
  'é',
  'ß',
  '한',
  '글',
  '😀',
  '<',
  '&',
];
/** Latin-1 letters only, for tables written as Windows-1252 (the detector wants letters). */
const LATIN_CHARS = ['a', 'B', 'é', 'ü', 'Ö', 'ç', 'ñ', 'ß', ' ', ',', ';', '"', '\n'];

const text = (chars: readonly string[]): fc.Arbitrary<string> =>
  // Starts and ends with a letter: never a number, a missing marker or trimmed.
  fc.string({ unit: fc.constantFrom(...chars), maxLength: 8 }).map((s) => `t${s}z`);

/** Finite doubles, as a reader sees them: -0 reads back as 0. */
const finite = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }).map((x) => (x === 0 ? 0 : x)),
);

function tableArb(chars: readonly string[]): fc.Arbitrary<Table> {
  return fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.integer({ min: 1, max: 12 }).chain((rows) =>
      fc
        .tuple(
          fc.array(text(chars), { minLength: width, maxLength: width }),
          fc.array(
            fc.oneof(
              fc
                .array(finite, { minLength: rows, maxLength: rows })
                .map((values) => ({ kind: 'number' as const, values })),
              fc
                .array(fc.option(finite, { freq: 5 }), { minLength: rows, maxLength: rows })
                .map((values) => ({ kind: 'number' as const, values })),
              fc
                .array(text(chars), { minLength: rows, maxLength: rows })
                .map((values) => ({ kind: 'text' as const, values })),
            ),
            { minLength: width, maxLength: width },
          ),
        )
        .map(([names, columns]) => {
          // Column 0 never holds a missing value, so no row is blank (blank rows are skipped).
          const first = columns[0];
          if (first.kind === 'number')
            columns[0] = { kind: 'number', values: first.values.map((v) => v ?? 1) };
          return { names: names.map((n, i) => `c${i}${n}`), columns };
        }),
    ),
  );
}

const rowCount = (t: Table): number => t.columns[0].values.length;

function expectSameValues(data: Dataset, t: Table): void {
  expect(data.columns.map((c) => c.name)).toEqual(t.names);
  expect(data.rowCount).toBe(rowCount(t));
  t.columns.forEach((column, c) => {
    if (column.values.every((v) => v === null)) {
      // No value at all: nothing says it is numeric, so either storage is right.
      expect(Array.from(data.values[c] as ArrayLike<unknown>, (v) => v === null || Number.isNaN(v))).toEqual(
        column.values.map(() => true),
      );
    } else if (column.kind === 'number') {
      expect(data.values[c]).toBeInstanceOf(Float64Array);
      expect([...(data.values[c] as Float64Array)]).toEqual(column.values.map((v) => v ?? NaN));
    } else {
      expect(data.values[c]).toEqual(column.values);
    }
  });
}

const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'] as const;

function encode(textValue: string, encoding: (typeof ENCODINGS)[number] | 'windows-1252'): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(textValue);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode('\ufeff' + textValue);
  if (encoding === 'windows-1252') return Uint8Array.from([...textValue], (ch) => ch.charCodeAt(0));
  const withBom = '\ufeff' + textValue;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const out = new Uint8Array(withBom.length * 2);
    const view = new DataView(out.buffer);
    for (let i = 0; i < withBom.length; i++)
      view.setUint16(i * 2, withBom.charCodeAt(i), encoding === 'utf-16le');
    return out;
  }
  const points = [...withBom].map((ch) => ch.codePointAt(0)!);
  const out = new Uint8Array(points.length * 4);
  const view = new DataView(out.buffer);
  points.forEach((p, i) => view.setUint32(i * 4, p, encoding === 'utf-32le'));
  return out;
}

/** CSV text as a careful writer makes it: quotes any cell holding a separator, quote or line break. */
function writeDelimited(
  t: Table,
  delimiter: string,
  lineEnd: string,
  decimalComma: boolean,
  finalNewline: boolean,
): string {
  const quote = (cell: string): string =>
    /[,;\t|"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  const number = (v: number | null): string =>
    v === null ? '' : decimalComma ? String(v).replace('.', ',') : String(v);
  const lines = [t.names.map(quote).join(delimiter)];
  for (let r = 0; r < rowCount(t); r++) {
    lines.push(
      t.columns
        .map((column) => (column.kind === 'number' ? number(column.values[r]) : quote(column.values[r])))
        .join(delimiter),
    );
  }
  return lines.join(lineEnd) + (finalNewline ? lineEnd : '');
}

describe('round trips', () => {
  it(
    'a table written as delimited text in any separator, line end and encoding reads back the same',
    () => {
      fc.assert(
        fc.property(
          tableArb(TEXT_CHARS),
          fc.constantFrom(',', ';', '\t', '|'),
          fc.constantFrom('\n', '\r\n', '\r'),
          fc.constantFrom(...ENCODINGS),
          fc.boolean(),
          fc.boolean(),
          (t, delimiter, lineEnd, encoding, commas, finalNewline) => {
            // One column with decimal commas is ambiguous to any reader ("1,5" is one field or two).
            const decimalComma = commas && t.names.length > 1 && (delimiter === ';' || delimiter === '\t');
            const bytes = encode(writeDelimited(t, delimiter, lineEnd, decimalComma, finalNewline), encoding);
            expectSameValues(loadDataset(bytes, 'table.csv'), t);
          },
        ),
        { seed: SEED, numRuns: runs(100) },
      );
    },
    TIMEOUT,
  );

  it(
    'a Latin-1 table written as Windows-1252 reads back the same',
    () => {
      fc.assert(
        fc.property(tableArb(LATIN_CHARS), fc.constantFrom(',', ';'), (t, delimiter) => {
          const bytes = encode(writeDelimited(t, delimiter, '\r\n', false, true), 'windows-1252');
          const data = loadDataset(bytes, 'latin.csv');
          expectSameValues(data, t);
          if (bytes.some((b) => b >= 0x80)) expect(data.source.encoding).toBe('Windows-1252 (Latin-1)');
        }),
        { seed: SEED, numRuns: runs(60) },
      );
    },
    TIMEOUT,
  );

  it(
    'a table written as an XLSX workbook (shared and inline strings) reads back the same',
    () => {
      fc.assert(
        fc.property(tableArb(TEXT_CHARS.filter((c) => c !== '\r')), fc.boolean(), (t, inline) => {
          const rows: XlsxCell[][] = [t.names];
          for (let r = 0; r < rowCount(t); r++) {
            rows.push(
              t.columns.map((column) =>
                column.kind === 'number'
                  ? column.values[r]
                  : inline
                    ? { inline: column.values[r] }
                    : column.values[r],
              ),
            );
          }
          expectSameValues(loadDataset(writeXlsx([{ name: 'S', rows }]), 'table.xlsx'), t);
        }),
        { seed: SEED, numRuns: runs(40) },
      );
    },
    TIMEOUT,
  );
});

/** Runs the reader; anything but a Dataset or a UserFacingError fails, and so does a hang. */
function readsOrRefuses(bytes: Uint8Array): void {
  const started = performance.now();
  try {
    const data = loadDataset(bytes, 'fuzz.bin');
    expect(data.rowCount).toBeGreaterThan(0);
    for (const column of data.values) {
      if (column instanceof Float64Array) for (const v of column) expect(v - v === 0 || v !== v).toBe(true);
    }
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    expect(error.message).toMatch(/^fuzz\.bin/);
  }
  expect(performance.now() - started).toBeLessThan(HANG_MS);
}

/** A byte-level mutation: flip, overwrite, insert or delete at a position, or truncate. */
const mutation = fc.record({
  kind: fc.constantFrom('flip', 'set', 'insert', 'delete', 'truncate'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  value: fc.integer({ min: 0, max: 255 }),
});

function mutate(
  bytes: Uint8Array,
  steps: readonly { kind: string; at: number; value: number }[],
): Uint8Array {
  let out = bytes;
  for (const step of steps) {
    const i = Math.min(out.length - 1, Math.floor(step.at * out.length));
    if (out.length === 0) break;
    if (step.kind === 'flip') (out = out.slice())[i] ^= 1 << (step.value & 7);
    else if (step.kind === 'set') (out = out.slice())[i] = step.value;
    else if (step.kind === 'insert')
      out = Uint8Array.from([...out.subarray(0, i), step.value, ...out.subarray(i)]);
    else if (step.kind === 'delete') out = Uint8Array.from([...out.subarray(0, i), ...out.subarray(i + 1)]);
    else out = out.slice(0, i);
  }
  return out;
}

const SAMPLE_CSV = new TextEncoder().encode(
  'id;größe;"note, quoted"\r\n1;70,5;"a ""b"""\r\n2;NA;한글\r\n3;1e309;x\r\n',
);
const SAMPLE_XLSX = writeXlsx([
  {
    name: 'S',
    rows: [
      ['a', 'b', 'c'],
      [1, { inline: 'x & y' }, true],
      [2.5, { rich: ['p', 'q'] }, { error: '#DIV/0!' }],
      [null, { formula: 'A1', text: 'f' }, 'z'],
    ],
  },
]);

describe('hostile bytes', () => {
  const peakBefore = process.resourceUsage().maxRSS;

  it(
    'random bytes give a Dataset or a UserFacingError',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.uint8Array({ maxLength: 512 }),
            fc.uint8Array({ maxLength: 512 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
          ),
          readsOrRefuses,
        ),
        { seed: SEED, numRuns: runs(300) },
      );
    },
    TIMEOUT,
  );

  it(
    'mutated CSV and XLSX files give a Dataset or a UserFacingError',
    () => {
      fc.assert(
        fc.property(fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (xlsx, steps) =>
          readsOrRefuses(mutate(xlsx ? SAMPLE_XLSX : SAMPLE_CSV, steps)),
        ),
        { seed: SEED, numRuns: runs(300) },
      );
    },
    TIMEOUT,
  );

  it(
    'mutated sheet XML in an honest ZIP (checksums fixed up) gives a Dataset or a UserFacingError',
    () => {
      const xml =
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="s"><v>0</v></c></row>' +
        '<row r="2"><c r="A2"><v>1.5</v></c><c r="B2" t="str"><v><![CDATA[x]]></v></c></row>' +
        '<row r="3" spans="1:2"><c r="A3" t="b"><v>1</v></c><c r="C3"><v>7</v></c></row>' +
        '</sheetData></worksheet>';
      const bytes = new TextEncoder().encode(xml);
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (steps) => {
          const sheet = part('xl/worksheets/sheet1.xml', mutate(bytes, steps));
          readsOrRefuses(craftZip(workbookParts(sheet)));
        }),
        { seed: SEED, numRuns: runs(150) },
      );
    },
    TIMEOUT,
  );

  it('stays within the memory bound', () => {
    expect((process.resourceUsage().maxRSS - peakBefore) / 1024).toBeLessThan(500);
  });
});
