/**
 * The follow-up to a train job: permutation importance once the metrics are on screen. On a
 * large table it costs a good part of training, so the user sees the model first and may
 * cancel this without losing it. The result stays on the model for reports and projects.
 *
 * It runs as background work, a round (one prediction of ≤ 1000 test rows) at a time: the forest
 * predicts each round on this thread, re-walking only what the shuffled column can change
 * (forest/columnRounds.ts; an imported model's rows are split with the model's second prediction
 * thread instead), and between rounds it waits while a job the user asked for runs (idleGate.ts;
 * worker.ts does not count this job as one), so a case clicked meanwhile is explained at once
 * instead of after the whole computation. It does not wait out the gate's quiet period as
 * warm-up does: the user waits for this result too.
 */
import type { ImportanceDTO } from '../contract/ipc';
import { modelPermutationImportanceAsync, type FeatureImportance } from '../engine';
import { engineMessage } from '../engine/errors';
import { idleGate } from './idleGate';
import { ParallelPredictor } from './parallelPredictor';
import type { JobContext } from './runner';
import type { Session } from './session';

/** Job kinds that run in the background: they do not hold back warm-up work or each other. */
export const BACKGROUND_JOBS: ReadonlySet<string> = new Set(['permutation']);

export async function permutationJob(
  session: Session,
  modelId: string,
  ctx: JobContext,
  /** False inside a job the user waits for (a report): then there is nothing to wait for. */
  background = true,
): Promise<readonly ImportanceDTO[]> {
  const model = session.model(modelId);
  const { trained } = model;
  // Computed before (or restored from a project): the same seed gives the same values.
  if (trained.permutationImportance.length > 0) return trained.permutationImportance;
  const message = engineMessage('progress-permutation');
  ctx.progress(0, message);
  // For imported models only: the same second thread LIME uses (warmAfterTraining would start
  // it a little later anyway).
  const predictLabels = (rows: number[][]) =>
    (model.predictor ??= new ParallelPredictor(
      trained.forest,
      undefined,
      undefined,
      idleGate.buffer,
    )).predictLabels(rows);
  let done = 0;
  const importance = await modelPermutationImportanceAsync(trained, predictLabels, {
    signal: ctx.signal,
    onProgress: (f) => ctx.progress((done = f), message),
    between: async () => {
      if (background) {
        // A round predicted on this thread alone resolves in a microtask: without a macrotask
        // turn here, a click's job message would only be read after the last round.
        await new Promise((resolve) => setImmediate(resolve));
        await idleGate.whenNoJobRuns();
      }
      // Also where a cancel requested through main's shared flag is noticed (runner.ts).
      ctx.progress(done, message);
    },
  });
  // Filled in on the model itself: explainers and pools are cached per model object.
  (trained as { permutationImportance: readonly FeatureImportance[] }).permutationImportance = importance;
  return importance;
}
