/**
 * Date columns: ISO-like date strings (`2024-03-05`, `2024-03-05 14:30`, `2024/03/05`) and
 * day/month/year with slashes (`05/03/2024`), whose order (day first or month first) is decided
 * per column only when some value has a day above 12 — otherwise the column stays text.
 */

/** How the parts of a slashed date are ordered; ISO dates are always year first. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** A column is a date column when at least this share of its present values are dates. */
const MIN_DATE_SHARE = 0.95;
const MS_PER_DAY = 86_400_000;

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?$/;

/** Days since 1970-01-01 00:00 UTC (fractional for times), NaN when the parts are no calendar date. */
function utcDays(
  y: number,
  m: number,
  d: number,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
): number {
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (m < 1 || m > 12 || d < 1 || hour > 23 || minute > 59 || second >= 60) return NaN;
  const ms = Date.UTC(y, m - 1, d, hour, minute, 0) + second * 1000;
  // Date.UTC rolls 31 April over into May: such a day is not a date.
  if (new Date(ms).getUTCDate() !== d) return NaN;
  return ms / MS_PER_DAY;
}

/**
 * Days since 1970-01-01 UTC of one trimmed cell (`2024-03-05` → 19787, `2024-03-05 12:00` →
 * 19787.5), reading slashed dates in `order`; NaN when it is not a date.
 */
export function dateDays(text: string, order: DateOrder): number {
  const iso = ISO.exec(text);
  if (iso) return utcDays(+iso[1], +iso[2], +iso[3], iso[4], iso[5], iso[6]);
  if (order === 'ymd') return NaN;
  const s = SLASHED.exec(text);
  if (!s) return NaN;
  const [day, month] = order === 'dmy' ? [+s[1], +s[2]] : [+s[2], +s[1]];
  return utcDays(+s[3], month, day, s[4], s[5], s[6]);
}

/**
 * The order that reads the column's values as dates, or null when it is no date column:
 * fewer than 95 % of the present values are dates, or slashed dates never show a day above 12
 * (05/03/2024 alone could be either), or some show it first and others second.
 */
export function detectDateOrder(values: readonly (string | null)[]): DateOrder | null {
  let present = 0;
  let iso = 0;
  let slashed = 0;
  let dayFirst = false;
  let daySecond = false;
  for (const v of values) {
    if (v === null) continue;
    present++;
    // Cheap rejection: a date starts with a digit.
    if (present === 1 && !/^\d/.test(v)) return null;
    if (ISO.test(v)) {
      if (dateDays(v, 'ymd') === dateDays(v, 'ymd')) iso++;
      continue;
    }
    const s = SLASHED.exec(v);
    if (!s) continue;
    slashed++;
    if (+s[1] > 12) dayFirst = true;
    if (+s[2] > 12) daySecond = true;
  }
  if (present === 0) return null;
  let order: DateOrder = 'ymd';
  if (slashed > 0) {
    if (dayFirst === daySecond) return null;
    order = dayFirst ? 'dmy' : 'mdy';
  }
  let dates = iso;
  if (slashed > 0)
    for (const v of values) if (v !== null && SLASHED.test(v) && !isNaN(dateDays(v, order))) dates++;
  return dates >= present * MIN_DATE_SHARE ? order : null;
}

/**
 * ISO text of a day number: `2024-03-05`, with ` 14:30` when it has a time of day, and
 * ` 14:30:15` when that time has seconds (whole seconds; dateDays reads all three back).
 */
export function formatDateDays(days: number): string {
  const iso = new Date(Math.round(days * MS_PER_DAY)).toISOString();
  if (Number.isInteger(days)) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, iso.slice(17, 19) === '00' ? 16 : 19)}`;
}
