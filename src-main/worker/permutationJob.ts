/**
 * The follow-up to a train job: permutation importance once the metrics are on screen. On a
 * large table it costs a good part of training, so the user sees the model first and may
 * cancel this without losing it. The result stays on the model for reports and projects.
 */
import type { ImportanceDTO } from '../contract/ipc';
import { modelPermutationImportance, type FeatureImportance } from '../engine';
import { engineMessage } from '../engine/errors';
import type { JobContext } from './runner';
import type { Session } from './session';

export function permutationJob(session: Session, modelId: string, ctx: JobContext): readonly ImportanceDTO[] {
  const { trained } = session.model(modelId);
  // Computed before (or restored from a project): the same seed gives the same values.
  if (trained.permutationImportance.length > 0) return trained.permutationImportance;
  const message = engineMessage('progress-permutation');
  ctx.progress(0, message);
  const importance = modelPermutationImportance(trained, {
    signal: ctx.signal,
    onProgress: (f) => ctx.progress(f, message),
  });
  // Filled in on the model itself: explainers and pools are cached per model object.
  (trained as { permutationImportance: readonly FeatureImportance[] }).permutationImportance = importance;
  return importance;
}
