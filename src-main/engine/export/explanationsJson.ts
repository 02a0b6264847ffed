import type { ExplainedCase } from './types';

export const EXPLANATIONS_JSON_FORMAT = 'lime-lens/explanations';
export const EXPLANATIONS_JSON_VERSION = 1;

/** JSON has no NaN or Infinity; JSON.stringify would write null anyway — say so in one place. */
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Explanations as one JSON document (2-space indented). Numbers are written by
 * JSON.stringify, which round-trips every finite double exactly; non-finite become null.
 *
 * Shape: { format, version, cases: [ { row (1-based), id, true, predicted,
 *   explainedClass?, probability?, probabilities?: {class: p}, predictedValue?,
 *   intercept, score, localPrediction, modelPrediction,
 *   settings: { numFeatures, numSamples, kernelWidth, discretizer, seed },
 *   weights: [ { feature, value, condition, weight } ] } ] }
 */
export function explanationsJson(cases: readonly ExplainedCase[]): string {
  const out = cases.map((c) => {
    const e = c.explanation;
    const classification = e.task === 'classification';
    return {
      row: c.row,
      id: c.id,
      true: c.actual,
      predicted: c.predicted,
      ...(classification && e.label !== undefined && { explainedClass: e.classes[e.label] }),
      ...(classification && { probability: finiteOrNull(e.modelPred) }),
      ...(e.probabilities && {
        probabilities: Object.fromEntries(e.classes.map((k, i) => [k, finiteOrNull(e.probabilities![i])])),
      }),
      ...(!classification && { predictedValue: finiteOrNull(e.modelPred) }),
      intercept: finiteOrNull(e.intercept),
      score: finiteOrNull(e.score),
      localPrediction: finiteOrNull(e.localPred),
      modelPrediction: finiteOrNull(e.modelPred),
      settings: { ...e.settings },
      weights: e.weights.map((w) => ({
        feature: w.feature,
        value: w.value,
        condition: w.condition,
        weight: finiteOrNull(w.weight),
      })),
    };
  });
  return `${JSON.stringify(
    { format: EXPLANATIONS_JSON_FORMAT, version: EXPLANATIONS_JSON_VERSION, cases: out },
    null,
    2,
  )}\n`;
}
