/** worker_threads entry: wires the runner to the parent port and the shared cancel flags. */
import { parentPort, workerData } from 'node:worker_threads';
import { createRunner } from './runner';
import { createJobHandlers } from './jobs';
import { cancelSlotOf } from './cancelFlags';
import { setThreadBase } from './threadEntry';
import { idleGate } from './idleGate';
import { BACKGROUND_JOBS } from './permutationJob';

// This file stays at out/main/worker.js when bundled; the helper threads are built beside it.
setThreadBase(import.meta.url);

const port = parentPort;
if (!port) throw new Error('worker.ts must run inside a worker thread');

const flags: Int32Array | undefined = (workerData as { cancelFlags?: SharedArrayBuffer } | undefined)
  ?.cancelFlags
  ? new Int32Array((workerData as { cancelFlags: SharedArrayBuffer }).cancelFlags)
  : undefined;
const slots = new Map<string, number>();
/** Ids of running background jobs: not counted in the idle gate, they wait on it themselves. */
const background = new Set<string>();

// Jobs the user waits for are counted in the idle gate, so warm-up and background work step aside.
const post = (reply: Parameters<Parameters<typeof createRunner>[1]>[0]) => {
  port.postMessage(reply);
  if ((reply.type === 'result' || reply.type === 'error') && !background.delete(reply.id))
    idleGate.jobEnded();
};
const runner = createRunner(createJobHandlers(), post, {
  isCancelRequested: (id) => {
    const slot = slots.get(id);
    return flags !== undefined && slot !== undefined && Atomics.load(flags, slot) === 1;
  },
});

port.on('message', (message: Parameters<typeof runner.handle>[0] & { slot?: number }) => {
  if (message.type === 'job' && message.slot !== undefined) slots.set(message.id, cancelSlotOf(message.slot));
  if (message.type === 'job' && BACKGROUND_JOBS.has(message.kind)) background.add(message.id);
  else if (message.type === 'job') idleGate.jobStarted();
  runner.handle(message);
});
