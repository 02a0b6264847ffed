/**
 * Main-side handle on the computation worker: one pending-jobs map keyed by job id,
 * cancellation through shared flags (engine loops are synchronous), and a worker that
 * is replaced when it runs out of memory, crashes or ignores a cancel, so the app never
 * hangs and never goes down with it.
 *
 * The worker runs in a process of its own when `host` is given (the app: a utilityProcess;
 * the e2e harness: child_process.fork), else as a thread of this process; either way its
 * V8 heap is capped (see workerLink.ts).
 */
import { totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { WorkerRestartReason } from '../contract/ipc';
import type { MessageDTO } from '../contract/messages';
import { createProcessLink, hostArgs, type SpawnHost } from './processLink';
import type { JobClient, JobMap, JobName, RunOptions, WorkerReply } from './protocol';
import { JobError } from './protocol';
import { threadEntry } from './threadEntry';
import { createThreadLink, defaultHeapLimitMb, defaultRssLimitMb, type WorkerLink } from './workerLink';

export interface WorkerJobClientOptions {
  /** Built worker (out/main/worker.js). Absent: worker.js beside this module, or worker.ts through tsx from source. */
  readonly workerPath?: string | URL;
  /** With no workerPath: the TypeScript entry to run through tsx (tests use their own). */
  readonly sourceEntry?: URL;
  /**
   * Run the worker inside a separate process: `hostPath` is out/main/workerHost.js (or
   * worker/host.ts from source), `spawn` starts it; the compute entry is `workerPath` or
   * `sourceEntry` when given, else worker.js beside the host.
   */
  readonly host?: { readonly spawn: SpawnHost; readonly hostPath: string };
  /** V8 heap cap of the compute thread in MB; default half the machine's memory, 1–4 GB. */
  readonly heapLimitMb?: number;
  /** Process mode: resident-memory cap of the worker process in MB (typed arrays included); see defaultRssLimitMb. */
  readonly rssLimitMb?: number;
  /**
   * After a cancel, how long the worker's event loop may stay silent (no answer to a ping)
   * before it is replaced: a job stuck in a loop that ignores cancel. A job that is merely
   * waiting (queued behind others, or on a helper thread) answers the ping and is left alone.
   */
  readonly cancelGraceMs?: number;
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** The client plus what tests need to find the worker (e.g. to kill it). */
export interface WorkerJobClient extends JobClient {
  /** OS process id of the worker process (process mode), undefined for a thread. */
  readonly workerPid: number | undefined;
  /** How many times the worker was replaced. */
  readonly restarts: number;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: JobError) => void;
  readonly onProgress?: (fraction: number, message: MessageDTO) => void;
  cancelTimer?: ReturnType<typeof setTimeout>;
}

const REASON_TEXT: Readonly<Record<WorkerRestartReason, string>> = {
  'out-of-memory': 'The computation worker ran out of memory',
  crashed: 'The computation worker crashed',
  unresponsive: 'A cancelled job did not stop in time',
};

export function createWorkerJobClient(options: WorkerJobClientOptions = {}): WorkerJobClient {
  const grace = options.cancelGraceMs ?? 3000;
  const heapLimitMb = options.heapLimitMb ?? defaultHeapLimitMb(totalmem());
  const log = options.log ?? ((level, message) => console[level](`[worker] ${message}`));
  const pending = new Map<string, Pending>();
  const restartListeners = new Set<(message: string, reason: WorkerRestartReason) => void>();
  let sequence = 0;
  let restarts = 0;
  /** When the worker's event loop last answered a ping (ms since the epoch). */
  let lastPong = 0;
  let disposed = false;
  let link = spawn();

  function computeEntry(): { path: string | URL; workerData: Record<string, unknown> } {
    if (options.workerPath !== undefined) return { path: options.workerPath, workerData: {} };
    if (options.sourceEntry !== undefined) {
      return {
        path: new URL('./tsBootstrap.mjs', import.meta.url),
        workerData: { entry: options.sourceEntry.href },
      };
    }
    return threadEntry('worker');
  }

  function spawn(): WorkerLink {
    const events = {
      reply: (reply: WorkerReply) => onReply(reply),
      failed: (reason: WorkerRestartReason, detail: string) => {
        if (current === link) replace(reason, detail);
      },
    };
    let current: WorkerLink;
    if (options.host) {
      const explicit = options.workerPath ?? options.sourceEntry;
      const entry =
        explicit === undefined
          ? undefined
          : explicit instanceof URL
            ? explicit.href
            : pathToFileURL(explicit).href;
      current = createProcessLink(
        options.host.spawn,
        options.host.hostPath,
        hostArgs({
          heapLimitMb,
          rssLimitMb: options.rssLimitMb ?? defaultRssLimitMb(totalmem(), heapLimitMb),
          ...(entry !== undefined && { computeEntry: entry }),
        }),
        events,
      );
    } else {
      current = createThreadLink(computeEntry(), heapLimitMb, events);
    }
    return current;
  }

  /** Fails every pending job, starts a fresh worker and tells listeners (datasets and models are gone). */
  function replace(reason: WorkerRestartReason, detail: string): void {
    if (disposed) return;
    const old = link;
    restarts++;
    link = spawn();
    void old.terminate();
    const message = `${REASON_TEXT[reason]} (${detail}). It was restarted.`;
    for (const [id, p] of pending) {
      clearTimeout(p.cancelTimer);
      p.reject(
        new JobError(
          reason === 'unresponsive'
            ? { kind: 'cancelled', message: 'Cancelled' }
            : { kind: 'internal', message },
        ),
      );
      pending.delete(id);
    }
    log('warn', message);
    for (const listener of restartListeners) listener(message, reason);
  }

  /** Replaces the worker if, `grace` ms after a ping, the cancelled job is pending and no pong came. */
  function watchCancelled(jobId: string, p: Pending): void {
    const pingedAt = Date.now();
    const watched = link;
    watched.ping();
    p.cancelTimer = setTimeout(() => {
      if (pending.get(jobId) !== p || link !== watched) return;
      if (lastPong >= pingedAt) watchCancelled(jobId, p);
      else replace('unresponsive', `job ${jobId}`);
    }, grace);
  }

  function onReply(reply: WorkerReply): void {
    if (reply.type === 'log') {
      log(reply.level, reply.message);
      return;
    }
    if (reply.type === 'pong') {
      lastPong = Date.now();
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
    get workerPid() {
      return link.pid;
    },
    get restarts() {
      return restarts;
    },
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
      return new Promise((resolve, reject) => {
        pending.set(id, {
          resolve: resolve as (v: unknown) => void,
          reject,
          onProgress: runOptions.onProgress,
        });
        link.startJob(id, kind, args);
      });
    },
    cancel(jobId: string): boolean {
      const p = pending.get(jobId);
      if (!p) return false;
      link.cancelJob(jobId);
      if (p.cancelTimer === undefined) watchCancelled(jobId, p);
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
      await link.terminate();
    },
  };
}
