/**
 * Grows a forest's trees on worker threads, for the compute worker and the CLI. The engine's
 * training loop is synchronous, so this grower is too: it blocks on a shared counter
 * (Atomics.wait) and takes finished trees off MessagePorts with receiveMessageOnPort, calling
 * onProgress in between (which is where the worker notices a cancel). Each tree comes from its
 * own seed in the plan, so the forest is identical whatever the number of threads.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { CancelledError, growPlannedTree, TreeScratch, type TreeGrower } from '../engine';
import type { ForestThreadData, ForestThreadMessage } from './forestThread';
import { threadEntry } from './threadEntry';

/** Below this many rows × trees, starting threads costs more than it saves (breast cancer: 36 400). */
const MIN_WORK = 400_000;
/** How often progress (and so cancel) is looked at while waiting, in ms. */
const POLL_MS = 100;

export interface ThreadedGrowerOptions {
  /** Default: the machine's available parallelism. */
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
    if (threads < 2 || (!options.always && plan.training.nRows * n < MIN_WORK)) {
      const scratch = new TreeScratch();
      plan.seeds.forEach((seed, t) => {
        if (signal?.aborted) throw new CancelledError();
        onTree(t, growPlannedTree(plan, seed, scratch));
        onProgress?.((t + 1) / n);
      });
      return;
    }
    // Histogram forests carry only bin codes, in a SharedArrayBuffer: every thread reads the same bytes.
    const sent = plan;
    const counter = new SharedArrayBuffer(8);
    const slots = new Int32Array(counter);
    const entry = threadEntry('forestThread', options.threadUrl);
    const ports: MessagePort[] = [];
    const workers: Worker[] = [];
    for (let i = 0; i < threads; i++) {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1);
      const data: ForestThreadData = { plan: sent, counter, port: port2 };
      workers.push(
        new Worker(entry.path, { workerData: { ...entry.workerData, ...data }, transferList: [port2] }),
      );
    }
    let received = 0;
    try {
      while (received < n) {
        const finished = Atomics.load(slots, 1);
        for (const port of ports) {
          for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
            const msg = m.message as ForestThreadMessage;
            if ('error' in msg) throw new Error(`Growing tree ${msg.index + 1} failed: ${msg.error}`);
            // Handed on at once: the forest packs it and the tree's own buffers can go.
            onTree(msg.index, { tree: msg.tree, importance: msg.importance });
            received++;
          }
        }
        if (received >= n) break;
        onProgress?.(received / n);
        if (signal?.aborted) throw new CancelledError();
        if (Atomics.load(slots, 1) === finished) Atomics.wait(slots, 1, finished, POLL_MS);
      }
      onProgress?.(1);
    } finally {
      for (const w of workers) void w.terminate();
      for (const p of ports) p.close();
    }
  };
}
