/**
 * Main-side handle on the computation worker: one pending-jobs map keyed by job id,
 * cancellation through shared flags (engine loops are synchronous), and a worker that
 * is replaced when it crashes or ignores a cancel, so the app never hangs.
 */
import { Worker } from 'node:worker_threads';
import { CANCEL_SLOTS } from './cancelFlags';
import { threadEntry } from './threadEntry';
import type { JobClient, JobMap, JobName, RunOptions, WorkerReply } from './protocol';
import { JobError } from './protocol';

export interface WorkerJobClientOptions {
  /** Built worker (out/main/worker.js). Absent: worker.js beside this module, or worker.ts through tsx from source. */
  readonly workerPath?: string | URL;
  /** With no workerPath: the TypeScript entry to run through tsx (tests use their own). */
  readonly sourceEntry?: URL;
  /** After a cancel, how long a job may take to stop before the worker is replaced. */
  readonly cancelGraceMs?: number;
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: JobError) => void;
  readonly onProgress?: (fraction: number, message: string) => void;
  readonly slot: number;
  cancelTimer?: ReturnType<typeof setTimeout>;
}

export function createWorkerJobClient(options: WorkerJobClientOptions = {}): JobClient {
  const grace = options.cancelGraceMs ?? 3000;
  const log = options.log ?? ((level, message) => console[level](`[worker] ${message}`));
  const flagsBuffer = new SharedArrayBuffer(CANCEL_SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const flags = new Int32Array(flagsBuffer);
  const pending = new Map<string, Pending>();
  const restartListeners = new Set<(message: string) => void>();
  let sequence = 0;
  let slotCounter = 0;
  let disposed = false;
  let worker = spawn();

  function spawn(): Worker {
    const entry =
      options.workerPath !== undefined
        ? { path: options.workerPath, workerData: {} }
        : options.sourceEntry !== undefined
          ? {
              path: new URL('./tsBootstrap.mjs', import.meta.url),
              workerData: { entry: options.sourceEntry.href },
            }
          : threadEntry('worker');
    const w = new Worker(entry.path, { workerData: { cancelFlags: flagsBuffer, ...entry.workerData } });
    w.on('message', (reply: WorkerReply) => onReply(reply));
    w.on('error', (err) => replace(`The computation worker crashed: ${err.message}`));
    w.on('exit', (code) => {
      if (!disposed && w === worker) replace(`The computation worker exited unexpectedly (code ${code}).`);
    });
    return w;
  }

  /** Fails every pending job, starts a fresh worker and tells listeners (datasets and models are gone). */
  function replace(reason: string, kindForPending: 'internal' | 'cancelled' = 'internal'): void {
    if (disposed) return;
    const old = worker;
    worker = spawn();
    void old.terminate();
    const message = `${reason} It was restarted; please open the dataset again.`;
    for (const [id, p] of pending) {
      clearTimeout(p.cancelTimer);
      p.reject(
        new JobError(
          kindForPending === 'cancelled'
            ? { kind: 'cancelled', message: 'Cancelled' }
            : { kind: 'internal', message },
        ),
      );
      pending.delete(id);
    }
    log('warn', message);
    for (const listener of restartListeners) listener(message);
  }

  function onReply(reply: WorkerReply): void {
    if (reply.type === 'log') {
      log(reply.level, reply.message);
      return;
    }
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'progress') {
      p.onProgress?.(reply.fraction, reply.message);
      return;
    }
    pending.delete(reply.id);
    clearTimeout(p.cancelTimer);
    if (reply.type === 'result') p.resolve(reply.result);
    else {
      const { stack, ...error } = reply.error;
      if (error.kind === 'internal' && stack) log('error', stack);
      p.reject(new JobError(error));
    }
  }

  return {
    run<K extends JobName>(
      kind: K,
      args: JobMap[K]['args'],
      runOptions: RunOptions = {},
    ): Promise<JobMap[K]['result']> {
      if (disposed)
        return Promise.reject(new JobError({ kind: 'internal', message: 'The app is shutting down.' }));
      const id = runOptions.jobId ?? `job-${++sequence}`;
      if (pending.has(id))
        return Promise.reject(
          new JobError({ kind: 'internal', message: `Job id ${id} is already running.` }),
        );
      const slot = slotCounter++ % CANCEL_SLOTS;
      Atomics.store(flags, slot, 0);
      return new Promise((resolve, reject) => {
        pending.set(id, {
          resolve: resolve as (v: unknown) => void,
          reject,
          onProgress: runOptions.onProgress,
          slot,
        });
        worker.postMessage({ type: 'job', id, kind, args, slot });
      });
    },
    cancel(jobId: string): boolean {
      const p = pending.get(jobId);
      if (!p) return false;
      Atomics.store(flags, p.slot, 1);
      worker.postMessage({ type: 'cancel', id: jobId });
      p.cancelTimer ??= setTimeout(() => {
        if (pending.has(jobId)) replace('A cancelled job did not stop in time.', 'cancelled');
      }, grace);
      return true;
    },
    onRestart(listener) {
      restartListeners.add(listener);
      return () => restartListeners.delete(listener);
    },
    async dispose(): Promise<void> {
      disposed = true;
      for (const [id, p] of pending) {
        clearTimeout(p.cancelTimer);
        p.reject(new JobError({ kind: 'cancelled', message: 'The app is shutting down.' }));
        pending.delete(id);
      }
      await worker.terminate();
    },
  };
}
