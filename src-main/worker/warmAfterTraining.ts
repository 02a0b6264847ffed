/**
 * What the worker does while the user reads a new model's metrics, so the first explanation
 * and the first "explain all" cost what later ones do. The engine's own explanation path is warm
 * already (trainModel and restoreModel end by rehearsing it, see rehearseExplanations); here the
 * explain jobs' own code is rehearsed and the explain pool for the default LIME settings started
 * (its threads warm themselves).
 *
 * No second prediction thread is started any more: with the neighbourhood shared, an explanation
 * with the model's settings predicts one row, and a thread compiling the trees (~360 ms of CPU
 * on breast cancer) only competed with the user's first click. Neighbourhoods that are not
 * shared (another seed or sample count) are predicted here, by a forest that compiles itself
 * once they keep coming (forest/tieredPredict.ts); imported models still get the thread for
 * permutation importance (permutationJob.ts).
 */
import { DEFAULT_LIME_SETTINGS } from '../engine';
import { poolFor } from './modelPool';
import { idleGate } from './idleGate';
import type { Model } from './session';

/** Above this many nodes in all, a forest is not compiled (compiledForest.ts), so threads gain little. */
const POOL_MAX_NODES = 60_000;

/**
 * Runs after a train job has answered, one step after another so the steps do not fight over
 * the cores while the user may already click a case: (1) `rehearsals.one` (a throwaway explain
 * job), (2) the explain pool for the default settings,
 * whose threads warm themselves one at a time ("explain all" and stability checks use it), then
 * `rehearsals.many` (a throwaway explainMany through it). Every step, here and on those threads,
 * first waits until no job runs (idleGate.ts). `isCurrent` says whether the model is still the
 * session's; a newer one stops the work. Pools are only started for small forests: each pool
 * thread holds a copy of the trees.
 */
export async function warmAfterTraining(
  model: Model,
  isCurrent: () => boolean,
  /** Throwaway runs of the explain jobs themselves (one case, a few cases through the pool). */
  rehearsals: { readonly one?: () => unknown; readonly many?: () => unknown } = {},
): Promise<void> {
  const { trained } = model;
  const settings = DEFAULT_LIME_SETTINGS;
  // Each step waits until no job runs: a click meanwhile goes first (idleGate.ts).
  const ready = async () => {
    await idleGate.whenIdle();
    return isCurrent();
  };
  if (rehearsals.one) {
    if (!(await ready())) return;
    await rehearsals.one();
  }
  const nodes = trained.forest.trees.reduce((n, t) => n + t.nodeCount, 0);
  if (!(await ready()) || model.pool || nodes > POOL_MAX_NODES) return;
  await poolFor(model, settings).whenWarm();
  if (!(await ready())) return;
  await rehearsals.many?.();
}
