import { UserFacingError } from '../errors';
import { resolveIdColumn } from './caseIds';
import { compareLabels, formatNumber } from './compareLabels';
import { categoryLabels, featureColumn } from './featureColumn';
import { frameRows } from './imputer';
import type { Dataset, Task } from './types';

/**
 * Largest regression target (in magnitude) the forest and the metrics can average:
 * their sums of squared deviations over up to 10^7 weighted rows stay finite below it.
 */
const MAX_TARGET_MAGNITUDE = 1e150;

/** The numeric table a model trains on, with everything needed to map it back to the file. */
export interface ModelFrame {
  featureNames: string[];
  featureKinds: ('numeric' | 'categorical')[];
  /** Per feature: category labels (code i ↔ categoryNames[f][i]) or null for numeric. */
  categoryNames: (string[] | null)[];
  /**
   * Rows × features; categorical features as integer codes; NaN where missing (imputed later).
   * Built from `columns` on first read and then kept: training, imputation and the explainer
   * read the columns, since at 500 000 rows × 30 the rows would hold ~150 MB of V8 heap beside
   * the columns they copy.
   */
  readonly X: number[][];
  /**
   * Per feature: its value for every dataset row, the rows of X are built from (a numeric
   * feature's is the dataset's own column, not a copy): X[i][f] === columns[f][rowIndex[i]].
   * Column-wise passes (imputer, forest bins, the explainer) read these. Read-only.
   */
  columns: Float64Array[];
  /** Classification: class index into `classes`; regression: the value. */
  y: number[];
  /** Sorted label order (numeric-aware: '2' < '10'); [] for regression. */
  classes: string[];
  /**
   * The 0-based index into the dataset's rows of each row of X (rows with a missing target are
   * dropped), ascending. An index, never shown: the user sees row index + 1 (see caseIds.ts).
   */
  rowIndex: number[];
  /** The column whose values name the cases (case IDs), or null for none. */
  idColumn: string | null;
  task: Task;
  /** Human-readable record of what was done. */
  preprocessing: string[];
}

/**
 * The position in the frame (index into X and y) of dataset row `dataRow`, or undefined when that
 * row was dropped: a binary search of the ascending rowIndex, so no row → position map is built
 * (one would hold half a million entries for a 500 000-row table).
 */
export function framePosition(frame: Pick<ModelFrame, 'rowIndex'>, dataRow: number): number | undefined {
  const rows = frame.rowIndex;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid] < dataRow) lo = mid + 1;
    else hi = mid;
  }
  return rows[lo] === dataRow ? lo : undefined;
}

/** More classes than this is almost always a numeric or free-text column picked by mistake. */
export const MAX_CLASSES = 50;
/** How many category codes or dropped rows a preprocessing line lists before "…". */
const LIST_LIMIT = 10;

function listed<T>(items: readonly T[], show: (item: T) => string): string {
  const head = items.slice(0, LIST_LIMIT).map(show).join(', ');
  return items.length > LIST_LIMIT ? `${head}, … (${items.length} in all)` : head;
}

function cellLabel(values: Float64Array | readonly (string | null)[], row: number): string | null {
  const v = values[row];
  if (typeof v === 'number') return v === v ? String(v) : null;
  return v;
}

/**
 * Turns a dataset into a model frame: the target as class indices (classification,
 * classes in numeric-aware sorted order) or values (regression); numeric features as
 * numbers and text features as integer codes in sorted label order; NaN for missing
 * feature cells. Rows with a missing target are dropped. Every step is recorded in
 * `preprocessing`. Errors (UserFacingError) for unknown columns, a target with one
 * class or more than 50, a non-numeric regression target, no usable feature.
 */
