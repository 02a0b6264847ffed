import { columnIndex } from './columnByName';
import type { Dataset, Task } from './types';

/**
 * Names a target column usually has, most telling first. Matched against the whole
 * name ('Outcome') first, then against its words ('target_class', 'disease progression').
 * Korean: 진단 diagnosis, 결과 result/outcome, 타겟 target, 레이블 label, 클래스 class.
 */
const TARGET_NAMES = [
  'target',
  'label',
  'class',
  'outcome',
  'diagnosis',
  'y',
  'species',
  'progression',
  'response',
  'result',
  'survived',
  'churn',
  '진단',
  '결과',
  '타겟',
  '레이블',
  '클래스',
];
/** Too short or too common to trust as a word inside a longer name. */
const WHOLE_NAME_ONLY = new Set(['y', 'result']);
/** A numeric target with at most this many distinct integer values is read as classes (0/1, grades 1–5). */
const MAX_INTEGER_CLASSES = 10;

function words(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_\-.:/()]+/)
    .filter((w) => w.length > 0);
}

/**
 * Classification when the column holds text, or numbers that are all integers with at
 * most 10 distinct values; regression otherwise.
 */
export function inferTask(dataset: Dataset, target: string): Task {
  const index = columnIndex(dataset, target, 'target');
  const values = dataset.values[index];
  if (!(values instanceof Float64Array)) return 'classification';
  if (dataset.columns[index].distinct > MAX_INTEGER_CLASSES) return 'regression';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && Math.floor(v) !== v) return 'regression';
  }
  return 'classification';
}

/**
 * Suggests the target: a column named like target/label/class/outcome/diagnosis/…
 * (case-insensitive, whole name before a word of it, earlier list entries first),
 * skipping identifier, constant and date columns; else the last such column; else the last
 * column. The task follows from the column (see inferTask).
 */
export function suggestTarget(dataset: Dataset): { target: string; task: Task } {
  const usable = dataset.columns.filter(
    (c) => c.kind !== 'identifier' && c.kind !== 'constant' && c.kind !== 'date',
  );
  let bestName: string | null = null;
  let bestScore = Infinity;
  for (const column of usable) {
    const whole = column.name.trim().toLowerCase();
    let score = Infinity;
    const exact = TARGET_NAMES.indexOf(whole);
    if (exact >= 0) score = exact;
    else {
      for (const word of words(column.name)) {
        const at = TARGET_NAMES.indexOf(word);
        if (at >= 0 && !WHOLE_NAME_ONLY.has(word)) score = Math.min(score, TARGET_NAMES.length + at);
      }
    }
    // `<=` lets a later column win a tie: targets usually sit at the right.
    if (score !== Infinity && score <= bestScore) {
      bestName = column.name;
      bestScore = score;
    }
  }
  const chosen =
    bestName ?? usable[usable.length - 1]?.name ?? dataset.columns[dataset.columns.length - 1].name;
  return { target: chosen, task: inferTask(dataset, chosen) };
}

/** Columns a user would normally leave out of the features: identifiers, constants, dates and the target. */
export function suggestExcluded(dataset: Dataset, target: string): string[] {
  return dataset.columns
    .filter((c) => c.name === target || c.kind === 'identifier' || c.kind === 'constant' || c.kind === 'date')
    .map((c) => c.name);
}
