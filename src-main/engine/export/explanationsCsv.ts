import { csvDocument, type CsvValue } from './csv';
import type { ExplainedCase } from './types';

/**
 * Explanations as CSV: one line per case × explanation feature, in the cases' order and
 * each explanation's order (largest |weight| first). Classification adds the explained
 * class and the model's probability of it; regression the model's predicted value.
 * A case with no weights still gets one line, with the feature columns empty.
 */
export function explanationsCsv(cases: readonly ExplainedCase[]): string {
  // All cases come from one model, so the first one's task decides the columns.
  const regression = cases[0]?.explanation.task === 'regression';
  const header = [
    'row',
    'id',
    'true',
    'predicted',
    ...(regression ? ['predicted_value'] : ['explained_class', 'probability']),
    'feature',
    'value',
    'condition',
    'weight',
    'intercept',
    'score',
    'local_prediction',
  ];
  const rows: CsvValue[][] = [];
  for (const c of cases) {
    const e = c.explanation;
    const output: CsvValue[] = regression
      ? [e.modelPred]
      : [e.label === undefined ? null : e.classes[e.label], e.modelPred];
    const lead: CsvValue[] = [c.row, c.id, c.actual, c.predicted, ...output];
    const tail: CsvValue[] = [e.intercept, e.score, e.localPred];
    if (e.weights.length === 0) rows.push([...lead, null, null, null, null, ...tail]);
    for (const w of e.weights) rows.push([...lead, w.feature, w.value, w.condition, w.weight, ...tail]);
  }
  return csvDocument(header, rows);
}
