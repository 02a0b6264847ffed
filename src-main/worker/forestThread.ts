/**
 * A tree-growing thread: takes tree indices from a shared counter until none are left, grows
 * each from the plan and its own seed, and posts it (buffers transferred) on its port. Which
 * thread grows which tree does not matter: tree i depends only on the plan and seeds[i].
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { growPlannedTree, TreeScratch, type FlatTree, type ForestPlan } from '../engine';

export interface ForestThreadData {
  readonly plan: ForestPlan;
  /** Int32 slots: [next tree index to take, trees finished]. */
  readonly counter: SharedArrayBuffer;
  readonly port: MessagePort;
}

export type ForestThreadMessage =
  | {
      readonly index: number;
      readonly tree: FlatTree;
      readonly importance: Float64Array;
    }
  | { readonly index: number; readonly error: string };

const { plan, counter, port } = workerData as ForestThreadData;
const slots = new Int32Array(counter);
const scratch = new TreeScratch();
for (;;) {
  const index = Atomics.add(slots, 0, 1);
  if (index >= plan.seeds.length) break;
  try {
    const grown = growPlannedTree(plan, plan.seeds[index], scratch);
    // Only what the forest keeps crosses, moved rather than copied: each array owns its buffer
    // (growTree slices them out of the scratch).
    const { nodeCount, feature, threshold, right, value, weight } = grown.tree;
    const tree: FlatTree = { nodeCount, feature, threshold, right, value, weight };
    const buffers = [feature, threshold, right, value, grown.importance].map((a) => a.buffer as ArrayBuffer);
    if (weight) buffers.push(weight.buffer as ArrayBuffer);
    port.postMessage({ index, tree, importance: grown.importance } satisfies ForestThreadMessage, buffers);
  } catch (err) {
    port.postMessage({ index, error: err instanceof Error ? err.message : String(err) });
  }
  Atomics.add(slots, 1, 1);
  Atomics.notify(slots, 1);
}
port.close();
