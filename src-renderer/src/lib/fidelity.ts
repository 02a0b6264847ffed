/** When to warn that a LIME explanation may not describe the model well. Pure. */
import type { ExplanationDTO } from '../contract';
import type { MessageKey } from '../i18n/translate';

/** Below this weighted R² the linear surrogate explains little of the forest's local behaviour. */
export const MIN_SCORE = 0.5;
/** Largest tolerated gap between surrogate and model at the case (probability units). */
export const MAX_PROBABILITY_GAP = 0.1;

/**
 * Warnings for an explanation. For regression the gap tolerance is 10 % of the training target's
 * range, since an absolute 0.1 means nothing on an arbitrary scale.
 */
export function fidelityWarnings(
  e: Pick<ExplanationDTO, 'score' | 'localPred' | 'modelPred' | 'task' | 'targetRange'>,
): MessageKey[] {
  const warnings: MessageKey[] = [];
  if (!(e.score >= MIN_SCORE)) warnings.push('fidelity.warnLowScore');
  const tolerance =
    e.task === 'regression' && e.targetRange
      ? MAX_PROBABILITY_GAP * Math.abs(e.targetRange[1] - e.targetRange[0])
      : MAX_PROBABILITY_GAP;
  if (!(Math.abs(e.localPred - e.modelPred) <= tolerance)) {
    warnings.push(e.task === 'regression' ? 'fidelity.warnMismatchRegression' : 'fidelity.warnMismatch');
  }
  return warnings;
}