export function buildModelFrame(
  dataset: Dataset,
  settings: {
    readonly target: string;
    readonly features: readonly string[];
    readonly task: Task;
    /** Absent: the first identifier column; null: none. */
    readonly idColumn?: string | null;
    /** Types the user chose (numeric ⇄ categorical); absent columns keep the type they were read with. */
    readonly columnTypes?: Readonly<Record<string, 'numeric' | 'categorical'>>;
  },
): ModelFrame {
  const { target, task } = settings;
  const file = dataset.source.fileName;
  const indexOf = new Map(dataset.columns.map((c, i) => [c.name, i]));
  const unknown = [target, ...settings.features].filter((name) => !indexOf.has(name));
  if (unknown.length > 0) {
    const available = listed(dataset.columns, (c) => `'${c.name}'`);
    const names = [...new Set(unknown)].map((n) => `'${n}'`).join(', ');
    throw UserFacingError.of('unknown-column', { file, names, available }, { file, column: unknown[0] });
  }
  const idColumn = resolveIdColumn(dataset, settings.idColumn);
  const preprocessing: string[] = [];
  const targetColumn = indexOf.get(target) as number;
  const targetValues = dataset.values[targetColumn];

  // Rows with a target value, in file order.
  const rowIndex: number[] = [];
  const dropped: number[] = [];
  for (let row = 0; row < dataset.rowCount; row++) {
    if (cellLabel(targetValues, row) === null) dropped.push(row);
    else rowIndex.push(row);
  }
  if (rowIndex.length === 0) {
    throw UserFacingError.of('empty-target', { file, column: target }, { file, column: target });
  }

  let y: number[];
  let classes: string[] = [];
  if (task === 'classification') {
    const labels = rowIndex.map((row) => cellLabel(targetValues, row) as string);
    classes = [...new Set(labels)].sort(compareLabels);
    if (classes.length < 2) {
      throw UserFacingError.of(
        'one-class',
        { file, column: target, class: classes[0] },
        { file, column: target },
      );
    }
    if (classes.length > MAX_CLASSES) {
      throw UserFacingError.of(
        targetValues instanceof Float64Array ? 'too-many-classes-numeric' : 'too-many-classes',
        { file, column: target, count: classes.length, max: MAX_CLASSES },
        { file, column: target },
      );
    }
    const code = new Map(classes.map((label, i) => [label, i]));
    y = labels.map((label) => code.get(label) as number);
    preprocessing.push(
      `Target '${target}': classification with ${classes.length} classes (${listed(classes, (c) => c)}).`,
    );
  } else {
    if (!(targetValues instanceof Float64Array)) {
      const example = rowIndex.map((row) => targetValues[row]).find((v) => v !== null);
      throw UserFacingError.of(
        'non-numeric-target',
        { file, column: target, value: String(example) },
        { file, column: target },
      );
    }
    y = rowIndex.map((row) => targetValues[row]);
    let min = Infinity;
    let max = -Infinity;
    for (const v of y) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (Math.max(-min, max) > MAX_TARGET_MAGNITUDE) {
      throw new UserFacingError(
        `${file}: the target column '${target}' has values as large as ${formatNumber(Math.abs(min) > max ? min : max)}; ` +
          `regression can average values only up to ±${formatNumber(MAX_TARGET_MAGNITUDE)}. ` +
          'Rescale the column (for example, express it in larger units) and open the file again.',
        { file, column: target, code: 'target.too-large' },
      );
    }
    preprocessing.push(
      `Target '${target}': regression (values ${formatNumber(min)} to ${formatNumber(max)}).`,
    );
  }
  if (dropped.length > 0) {
    preprocessing.push(
      // Data rows numbered from 1, as the data table shows them.
      `Dropped ${dropped.length} row${dropped.length > 1 ? 's' : ''} with a missing target (row${
        dropped.length > 1 ? 's' : ''
      } ${listed(dropped, (row) => String(row + 1))}).`,
    );
  }

  const featureNames: string[] = [];
  const featureKinds: ('numeric' | 'categorical')[] = [];
  const categoryNames: (string[] | null)[] = [];
  // Per feature, its value for every dataset row (the column itself when numeric): rows are built from these once.
  const featureColumns: Float64Array[] = [];
  for (const name of new Set(settings.features)) {
    if (name === target) {
      preprocessing.push(`Left the target '${target}' out of the features.`);
      continue;
    }
    const column = indexOf.get(name) as number;
    if (dataset.columns[column].missing === dataset.rowCount) {
      preprocessing.push(`Left out feature '${name}': it has no values.`);
      continue;
    }
    const choice = Object.hasOwn(settings.columnTypes ?? {}, name) ? settings.columnTypes![name] : undefined;
    const feature = featureColumn(dataset, column, choice);
    featureNames.push(name);
    if (feature.kind === 'numeric') {
      const values = feature.values;
      if (dataset.columns[column].kind === 'date') {
        preprocessing.push(`Column '${name}': dates used as numbers (days since 1970-01-01).`);
      } else if (!(dataset.values[column] instanceof Float64Array)) {
        preprocessing.push(`Text column '${name}' used as a number, as chosen.`);
      }
      featureKinds.push('numeric');
      categoryNames.push(null);
      featureColumns.push(values);
    } else {
      const values = feature.labels;
      if (dataset.values[column] instanceof Float64Array) {
        preprocessing.push(`Numeric column '${name}' used as categories, as chosen.`);
      }
      const labels = categoryLabels(values);
      const code = new Map(labels.map((label, i) => [label, i]));
      featureKinds.push('categorical');
      categoryNames.push(labels);
      featureColumns.push(Float64Array.from(values, (v) => (v === null ? NaN : (code.get(v) as number))));
      preprocessing.push(
        `Categorical feature '${name}' encoded as codes in label order: ${listed(labels, (l) => `${l}=${code.get(l)}`)}.`,
      );
    }
  }
  if (featureNames.length === 0) {
    throw UserFacingError.of('no-features', { file, column: target }, { file });
  }
  const numeric = featureKinds.filter((k) => k === 'numeric').length;
  preprocessing.push(
    `Features: ${featureNames.length} (${numeric} numeric, ${featureNames.length - numeric} categorical); ` +
      `${rowIndex.length} rows.`,
  );

  if (idColumn !== null) preprocessing.push(`Case IDs from column '${idColumn}'.`);
  let rows: number[][] | undefined;
  return {
    featureNames,
    featureKinds,
    categoryNames,
    get X() {
      return (rows ??= frameRows({ columns: featureColumns, rowIndex }, null));
    },
    columns: featureColumns,
    y,
    classes,
    rowIndex,
    idColumn,
    task,
    preprocessing,
  };
}
