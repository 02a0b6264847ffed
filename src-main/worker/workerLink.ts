/**
 * One running compute worker as the job client sees it, whatever it runs in: a thread of
 * this process (createThreadLink) or a thread inside a separate process (processLink.ts).
 * The link delivers replies and reports, once, that the worker is gone and why.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerRestartReason } from '../contract/ipc';
import { createCancelBoard } from './cancelBoard';
import type { JobName, WorkerReply } from './protocol';
import { YOUNG_GENERATION_MB } from './youngGeneration';

export interface WorkerLink {
  startJob(id: string, kind: JobName, args: unknown): void;
  cancelJob(id: string): void;
  /** Asks the worker's event loop for a 'pong' reply. */
  ping(): void;
  /** Stops the worker; no failure is reported for it. */
  terminate(): Promise<void>;
  /** OS process id when the worker runs in a process of its own. */
  readonly pid: number | undefined;
}

export interface LinkEvents {
  reply(reply: WorkerReply): void;
  /** The worker died by itself (not through terminate); called at most once. */
  failed(reason: WorkerRestartReason, detail: string): void;
}

/** V8 heap of the compute thread, in MB, unless the caller sets one. */
export function defaultHeapLimitMb(totalMemoryBytes: number): number {
  const half = Math.floor(totalMemoryBytes / 2 / 2 ** 20);
  return Math.min(4096, Math.max(1024, half));
}

/**
 * Resident-memory cap of the worker process in MB: three quarters of the machine, so the
 * worker is stopped before the OS starts killing processes, but never below heap + 512 MB.
 */
export function defaultRssLimitMb(totalMemoryBytes: number, heapLimitMb: number): number {
  return Math.max(heapLimitMb + 512, Math.floor((totalMemoryBytes * 0.75) / 2 ** 20));
}

function isOutOfMemory(err: unknown): boolean {
  return (err as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * The compute worker as a worker_thread with a capped V8 heap: past the cap Node stops the
 * thread (ERR_WORKER_OUT_OF_MEMORY) instead of the process. Used directly (tests, CLI-like
 * callers) and by the worker host process for its compute thread.
 */
export function createThreadLink(
  entry: { readonly path: string | URL; readonly workerData: Record<string, unknown> },
  heapLimitMb: number,
  events: LinkEvents,
): WorkerLink {
  const board = createCancelBoard();
  const worker = new Worker(entry.path, {
    workerData: { cancelFlags: board.buffer, ...entry.workerData },
    resourceLimits: { maxOldGenerationSizeMb: heapLimitMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  let over = false;
  const fail = (reason: WorkerRestartReason, detail: string) => {
    if (over) return;
    over = true;
    events.failed(reason, detail);
  };
  worker.on('message', (reply: WorkerReply) => {
    if (reply.type === 'result' || reply.type === 'error') board.done(reply.id);
    events.reply(reply);
  });
  worker.on('error', (err) => fail(isOutOfMemory(err) ? 'out-of-memory' : 'crashed', err.message));
  worker.on('exit', (code) => fail('crashed', `exited with code ${code}`));
  return {
    pid: undefined,
    startJob(id, kind, args) {
      worker.postMessage({ type: 'job', id, kind, args, slot: board.assign(id) });
    },
    cancelJob(id) {
      board.cancel(id);
      worker.postMessage({ type: 'cancel', id });
    },
    ping() {
      worker.postMessage({ type: 'ping' });
    },
    async terminate() {
      over = true;
      await worker.terminate();
    },
  };
}
