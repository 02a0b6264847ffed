/** The plain-language paragraph of an explained case, built from its numbers. Pure. */
import type { ReportCase, ReportCaseTrust } from '../../../src-main/contract/report';
import { fidelityWarnings } from '../lib/fidelity';
import type { ReportText } from './reportText';

/** Conditions named per side: enough to say what mattered, few enough to read aloud. */
const PER_SIDE = 2;

function strongest(c: ReportCase, positive: boolean): string[] {
  return c.weights
    .filter((w) => (positive ? w.weight > 0 : w.weight < 0))
    .slice(0, PER_SIDE)
    .map((w) => w.condition);
}

/** Fidelity warnings for a report case, as the Explain view gives them. */
export function caseWarnings(c: ReportCase, task: 'classification' | 'regression') {
  return fidelityWarnings({
    score: c.score,
    localPred: c.localPred,
    modelPred: c.modelPred,
    task,
    ...(c.targetRange && { targetRange: c.targetRange }),
  });
}

/**
 * e.g. "The model predicts malignant with 94.0% probability. The conditions that pushed most toward
 * malignant were worst area > 1084.00 and …; the simple local model fits the forest poorly here
 * (R² 0.31), so read these weights with care."
 */
export function caseNarrative(
  c: ReportCase,
  task: 'classification' | 'regression',
  text: ReportText,
  trust?: { readonly figures: ReportCaseTrust; readonly runs: number },
): string {
  const { r, fmt, list } = text;
  const sentences: string[] = [];
  const toward = strongest(c, true);
  const against = strongest(c, false);
  if (task === 'classification' && c.explainedClass !== undefined) {
    sentences.push(
      r('report.summary.class', { label: c.explainedClass, probability: fmt.percent(c.modelPred) }),
    );
    if (toward.length)
      sentences.push(r('report.summary.toward', { label: c.explainedClass, conditions: list(toward) }));
    if (against.length) sentences.push(r('report.summary.against', { conditions: list(against) }));
  } else {
    const [min, max] = c.targetRange ?? [Number.NaN, Number.NaN];
    sentences.push(
      r('report.summary.value', { value: fmt.num(c.modelPred), min: fmt.num(min), max: fmt.num(max) }),
    );
    if (toward.length) sentences.push(r('report.summary.raise', { conditions: list(toward) }));
    if (against.length) sentences.push(r('report.summary.lower', { conditions: list(against) }));
  }
  const warnings = caseWarnings(c, task);
  const score = fmt.fixed(c.score, 2);
  const lowScore = warnings.includes('fidelity.warnLowScore');
  const gap = warnings.some((w) => w !== 'fidelity.warnLowScore');
  const show = (x: number) => (task === 'classification' ? fmt.percent(x) : fmt.num(x));
  if (lowScore) sentences.push(r('report.summary.fitPoor', { score }));
  if (gap) sentences.push(r('report.summary.gap', { local: show(c.localPred), model: show(c.modelPred) }));
  if (!lowScore && !gap) sentences.push(r('report.summary.fitGood', { score }));
  if (trust) sentences.push(...trustSentences(trust.figures, trust.runs, text));
  return sentences.join(' ');
}

/** What the trust figures add to the paragraph: an unstable verdict and conditions on collapsed bins. */
function trustSentences(trust: ReportCaseTrust, runs: number, text: ReportText): string[] {
  const { r, fmt, list } = text;
  const out: string[] = [];
  const s = trust.stability;
  if (!s.stable) {
    out.push(
      r('report.summary.unstable', {
        runs,
        jaccard: fmt.percent(s.jaccard, 0),
        k: s.topK,
        threshold: fmt.percent(s.threshold, 0),
      }),
    );
  }
  if (trust.collapsed.length > 0) {
    const kind = text.t(trust.collapsed[0].discretizer === 'decile' ? 'trust.decile' : 'trust.quartile');
    out.push(r('report.summary.collapsed', { features: list(trust.collapsed.map((c) => c.feature)), kind }));
  }
  return out;
}
