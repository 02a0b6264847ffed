/**
 * Locale-aware number formatting. Pure (no DOM, no state) so it is unit-tested in Node;
 * the reactive wrapper that knows the current locale lives in i18n.
 */

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** Shown for NaN, ±Infinity and absent values, so a gap is visible rather than a bogus "NaN". */
export const MISSING = '–';

export interface NumberFormatter {
  readonly locale: string;
  /** Integer with grouping: 100 000 → "100,000". */
  int(x: number | null | undefined): string;
  /** Fixed number of decimals. */
  fixed(x: number | null | undefined, digits: number): string;
  /** A measured value: up to `significant` significant digits, no exponent for everyday magnitudes. */
  num(x: number | null | undefined, significant?: number): string;
  /** A fraction 0..1 as a percentage: 0.956 → "95.6%". */
  percent(x: number | null | undefined, digits?: number): string;
  /** A signed value that shows "+" for positive numbers (LIME weights). */
  signed(x: number | null | undefined, digits?: number): string;
  /** Short form for axis ticks: 12 000 → "12K" (en), "1.2만" (ko). */
  compact(x: number | null | undefined): string;
}

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

export function createNumberFormatter(locale: string): NumberFormatter {
  return {
    locale,
    int: (x) => (finite(x) ? formatter(locale, { maximumFractionDigits: 0 }).format(x) : MISSING),
    fixed: (x, digits) =>
      finite(x)
        ? formatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x)
        : MISSING,
    num: (x, significant = 4) => {
      if (!finite(x)) return MISSING;
      const abs = Math.abs(x);
      if (abs !== 0 && (abs < 1e-4 || abs >= 1e9)) {
        return formatter(locale, { notation: 'scientific', maximumSignificantDigits: 3 }).format(x);
      }
      // Large values keep their integer digits; small ones get `significant` digits.
      if (abs >= 10 ** significant) return formatter(locale, { maximumFractionDigits: 0 }).format(x);
      return formatter(locale, { maximumSignificantDigits: significant }).format(x);
    },
    percent: (x, digits = 1) =>
      finite(x)
        ? formatter(locale, {
            style: 'percent',
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(x)
        : MISSING,
    compact: (x) =>
      finite(x) ? formatter(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(x) : MISSING,
    signed: (x, digits = 3) =>
      finite(x)
        ? formatter(locale, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
            signDisplay: 'exceptZero',
          }).format(x)
        : MISSING,
  };
}

/**
 * Rounded axis bounds that contain lo..hi, on a 1-2-5 step grid, so an axis starts and ends on a
 * readable number instead of the data's extremes.
 */
export function niceRange(lo: number, hi: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    // A constant series still needs an axis with width; centre it.
    const half = Math.abs(hi) / 2 || 0.5;
    lo -= half;
    hi += half;
  }
  const raw = (hi - lo) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  // toPrecision drops binary noise such as -3 × 0.2 = -0.6000000000000001.
  const clean = (v: number): number => Number(v.toPrecision(12));
  return [clean(Math.floor(lo / step) * step), clean(Math.ceil(hi / step) * step)];
}

/** Human name of a delimiter character, as a catalog key suffix. */
export function delimiterName(
  delimiter: string | undefined,
): 'comma' | 'semicolon' | 'tab' | 'pipe' | 'other' {
  switch (delimiter) {
    case ',':
      return 'comma';
    case ';':
      return 'semicolon';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    default:
      return 'other';
  }
}
