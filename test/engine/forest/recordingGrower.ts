import { growPlannedTree } from '../../../src-main/engine/forest/forestPlan';
import type { TreeGrower } from '../../../src-main/engine/forest/forestPlan';
import type { FlatTree } from '../../../src-main/engine/forest/flatTree';

/**
 * Grows the trees one after another, as the engine does, and records each as growTree returned
 * it: with its per-node distinct rows (`samples`) and impurity, which a trained forest does not keep.
 */
export function recordingGrower(into: FlatTree[]): TreeGrower {
  return (plan, { onTree }) =>
    plan.seeds.forEach((seed, t) => {
      const grown = growPlannedTree(plan, seed);
      into[t] = grown.tree;
      onTree(t, grown);
    });
}
