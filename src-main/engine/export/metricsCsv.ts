import type { MetricsDTO, TrainResultDTO } from '../../contract/ipc';
import { csvDocument, type CsvValue } from './csv';

/**
 * Model metrics as a long CSV: `metric,class,predicted_class,value`.
 * Classification: accuracy, balanced_accuracy, roc_auc, f1; per class precision,
 * recall, f1, support, roc_auc, average_precision; one confusion line per (actual
 * class, predicted class) with its count. Regression: r2, mae, rmse. With
 * cross-validation: cv_<metric> per fold (class column = fold number), its mean and sd.
 */
export function metricsCsv(result: {
  readonly metrics: MetricsDTO;
  readonly crossValidation?: TrainResultDTO['crossValidation'];
}): string {
  const m = result.metrics;
  const rows: CsvValue[][] = [];
  const add = (metric: string, value: number, cls: CsvValue = null, predicted: CsvValue = null) =>
    rows.push([metric, cls, predicted, value]);
  if (m.task === 'classification') {
    add('accuracy', m.accuracy);
    add('balanced_accuracy', m.balancedAccuracy);
    add('roc_auc', m.rocAuc);
    add('f1', m.f1);
    for (const c of m.perClass) {
      add('precision', c.precision, c.label);
      add('recall', c.recall, c.label);
      add('f1', c.f1, c.label);
      add('support', c.support, c.label);
    }
    for (const r of m.roc) add('roc_auc', r.auc, r.label);
    for (const p of m.pr) add('average_precision', p.averagePrecision, p.label);
    m.confusion.forEach((counts, actual) =>
      counts.forEach((n, predicted) => add('confusion', n, m.classes[actual], m.classes[predicted])),
    );
  } else {
    add('r2', m.r2);
    add('mae', m.mae);
    add('rmse', m.rmse);
  }
  const cv = result.crossValidation;
  if (cv) {
    cv.scores.forEach((s, fold) => add(`cv_${cv.metric}`, s, `fold ${fold + 1}`));
    add(`cv_${cv.metric}_mean`, cv.mean);
    add(`cv_${cv.metric}_std`, cv.std);
  }
  return csvDocument(['metric', 'class', 'predicted_class', 'value'], rows);
}
