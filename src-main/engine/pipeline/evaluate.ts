/** Test-split metrics of a trained model, as plain data ready for a dashboard or a report. */
import type { ModelFrame } from '../data/modelFrame';
import {
  accuracy,
  balancedAccuracy,
  confusionMatrix,
  perClassMetrics,
} from '../metrics/classificationMetrics';
import { classesRocAuc, prCurve, prCurveArea, rocCurve, rocCurveArea } from '../metrics/rankingCurves';
import { mae, r2, rmse } from '../metrics/regressionMetrics';

export interface ClassificationMetrics {
  readonly task: 'classification';
  readonly classes: readonly string[];
  readonly accuracy: number;
  readonly balancedAccuracy: number;
  /** Binary: AUC of classes[1]; multi-class: macro one-vs-rest. */
  readonly rocAuc: number;
  /** Binary: F1 of classes[1]; multi-class: macro F1. */
  readonly f1: number;
  readonly perClass: readonly {
    label: string;
    precision: number;
    recall: number;
    f1: number;
    support: number;
  }[];
  /** confusion[actual][predicted]. */
  readonly confusion: readonly (readonly number[])[];
  readonly roc: readonly { label: string; fpr: readonly number[]; tpr: readonly number[]; auc: number }[];
  readonly pr: readonly {
    label: string;
    recall: readonly number[];
    precision: readonly number[];
    averagePrecision: number;
  }[];
}

export interface RegressionMetrics {
  readonly task: 'regression';
  readonly r2: number;
  readonly mae: number;
  readonly rmse: number;
  readonly actual: readonly number[];
  readonly predicted: readonly number[];
}

export type ModelMetrics = ClassificationMetrics | RegressionMetrics;

/**
 * @param outputs classification: probabilities rows × classes; regression: [prediction] per row.
 * @param predictions class index (classification) or value (regression) per row.
 */
export function evaluate(
  frame: Pick<ModelFrame, 'task' | 'classes'>,
  yTrue: readonly number[],
  outputs: readonly (readonly number[])[],
  predictions: readonly number[],
): ModelMetrics {
  if (frame.task === 'regression') {
    return {
      task: 'regression',
      r2: r2(yTrue, predictions),
      mae: mae(yTrue, predictions),
      rmse: rmse(yTrue, predictions),
      actual: [...yTrue],
      predicted: [...predictions],
    };
  }
  const k = frame.classes.length;
  const perClass = perClassMetrics(yTrue, predictions, k).map((s, c) => ({ label: frame.classes[c], ...s }));
  const curves = frame.classes.map((label, c) => {
    // Each curve ranks the scores once and gives its own area (a test split can be 100 000 rows).
    const scores = Float64Array.from(outputs, (p) => p[c]);
    const roc = rocCurve(yTrue, scores, { positiveLabel: c });
    const pr = prCurve(yTrue, scores, { positiveLabel: c });
    return {
      roc: {
        label,
        fpr: roc.fpr,
        tpr: roc.tpr,
        auc: rocCurveArea(roc),
      },
      pr: {
        label,
        recall: pr.recall,
        precision: pr.precision,
        averagePrecision: prCurveArea(pr),
      },
    };
  });
  const macroF1 = perClass.reduce((a, s) => a + s.f1, 0) / k;
  return {
    task: 'classification',
    classes: frame.classes,
    accuracy: accuracy(yTrue, predictions),
    balancedAccuracy: balancedAccuracy(yTrue, predictions),
    rocAuc: classesRocAuc(k, (c) => curves[c].roc.auc),
    f1: k === 2 ? perClass[1].f1 : macroF1,
    perClass,
    confusion: confusionMatrix(yTrue, predictions, k),
    roc: curves.map((c) => c.roc),
    pr: curves.map((c) => c.pr),
  };
}
