/**
 * Grows a forest's trees on worker threads, for the compute worker and the CLI. The engine's
 * training loop is synchronous, so this grower is too. The calling thread grows trees itself (up
 * to CALLER_GROWS_MAX_ROWS training rows), taking them from the same shared counter as its
 * helper threads: one thread fewer to start, and one V8 heap and set of grower buffers fewer held
 * while the forest grows (the caller would otherwise only wait). Between its own trees, and once
 * none are left while it waits on the counter of finished trees (Atomics.wait), it takes the
 * helpers' trees off MessagePorts with receiveMessageOnPort and calls onProgress (which is where
 * the worker notices a cancel). Each tree comes from its own seed in the plan, so the forest is
 * identical whatever the number of threads.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { CancelledError, growPlannedTree, TreeScratch, type TreeGrower } from '../engine';
import type { ForestThreadData, ForestThreadMessage } from './forestThread';
import { threadEntry } from './threadEntry';
import { YOUNG_GENERATION_MB } from './youngGeneration';

/** Below this many rows × trees, starting threads costs more than it saves (breast cancer: 36 400). */
const MIN_WORK = 400_000;
/** How often progress (and so cancel) is looked at while waiting, in ms. */
const POLL_MS = 100;
/**
 * Above this many training rows the calling thread only waits. It notices a cancel between its
 * own trees, and a tree of 400 000 rows took ~1–2 s on the 2-core machines we measure on; the
 * app replaces a worker that leaves a cancel unanswered for 3 s (client.ts), so larger trees
 * grow on helper threads only, with progress looked at every POLL_MS.
 */
const CALLER_GROWS_MAX_ROWS = 500_000;

export interface ThreadedGrowerOptions {
  /** Threads growing trees, the calling one included. Default: the machine's available parallelism. */
  readonly threads?: number;
  /** Grow on threads even for small forests (tests). */
  readonly always?: boolean;
  /** The thread's script; default: built beside the worker, or the source through tsx. */
  readonly threadUrl?: URL;
}

export function threadedTreeGrower(options: ThreadedGrowerOptions = {}): TreeGrower {
  return (plan, { onTree, onProgress, signal }) => {
    const n = plan.seeds.length;
    const threads = Math.min(options.threads ?? availableParallelism(), n);
    // Alone: this thread grows every tree (starting threads would cost more than they save).
    const alone = threads < 2 || (!options.always && plan.training.nRows * n < MIN_WORK);
    const callerGrows = alone || plan.training.nRows <= CALLER_GROWS_MAX_ROWS;
    const helpers = alone ? 0 : callerGrows ? threads - 1 : threads;
    // Histogram forests carry only bin codes, in a SharedArrayBuffer: every thread reads the same bytes.
    const counter = new SharedArrayBuffer(8);
    const slots = new Int32Array(counter);
    const entry = threadEntry('forestThread', options.threadUrl);
    const ports: MessagePort[] = [];
    const workers: Worker[] = [];
    for (let i = 0; i < helpers; i++) {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1);
      const data: ForestThreadData = { plan, counter, port: port2 };
      workers.push(
        new Worker(entry.path, {
          workerData: { ...entry.workerData, ...data },
          transferList: [port2],
          resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
        }),
      );
    }
    let received = 0;
    const takeHelpersTrees = () => {
      for (const port of ports) {
        for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
          const msg = m.message as ForestThreadMessage;
          if ('error' in msg) throw new Error(`Growing tree ${msg.index + 1} failed: ${msg.error}`);
          // Handed on at once: the forest packs it and the tree's own buffers can go.
          onTree(msg.index, { tree: msg.tree, importance: msg.importance });
          received++;
        }
      }
    };
    try {
      const scratch = new TreeScratch();
      while (callerGrows) {
        if (signal?.aborted) throw new CancelledError();
        const index = Atomics.add(slots, 0, 1);
        if (index >= n) break;
        onTree(index, growPlannedTree(plan, plan.seeds[index], scratch));
        received++;
        takeHelpersTrees();
        onProgress?.(received / n);
      }
      // The rest are on the helpers.
      while (received < n) {
        const finished = Atomics.load(slots, 1);
        takeHelpersTrees();
        onProgress?.(received / n);
        if (received >= n) break;
        if (signal?.aborted) throw new CancelledError();
        if (Atomics.load(slots, 1) === finished) Atomics.wait(slots, 1, finished, POLL_MS);
      }
    } finally {
      for (const w of workers) void w.terminate();
      for (const p of ports) p.close();
    }
  };
}
