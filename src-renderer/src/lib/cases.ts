/** Test-case list of the Explain view: filtering and paging. Pure. */
import type { TestCaseDTO } from '../contract';

export interface CaseFilter {
  readonly misclassifiedOnly: boolean;
  /** A class label, or null for all classes. */
  readonly trueClass: string | null;
  /** Row number as the user sees it (1-based); matches rows whose number starts with it. */
  readonly search: string;
}

/** Row numbers are shown 1-based (the first data row under the header is row 1). */
export function displayRow(row: number): number {
  return row + 1;
}

export function isMisclassified(c: TestCaseDTO): boolean {
  return String(c.actual) !== String(c.predicted);
}

export function filterCases(cases: readonly TestCaseDTO[], filter: CaseFilter): TestCaseDTO[] {
  const query = filter.search.trim().replace(/^#/, '');
  return cases.filter(
    (c) =>
      (!filter.misclassifiedOnly || isMisclassified(c)) &&
      (filter.trueClass === null || String(c.actual) === filter.trueClass) &&
      (query === '' || String(displayRow(c.row)).startsWith(query)),
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
