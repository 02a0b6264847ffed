/** Test-case list of the Explain view: filtering and paging. Pure. */
import type { TestCaseDTO } from '../contract';

export interface CaseFilter {
  readonly misclassifiedOnly: boolean;
  /** A class label, or null for all classes. */
  readonly trueClass: string | null;
  /**
   * Row number (1-based, as everywhere) or case ID: matches rows whose number or ID starts
   * with it (IDs case-insensitive).
   */
  readonly search: string;
}

export function isMisclassified(c: TestCaseDTO): boolean {
  return String(c.actual) !== String(c.predicted);
}

export function filterCases(cases: readonly TestCaseDTO[], filter: CaseFilter): TestCaseDTO[] {
  const query = filter.search.trim().replace(/^#/, '').toLowerCase();
  return cases.filter(
    (c) =>
      (!filter.misclassifiedOnly || isMisclassified(c)) &&
      (filter.trueClass === null || String(c.actual) === filter.trueClass) &&
      (query === '' ||
        String(c.row).startsWith(query) ||
        (c.id !== null && c.id.toLowerCase().startsWith(query))),
  );
}

/** Probability of the predicted class, or undefined for regression. */
export function predictedProbability(c: TestCaseDTO, classes: readonly string[]): number | undefined {
  if (!c.probabilities) return undefined;
  const i = classes.indexOf(String(c.predicted));
  return i >= 0 ? c.probabilities[i] : Math.max(...c.probabilities);
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  const last = pageCount(items.length, pageSize) - 1;
  const p = Math.min(Math.max(0, page), last);
  return items.slice(p * pageSize, (p + 1) * pageSize);
}
