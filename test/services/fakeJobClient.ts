import type { WorkerRestartReason } from '../../src-main/contract/ipc';
import type { JobClient, JobMap, JobName, RunOptions } from '../../src-main/worker/protocol';

type Impl = {
  [K in JobName]?: (args: JobMap[K]['args'], options: RunOptions) => Promise<JobMap[K]['result']>;
};

export interface FakeJobClient extends JobClient {
  readonly calls: { kind: JobName; args: unknown; options?: RunOptions }[];
  readonly cancelled: string[];
  restart(message: string, reason?: WorkerRestartReason): void;
}

/** A JobClient that records calls and answers from `impl` (jobs without an impl reject). */
export function fakeJobClient(impl: Impl = {}): FakeJobClient {
  const calls: FakeJobClient['calls'] = [];
  const cancelled: string[] = [];
  const listeners = new Set<(message: string, reason: WorkerRestartReason) => void>();
  return {
    calls,
    cancelled,
    async run<K extends JobName>(kind: K, args: JobMap[K]['args'], options?: RunOptions) {
      calls.push({ kind, args, ...(options && { options }) });
      const fn = impl[kind] as
        ((a: JobMap[K]['args'], o: RunOptions) => Promise<JobMap[K]['result']>) | undefined;
      if (!fn) throw new Error(`fake: no ${kind} job`);
      return fn(args, options ?? {});
    },
    cancel(jobId) {
      cancelled.push(jobId);
      return jobId === 'running';
    },
    onRestart(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restart(message, reason = 'crashed') {
      for (const l of listeners) l(message, reason);
    },
    async dispose() {},
  };
}
