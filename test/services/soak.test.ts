/**
 * Soak: explanations and trainings through main's real handlers and the real worker in its
 * own process, with cancels in between. Every request gets exactly one answer (checked at the
 * handlers and on the wire from the worker), and memory stays flat in main and in the worker.
 *
 * Quick by default (CI); `SOAK=1` runs the long version: 1 000 explanations and 50 trainings.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../src-main/contract/ipc';
import { createHandlers } from '../../src-main/services/handlers';
import { createRecentFilesStore } from '../../src-main/services/recentFiles';
import { createWorkerJobClient } from '../../src-main/worker/client';
import type { HostToMain, MainToHost } from '../../src-main/worker/hostProtocol';
import { forkNodeHost, type SpawnHost } from '../../src-main/worker/processLink';
import { LIME_SETTINGS } from './ipcFixtures';
import { breastCancerSettings } from './realBackend';

const LONG = process.env.SOAK === '1';
const TRAININGS = LONG ? 50 : 3;
const EXPLANATIONS = LONG ? 1000 : 60;
/** Explanations sent at once (the renderer sends one at a time; concurrency stresses the bookkeeping). */
const CONCURRENT = 4;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Resident memory of a process in MB (Linux /proc; undefined elsewhere). */
function rssMbOf(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Spawns the real host and records every job sent and every final answer received, per id. */
function recordingSpawn(): { spawn: SpawnHost; started: string[]; answers: Map<string, number> } {
  const started: string[] = [];
  const answers = new Map<string, number>();
  const spawn: SpawnHost = (hostPath, args) => {
    const child = forkNodeHost(hostPath, args);
    return {
      get pid() {
        return child.pid;
      },
      postMessage(m: MainToHost) {
        if (m.type === 'job') started.push(m.id);
        child.postMessage(m);
      },
      kill: () => child.kill(),
      onMessage(listener) {
        child.onMessage((m: HostToMain) => {
          if (m.type === 'result' || m.type === 'error') answers.set(m.id, (answers.get(m.id) ?? 0) + 1);
          listener(m);
        });
      },
      onExit: (listener) => child.onExit(listener),
    };
  };
  return { spawn, started, answers };
}

const wire = recordingSpawn();
const jobs = createWorkerJobClient({
  host: {
    spawn: wire.spawn,
    hostPath: fileURLToPath(new URL('../../src-main/worker/host.ts', import.meta.url)),
  },
  sourceEntry: new URL('../../src-main/worker/worker.ts', import.meta.url),
  // The machine running the tests may be loaded far beyond its cores: a cancelled job queued
  // behind others must not be taken for a stuck one (that has its own test in job-client.test.ts).
  cancelGraceMs: 15_000,
  log: () => undefined,
});
let onProgress: ((jobId: string) => void) | undefined;
const restarts: unknown[] = [];
const handlers = createHandlers({
  jobs,
  samplesDir: fileURLToPath(new URL('../../assets/samples', import.meta.url)),
  recent: createRecentFilesStore({ file: '/nonexistent/lime-soak/recent.json' }),
  dialogs: { openDataset: async () => null },
  appInfo: () => ({ name: 'Lime Lens', version: '0.1.0', locale: 'en-US', platform: 'linux' }),
  sendEvent: (channel, payload) => {
    if (channel === 'job:progress') onProgress?.((payload as { jobId: string }).jobId);
    if (channel === 'worker:status') restarts.push(payload);
  },
  log: () => undefined,
});
afterAll(() => jobs.dispose());

interface Sample {
  readonly label: string;
  readonly mainHeapMb: number;
  readonly mainRssMb: number;
  readonly workerRssMb: number | undefined;
}
function sample(label: string): Sample {
  gc();
  const m = process.memoryUsage();
  return {
    label,
    mainHeapMb: m.heapUsed / 2 ** 20,
    mainRssMb: m.rss / 2 ** 20,
    workerRssMb: jobs.workerPid === undefined ? undefined : rssMbOf(jobs.workerPid),
  };
}

describe(`soak (${LONG ? 'long' : 'quick'}): ${EXPLANATIONS} explanations, ${TRAININGS} trainings`, () => {
  it(
    'answers every request exactly once and keeps memory flat',
    { timeout: LONG ? 1_800_000 : 240_000 },
    async () => {
      const opened = await handlers['dataset:open-sample']({ sampleId: 'breast_cancer' });
      if (!opened.ok) throw new Error(opened.error.message);
      const { datasetId } = opened.value;
      const settings = breastCancerSettings(opened.value.columns.map((c) => c.name));
      const tally = { requests: 0, answers: 0, ok: 0, cancelled: 0, failed: [] as string[] };
      const count = <T>(outcome: Outcome<T>, what = 'training') => {
        tally.answers++;
        if (outcome.ok) tally.ok++;
        else if (outcome.error.kind === 'cancelled') tally.cancelled++;
        else tally.failed.push(`${what}: ${outcome.error.message}`);
        return outcome;
      };
      const samples: Sample[] = [];
      const perTraining = Math.ceil(EXPLANATIONS / TRAININGS);
      let explained = 0;
      let firstWeights: string | undefined;

      for (let t = 0; explained < EXPLANATIONS || t < TRAININGS; t++) {
        // Every third training is cancelled at its first progress report, then trained again.
        if (t % 3 === 1) {
          const jobId = `train-${t}-cancelled`;
          onProgress = (id) => {
            if (id === jobId) void handlers['job:cancel']({ jobId });
          };
          tally.requests++;
          count(
            await handlers['model:train']({ jobId, datasetId, settings: { ...settings, nEstimators: 400 } }),
          );
          onProgress = undefined;
        }
        tally.requests++;
        const trained = count(await handlers['model:train']({ jobId: `train-${t}`, datasetId, settings }));
        if (!trained.ok) throw new Error(trained.error.message);
        const { modelId } = trained.value;

        for (let k = 0; k < perTraining && explained < EXPLANATIONS; k += CONCURRENT) {
          const batch: Promise<unknown>[] = [];
          for (let c = 0; c < CONCURRENT && explained < EXPLANATIONS; c++, explained++) {
            const jobId = `x-${explained}`;
            const row = ((explained * 37) % 569) + 1;
            tally.requests++;
            const answer = handlers['model:explain']({
              jobId,
              request: { modelId, row, settings: LIME_SETTINGS },
            }).then((o) => {
              count(o, `${jobId} (model ${modelId}, training ${t})`);
              // Seeded: row 1 explains the same way under every (identically trained) model.
              if (o.ok && row === 1) {
                const w = JSON.stringify(o.value.weights);
                firstWeights ??= w;
                expect(w).toBe(firstWeights);
              }
            });
            // One explanation in ten is cancelled straight away (it may already be done: either answer is fine).
            if (explained % 10 === 5) void handlers['job:cancel']({ jobId });
            batch.push(answer);
          }
          await Promise.all(batch);
        }
        if (t === 0) samples.push(sample('after warm-up (1 training + its explanations)'));
      }
      samples.push(sample('end'));

      const [warm, end] = samples;
      const fmt = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(1)} MB`);
      console.log(
        [
          `soak ${LONG ? 'long' : 'quick'}: ${tally.requests} requests, ${tally.ok} ok, ${tally.cancelled} cancelled, ${tally.failed.length} failed`,
          ...samples.map(
            (s) =>
              `  ${s.label}: main heap ${fmt(s.mainHeapMb)}, main rss ${fmt(s.mainRssMb)}, worker rss ${fmt(s.workerRssMb)}`,
          ),
        ].join('\n'),
      );

      expect(tally.failed).toEqual([]);
      expect(tally.answers).toBe(tally.requests);
      // Trainings 1, 4, 7, … are preceded by one that is cancelled.
      expect(tally.requests).toBe(EXPLANATIONS + TRAININGS + Math.floor((TRAININGS + 1) / 3));
      expect(tally.cancelled).toBeGreaterThanOrEqual(Math.floor((TRAININGS + 1) / 3));
      expect(firstWeights).toBeDefined();
      // On the wire: every job the worker was sent got exactly one final answer.
      expect(wire.started).toHaveLength(tally.requests + 1); // + the dataset load
      expect(new Set(wire.started).size).toBe(wire.started.length);
      expect(wire.started.filter((id) => wire.answers.get(id) !== 1)).toEqual([]);
      expect(restarts).toEqual([]);
      // Flat memory: what main holds does not grow with the number of requests.
      expect(end.mainHeapMb - warm.mainHeapMb).toBeLessThan(LONG ? 15 : 10);
      if (warm.workerRssMb !== undefined && end.workerRssMb !== undefined) {
        expect(end.workerRssMb - warm.workerRssMb).toBeLessThan(LONG ? 150 : 150);
      }
    },
  );
});
