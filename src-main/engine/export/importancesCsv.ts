import type { ImportanceDTO } from '../../contract/ipc';
import { csvDocument, type CsvValue } from './csv';

/**
 * Feature importances as CSV, one line per feature:
 * `feature,impurity_importance,permutation_importance,permutation_std`, in the order
 * of the impurity list (largest first), then features only the permutation list has.
 * A missing figure is an empty cell.
 */
export function importancesCsv(result: {
  readonly impurityImportance: readonly ImportanceDTO[];
  readonly permutationImportance: readonly ImportanceDTO[];
}): string {
  const permutation = new Map(result.permutationImportance.map((p) => [p.feature, p]));
  const features = new Set([
    ...result.impurityImportance.map((i) => i.feature),
    ...result.permutationImportance.map((p) => p.feature),
  ]);
  const impurity = new Map(result.impurityImportance.map((i) => [i.feature, i.importance]));
  const rows: CsvValue[][] = [...features].map((f) => [
    f,
    impurity.get(f),
    permutation.get(f)?.importance,
    permutation.get(f)?.std,
  ]);
  return csvDocument(['feature', 'impurity_importance', 'permutation_importance', 'permutation_std'], rows);
}
