/**
 * Counts of a date column over time, for a small time chart: rows per day when the dates span
 * at most two months, per month up to ten years, else per year. Every period between the first
 * and the last date is listed, empty ones with 0, so gaps show.
 */
import { dateDays, type DateOrder } from './dateColumn';

export interface DateCounts {
  readonly unit: 'day' | 'month' | 'year';
  /** One label per period in time order: `2024-03-05`, `2024-03` or `2024`. */
  readonly labels: string[];
  /** Rows whose date falls in each period; cells that are no dates are not counted. */
  readonly counts: number[];
}

/** Days spanned before counts switch from days to months. */
const MAX_DAY_SPAN = 62;
/** Months spanned before counts switch from months to years. */
const MAX_MONTHS = 120;
const MS_PER_DAY = 86_400_000;

/**
 * Rows per period of a date column's values (trimmed text, null = missing), read in `order`
 * (see dateColumn.ts); null when no value is a date.
 */
export function dateCounts(values: readonly (string | null)[], order: DateOrder): DateCounts | null {
  const days: number[] = [];
  for (const v of values) {
    if (v === null) continue;
    const d = Math.floor(dateDays(v, order));
    if (d === d) days.push(d);
  }
  if (days.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const d of days) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const first = new Date(min * MS_PER_DAY);
  const last = new Date(max * MS_PER_DAY);
  const monthIndex = (t: Date) => t.getUTCFullYear() * 12 + t.getUTCMonth();
  const months = monthIndex(last) - monthIndex(first) + 1;
  const unit = max - min < MAX_DAY_SPAN ? 'day' : months <= MAX_MONTHS ? 'month' : 'year';
  const year0 = first.getUTCFullYear();
  const slot = (d: number): number => {
    if (unit === 'day') return d - min;
    const t = new Date(d * MS_PER_DAY);
    return unit === 'month' ? monthIndex(t) - monthIndex(first) : t.getUTCFullYear() - year0;
  };
  const size = slot(max) + 1;
  const counts = new Array<number>(size).fill(0);
  for (const d of days) counts[slot(d)]++;
  const labels = Array.from({ length: size }, (_, i) => {
    if (unit === 'day') return new Date((min + i) * MS_PER_DAY).toISOString().slice(0, 10);
    if (unit === 'year') return String(year0 + i);
    const m = monthIndex(first) + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
  return { unit, labels, counts };
}
