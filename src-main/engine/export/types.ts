import type { ExplanationDTO } from '../../contract/ipc';

/**
 * One explained case as the exports see it: where it is in the file, what the model
 * said about it, and its LIME explanation.
 */
export interface ExplainedCase {
  /** 1-based data row of the file (header excluded). */
  readonly row: number;
  /** The case's value in the identifier column; null without one. */
  readonly id: string | null;
  /** The true target value (class label or number); null when the case is not a test case. */
  readonly actual: string | number | null;
  readonly predicted: string | number | null;
  readonly explanation: Pick<
    ExplanationDTO,
    | 'task'
    | 'classes'
    | 'label'
    | 'probabilities'
    | 'predictedValue'
    | 'weights'
    | 'intercept'
    | 'score'
    | 'localPred'
    | 'modelPred'
    | 'settings'
  >;
}
