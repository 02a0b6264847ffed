import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src-main/engine/data/parseDelimited';
import { parseNumber, parseNumberAt } from '../../../src-main/engine/data/parseNumber';
import { trimCell } from '../../../src-main/engine/data/missingMarkers';
import { createRng } from '../../../src-main/engine';

/** Random cell text: plain decimals mostly, with every shape the fast path must hand back to parseNumber. */
function randomCell(rng: ReturnType<typeof createRng>): string {
  const digits = (k: number) => Array.from({ length: k }, () => String(rng.int(10))).join('');
  const sign = ['', '', '-', '+', '--'][rng.int(5)];
  const body = [
    () => digits(1 + rng.int(6)),
    () => `${digits(1 + rng.int(8))}.${digits(rng.int(9))}`,
    () => `.${digits(1 + rng.int(5))}`,
    () => `${digits(1 + rng.int(3))}.`,
    () => `${digits(14 + rng.int(6))}.${digits(rng.int(8))}`, // 15+ significant digits
    () => `0.${'0'.repeat(rng.int(25))}${digits(1 + rng.int(4))}`, // scale beyond 10^22
    () => `${digits(1 + rng.int(3))}e${['', '-', '+'][rng.int(3)]}${digits(1 + rng.int(3))}`,
    () => `${digits(2)}E5`,
    () => `${digits(2)}.${digits(2)}.${digits(1)}`,
    () =>
      ['', '0', '-0', '+0', '00012', '0.000', '1e309', 'NA', '?', '.', '-', '+', 'e5', 'x1', '1x'][
        rng.int(15)
      ],
    () => `${digits(2)},${digits(2)}`,
    () => `0x1${digits(1)}`,
  ][rng.int(12)]();
  const pad = () => [' ', '', '', '', '\t'][rng.int(5)];
  return pad() + sign + body + pad();
}

describe('reading numbers while scanning cells', () => {
  it('gives exactly the doubles parseNumber gives, cell by cell, on 60 000 random cells', () => {
    const rng = createRng(17);
    for (const [sep, decimalComma] of [
      [',', false],
      [';', true],
    ] as const) {
      const width = 6;
      const rows = Array.from({ length: 2000 }, () =>
        Array.from({ length: width }, () => randomCell(rng).replaceAll(sep, '')),
      );
      const text = [
        Array.from({ length: width }, (_, c) => `c${c}`).join(sep),
        ...rows.map((r) => r.join(sep)),
      ].join(rng.next() < 0.5 ? '\n' : '\r\n');
      const table = parseDelimited(text, 'r.csv', { delimiter: sep });
      for (let c = 0; c < width; c++) {
        const numbers = table.columns[c].numbers();
        for (let r = 0; r < rows.length; r++) {
          const cell = rows[r][c];
          const expected = parseNumber(trimCell(cell), decimalComma);
          expect(Object.is(numbers[r], expected), `'${cell}' read as ${numbers[r]}`).toBe(true);
          expect(Object.is(parseNumberAt(cell, 0, cell.length, decimalComma), expected)).toBe(true);
        }
      }
    }
  });

  it('keeps the edge cases: −0, a leading +, blanks, a sign alone, the last cell of a file', () => {
    const table = parseDelimited('a,b,c,d\n-0,+2.50, 7 ,-\n1e3,0.1,12345678901234567,', 'e.csv');
    const col = (c: number) => Array.from(table.columns[c].numbers());
    expect(Object.is(col(0)[0], -0)).toBe(true);
    expect(col(0)[1]).toBe(1000);
    expect(col(1)).toEqual([2.5, 0.1]);
    expect(col(2)).toEqual([7, 12345678901234568]);
    expect(col(3)).toEqual([NaN, NaN]);
    expect(parseNumberAt('12\n', 0, 3, false)).toBe(12); // a line break inside a cell's range (XLSX text)
  });
});
