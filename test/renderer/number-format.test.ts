import { describe, expect, it } from 'vitest';
import { createNumberFormatter, delimiterName, MISSING, niceRange } from '../../src-renderer/src/lib/format';

describe('number formatter', () => {
  const en = createNumberFormatter('en-US');
  const ko = createNumberFormatter('ko-KR');
  const de = createNumberFormatter('de-DE');

  it('groups integers per locale', () => {
    expect(en.int(100000)).toBe('100,000');
    expect(ko.int(100000)).toBe('100,000');
    expect(de.int(100000)).toBe('100.000');
    expect(en.int(568.6)).toBe('569');
  });

  it('formats fractions as percentages with the requested decimals', () => {
    expect(en.percent(0.956140350877193)).toBe('95.6%');
    expect(en.percent(0.5, 0)).toBe('50%');
    expect(de.percent(0.956140350877193)).toBe('95,6\u00a0%');
  });

  it('gives measured values a few significant digits, scientific only for extremes', () => {
    expect(en.num(0.07871)).toBe('0.07871');
    expect(en.num(1001)).toBe('1,001');
    expect(en.num(2019.123)).toBe('2,019');
    expect(en.num(12.3456789)).toBe('12.35');
    expect(en.num(0.00001234)).toBe('1.23E-5');
    expect(en.num(0)).toBe('0');
  });

  it('signs weights and fixes decimals', () => {
    expect(en.signed(0.12345, 3)).toBe('+0.123');
    expect(en.signed(-0.12355, 3)).toBe('-0.124');
    expect(en.signed(0, 3)).toBe('0.000');
    expect(en.fixed(0.5, 3)).toBe('0.500');
  });

  it('abbreviates axis counts', () => {
    expect(en.compact(12000)).toBe('12K');
    expect(ko.compact(12000)).toBe('1.2만');
    expect(en.compact(40)).toBe('40');
  });

  it('shows a dash for missing or non-finite values', () => {
    for (const f of [en.int, en.num, en.percent, en.compact]) {
      expect(f(Number.NaN)).toBe(MISSING);
      expect(f(undefined)).toBe(MISSING);
      expect(f(null)).toBe(MISSING);
    }
    expect(en.fixed(Infinity, 2)).toBe(MISSING);
  });
});

describe('niceRange', () => {
  it('rounds outward to a 1-2-5 step', () => {
    expect(niceRange(28.76, 332.24)).toEqual([0, 400]);
    expect(niceRange(0.03, 0.97)).toEqual([0, 1]);
    expect(niceRange(-4.2, 3.1)).toEqual([-6, 4]);
    expect(niceRange(25, 346)).toEqual([0, 400]);
  });

  it('survives degenerate input', () => {
    expect(niceRange(5, 5)).toEqual([2, 8]);
    expect(niceRange(0, 0)).toEqual([-0.6, 0.6]);
    expect(niceRange(Number.NaN, 1)).toEqual([0, 1]);
  });
});

describe('delimiterName', () => {
  it('names the usual delimiters', () => {
    expect(delimiterName(',')).toBe('comma');
    expect(delimiterName(';')).toBe('semicolon');
    expect(delimiterName('\t')).toBe('tab');
    expect(delimiterName('|')).toBe('pipe');
    expect(delimiterName(undefined)).toBe('other');
  });
});
