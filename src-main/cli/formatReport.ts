/** Plain-text rendering of an ExplainReport for a terminal. */
import type { ExplainReport } from './explainCommand';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number, digits = 4) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

function table(rows: string[][], align: ('l' | 'r')[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (align[c] === 'r' ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function bar(weight: number, max: number, width = 20): string {
  const n = max > 0 ? Math.round((Math.abs(weight) / max) * width) : 0;
  return (weight >= 0 ? '+' : '-').repeat(Math.max(n, 1));
}

export function formatReport(r: ExplainReport): string {
  const out: string[] = [];
  const d = r.dataset;
  out.push(
    `Dataset   ${d.file}: ${d.rows} rows, ${d.features} features, target '${d.target}' (${d.task}${d.classes.length ? `: ${d.classes.join(' / ')}` : ''})`,
  );
  out.push(`Split     ${r.split.train} train / ${r.split.test} test`);
  if ('accuracy' in r.model) {
    out.push(`Model     accuracy ${pct(r.model.accuracy)}, ROC AUC ${num(r.model.auc, 3)}`);
    out.push('Confusion (rows: actual, columns: predicted)');
    out.push(
      table(
        [['', ...d.classes], ...r.model.confusionMatrix.map((row, i) => [d.classes[i], ...row.map(String)])],
        ['l', ...d.classes.map(() => 'r' as const)],
      ),
    );
  } else {
    out.push(`Model     R² ${num(r.model.r2, 3)}, MAE ${num(r.model.mae, 3)}, RMSE ${num(r.model.rmse, 3)}`);
  }
  out.push('', 'Top impurity importances');
  out.push(
    table(
      r.importances.slice(0, 10).map((f, i) => [`${i + 1}.`, f.feature, num(f.importance)]),
      ['r', 'l', 'r'],
    ),
  );
  const e = r.explanation;
  const which = `row ${e.row}${e.id !== null ? ` (ID ${e.id})` : ''}`;
  out.push('', `Explanation of ${which}${e.label !== null ? ` for class '${e.label}'` : ''}`);
  if (e.probabilities)
    out.push(
      `Predicted probabilities  ${Object.entries(e.probabilities)
        .map(([c, p]) => `${c} ${pct(p)}`)
        .join(', ')}`,
    );
  if (e.predictedValue !== undefined) out.push(`Predicted value  ${num(e.predictedValue, 3)}`);
  const max = Math.max(...e.weights.map((w) => Math.abs(w.weight)));
  out.push(
    table(
      [
        ['condition', 'weight', ''],
        ...e.weights.map((w) => [w.condition, num(w.weight), bar(w.weight, max)]),
      ],
      ['l', 'r', 'l'],
    ),
  );
  out.push(
    `Surrogate  intercept ${num(e.intercept)}, score (weighted R²) ${num(e.score)}, local prediction ${num(e.localPred)}`,
  );
  return out.join('\n');
}
