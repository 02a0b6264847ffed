/** Compares two report results leaf by leaf: what `verify` prints. Pure. */

export interface ResultDifference {
  /** JSON path, e.g. `cases[1].weights[0].weight`. */
  readonly path: string;
  readonly recorded: unknown;
  readonly recomputed: unknown;
}

export interface ResultComparison {
  /** Numbers compared (every numeric leaf of the recorded results). */
  readonly numbers: number;
  readonly matching: number;
  readonly differences: readonly ResultDifference[];
}

/**
 * Numbers match when equal to 1e-9 relative (the computation is seeded and deterministic, so a real
 * reproduction is bit-identical; the slack only absorbs a printer's rounding of the last digit).
 */
export function sameNumber(a: number, b: number): boolean {
  if (Object.is(a, b)) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** Walks `recorded` and `recomputed` together; numbers, strings, booleans and nulls are leaves. */
export function compareResults(recorded: unknown, recomputed: unknown): ResultComparison {
  let numbers = 0;
  let matching = 0;
  const differences: ResultDifference[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (typeof a === 'number') {
      numbers++;
      if (typeof b === 'number' && sameNumber(a, b)) matching++;
      else differences.push({ path, recorded: a, recomputed: b });
      return;
    }
    if (Array.isArray(a)) {
      if (!Array.isArray(b)) {
        differences.push({ path, recorded: a, recomputed: b });
        return;
      }
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) walk(a[i], b[i], join(path, i));
      return;
    }
    if (a !== null && typeof a === 'object') {
      if (b === null || typeof b !== 'object' || Array.isArray(b)) {
        differences.push({ path, recorded: a, recomputed: b });
        return;
      }
      const keys = new Set([...Object.keys(a), ...Object.keys(b as object)]);
      for (const k of keys)
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], join(path, k));
      return;
    }
    if (a === undefined && typeof b === 'number') numbers++;
    if (a !== b) differences.push({ path, recorded: a, recomputed: b });
  };
  walk(recorded, recomputed, '');
  return { numbers, matching, differences };
}
