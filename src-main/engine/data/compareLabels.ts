/**
 * Numeric-aware label order shared by class lists, category codes and summaries:
 * labels that are both numbers compare by value ('2' < '10'); otherwise a fixed
 * 'en' collator with numeric collation ('grade 2' < 'grade 10'), so the order does
 * not depend on the machine's locale.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

function asNumber(label: string): number {
  if (label.length === 0) return NaN;
  const value = Number(label);
  return Number.isFinite(value) ? value : NaN;
}

export function compareLabels(a: string, b: string): number {
  const x = asNumber(a);
  const y = asNumber(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y || (a < b ? -1 : a > b ? 1 : 0);
  const byCollator = collator.compare(a, b);
  if (byCollator !== 0) return byCollator;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Short, honest rendering of a number in messages: six significant digits, no trailing zeros. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}
