/**
 * The worker's message loop, independent of worker_threads so it is unit-testable:
 * dispatches job requests to handlers, throttles progress, turns errors into data.
 */
import { CancelledError, UserFacingError } from '../engine/errors';
import type { ErrorDTO } from '../contract/ipc';
import type { MessageDTO } from '../contract/messages';
import type { JobMap, JobName, WorkerReply, WorkerRequest } from './protocol';
import { JobError } from './protocol';

export interface JobContext {
  /** Aborted when the job is cancelled. Engine loops check it between units of work. */
  readonly signal: AbortSignal;
  /** Reports progress (0..1); also the place where a cancel flag set by main is noticed. */
  progress(fraction: number, message: MessageDTO): void;
}

export type JobHandlers = {
  [K in JobName]: (
    args: JobMap[K]['args'],
    ctx: JobContext,
  ) => Promise<JobMap[K]['result']> | JobMap[K]['result'];
};

export interface RunnerOptions {
  /**
   * Reads a cancel flag shared with main (a SharedArrayBuffer slot): engine loops are
   * synchronous, so a 'cancel' message would only arrive after the job had finished.
   */
  readonly isCancelRequested?: (jobId: string) => boolean;
  /** Minimum milliseconds between two progress messages of one job. */
  readonly progressIntervalMs?: number;
  readonly now?: () => number;
}

export function toErrorDTO(err: unknown): ErrorDTO & { stack?: string } {
  if (err instanceof JobError) return err.error;
  if (err instanceof UserFacingError) {
    const { file, row, column, code, params } = err.details;
    return {
      kind: 'user',
      message: err.message,
      ...(file !== undefined && { file }),
      ...(row !== undefined && { row }),
      ...(column !== undefined && { column }),
      ...(code !== undefined && params !== undefined && { code, params }),
    };
  }
  if (err instanceof CancelledError || (err instanceof Error && err.name === 'AbortError')) {
    return { kind: 'cancelled', message: 'Cancelled' };
  }
  if (err instanceof RangeError) return { kind: 'user', message: err.message };
  const e = err instanceof Error ? err : new Error(String(err));
  return { kind: 'internal', message: e.message, ...(e.stack !== undefined && { stack: e.stack }) };
}

export function createRunner(
  handlers: JobHandlers,
  post: (reply: WorkerReply) => void,
  options: RunnerOptions = {},
) {
  const running = new Map<string, AbortController>();
  const interval = options.progressIntervalMs ?? 50;
  const now = options.now ?? (() => Date.now());

  async function runJob(id: string, kind: JobName, args: unknown): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    let lastProgress = -Infinity;
    const ctx: JobContext = {
      signal: controller.signal,
      progress(fraction, message) {
        if (!controller.signal.aborted && options.isCancelRequested?.(id)) controller.abort();
        const t = now();
        if (t - lastProgress < interval && fraction < 1) return;
        lastProgress = t;
        post({ type: 'progress', id, fraction: Math.min(1, Math.max(0, fraction)), message });
      },
    };
    try {
      const handler = handlers[kind] as (a: unknown, c: JobContext) => unknown;
      if (typeof handler !== 'function') throw new Error(`Unknown job kind: ${String(kind)}`);
      const result = await handler(args, ctx);
      if (controller.signal.aborted) throw new CancelledError();
      post({ type: 'result', id, result });
    } catch (err) {
      post({ type: 'error', id, error: toErrorDTO(err) });
    } finally {
      running.delete(id);
    }
  }

  return {
    handle(message: WorkerRequest): void {
      if (message.type === 'cancel') running.get(message.id)?.abort();
      else if (message.type === 'ping') post({ type: 'pong' });
      else void runJob(message.id, message.kind, message.args);
    },
    get runningCount(): number {
      return running.size;
    },
  };
}
