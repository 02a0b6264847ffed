/**
 * Lets warm-up work yield to the user's jobs. After training the worker warms its helper
 * thread and the explain pool (seconds of CPU on a 2-core machine); a case clicked meanwhile
 * must not share the cores with it. The compute thread counts running jobs in a shared Int32;
 * warm-up steps on this thread await `whenIdle()`, warm-up steps on other threads block in
 * `pauseWhileBusy` (Atomics.wait) between steps, so a job that arrives mid warm-up waits at
 * most one step. A job counts as running until QUIET_MS after it answered: clicks come in
 * bursts, and a warm-up step started between two of them would slow the second.
 */

/** Slot 0: jobs running on the compute thread (or answered less than quietMs ago). */
const BUSY = 0;
const QUIET_MS = 300;

export interface IdleGate {
  /** Hand to helper threads (their workerData) for pauseWhileBusy. */
  readonly buffer: SharedArrayBuffer;
  jobStarted(): void;
  jobEnded(): void;
  /** Resolves when no job runs (at once if none does). */
  whenIdle(): Promise<void>;
  /**
   * Resolves as soon as no job runs, without the quiet period: for background work the user
   * waits for too (permutation importance), which should only step aside while a job runs.
   */
  whenNoJobRuns(): Promise<void>;
}

export function createIdleGate(quietMs = QUIET_MS): IdleGate {
  const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const flags = new Int32Array(buffer);
  let waiting: (() => void)[] = [];
  let running = 0;
  let waitingForNone: (() => void)[] = [];
  return {
    buffer,
    jobStarted() {
      running++;
      Atomics.add(flags, BUSY, 1);
    },
    jobEnded() {
      if (--running === 0) {
        const resume = waitingForNone;
        waitingForNone = [];
        for (const r of resume) r();
      }
      setTimeout(() => {
        if (Atomics.sub(flags, BUSY, 1) !== 1) return;
        Atomics.notify(flags, BUSY);
        const resume = waiting;
        waiting = [];
        for (const r of resume) r();
      }, quietMs).unref?.();
    },
    whenIdle() {
      if (Atomics.load(flags, BUSY) === 0) return Promise.resolve();
      return new Promise((resolve) => waiting.push(resolve));
    },
    whenNoJobRuns() {
      if (running === 0) return Promise.resolve();
      return new Promise((resolve) => waitingForNone.push(resolve));
    },
  };
}

/** The compute thread's gate: worker.ts counts jobs in it, warm-up code waits on it. */
export const idleGate = createIdleGate();

/**
 * On a helper thread: blocks while the compute thread runs a job, unless `needed()` says the
 * caller now waits for this thread (then pausing would only delay that job). Rechecks every
 * 20 ms, so `needed` turning true is seen promptly.
 */
export function pauseWhileBusy(
  buffer: SharedArrayBuffer | undefined,
  needed: () => boolean = () => false,
): void {
  if (!buffer) return;
  const flags = new Int32Array(buffer);
  for (;;) {
    const busy = Atomics.load(flags, BUSY);
    if (busy === 0 || needed()) return;
    Atomics.wait(flags, BUSY, busy, 20);
  }
}
