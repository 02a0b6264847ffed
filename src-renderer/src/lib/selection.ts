/** Target and feature choice for a dataset. Pure. */
import type { ColumnSummaryDTO, ColumnTypeChoice, DatasetSummaryDTO, Task } from '../contract';

export interface Selection {
  readonly target: string;
  readonly task: Task;
  /** In column order. */
  readonly features: readonly string[];
  /** The column whose values name the cases; null: none. */
  readonly idColumn: string | null;
  /** Columns with the identifier role (never features, shown as text), in column order. */
  readonly identifiers: readonly string[];
  /** Types the user changed from the detected ones. */
  readonly columnTypes: Readonly<Record<string, ColumnTypeChoice>>;
}

/** Columns that can be features: anything but the target (identifiers/constants may be ticked on purpose). */
export function candidateFeatures(dataset: DatasetSummaryDTO, target: string): ColumnSummaryDTO[] {
  return dataset.columns.filter((c) => c.name !== target);
}

/** The suggested set: every column except the target and `suggestedExcluded`. */
export function suggestedFeatures(dataset: DatasetSummaryDTO, target: string): string[] {
  const excluded = new Set(dataset.suggestedExcluded);
  return dataset.columns.filter((c) => c.name !== target && !excluded.has(c.name)).map((c) => c.name);
}

/**
 * A sensible task for a column chosen as target: the suggestion for the suggested target;
 * otherwise regression for numeric columns with many distinct values, classification else.
 */
export function inferTask(dataset: DatasetSummaryDTO, target: string): Task {
  if (target === dataset.suggestedTarget) return dataset.suggestedTask;
  const column = dataset.columns.find((c) => c.name === target);
  return column?.kind === 'numeric' && column.distinct > 20 ? 'regression' : 'classification';
}

export function initialSelection(dataset: DatasetSummaryDTO): Selection {
  const target = dataset.suggestedTarget;
  return {
    target,
    task: dataset.suggestedTask,
    features: suggestedFeatures(dataset, target),
    idColumn: dataset.suggestedIdColumn,
    identifiers: detectedIdentifiers(dataset, target),
    columnTypes: {},
  };
}

/** Columns detected as identifiers (the target aside). */
export function detectedIdentifiers(dataset: DatasetSummaryDTO, target: string): string[] {
  return dataset.columns.filter((c) => c.kind === 'identifier' && c.name !== target).map((c) => c.name);
}

/** New target: it leaves the features; the previous target does not silently become one. */
export function changeTarget(dataset: DatasetSummaryDTO, selection: Selection, target: string): Selection {
  return {
    ...selection,
    target,
    task: inferTask(dataset, target),
    features: selection.features.filter((f) => f !== target),
    identifiers: selection.identifiers.filter((f) => f !== target),
  };
}

/** Toggles one feature, keeping column order. */
export function toggleFeature(dataset: DatasetSummaryDTO, selection: Selection, name: string): Selection {
  const chosen = new Set(selection.features);
  if (chosen.has(name)) chosen.delete(name);
  else if (name !== selection.target) chosen.add(name);
  return {
    ...selection,
    features: dataset.columns.map((c) => c.name).filter((n) => chosen.has(n)),
    // A ticked-in identifier becomes a feature (the view warns); roles do not overlap.
    identifiers: selection.identifiers.filter((n) => !chosen.has(n)),
  };
}

/** Same model inputs: target, task, features, case-ID column and changed types (roles alone do not matter). */
export function sameSelection(
  a: Pick<Selection, 'target' | 'task' | 'features'> & Partial<Pick<Selection, 'idColumn' | 'columnTypes'>>,
  b: Pick<Selection, 'target' | 'task' | 'features'> & Partial<Pick<Selection, 'idColumn' | 'columnTypes'>>,
): boolean {
  const types = (s: typeof a) => JSON.stringify(Object.entries(s.columnTypes ?? {}).sort());
  return (
    a.target === b.target &&
    a.task === b.task &&
    a.features.length === b.features.length &&
    a.features.every((f, i) => f === b.features[i]) &&
    (a.idColumn ?? null) === (b.idColumn ?? null) &&
    types(a) === types(b)
  );
}

const collator = new Intl.Collator('en', { numeric: true });

/** Class labels in the engine's order (numeric-aware: '2' < '10'). */
export function sortLabels(labels: readonly string[]): string[] {
  return [...labels].sort((a, b) => {
    const na = Number(a);
    const nb = Number(b);
    if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
    return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
  });
}

/** Class counts of the target column from its category summary, in label order; null when absent. */
export function targetClassCounts(
  dataset: DatasetSummaryDTO,
  target: string,
): { classes: string[]; counts: number[] } | null {
  const column = dataset.columns.find((c) => c.name === target);
  if (!column?.categories || column.categories.length === 0) return null;
  const byLabel = new Map(column.categories.map((c) => [c.value, c.count]));
  const classes = sortLabels([...byLabel.keys()]);
  return { classes, counts: classes.map((c) => byLabel.get(c) ?? 0) };
}

export function totalMissing(dataset: DatasetSummaryDTO): number {
  return dataset.columns.reduce((sum, c) => sum + c.missing, 0);
}
