/**
 * Main's real handlers over the real worker in its own process (host and worker run from
 * source through tsx), with the events main would send to the window recorded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventChannel, EventMap, ModelSettingsDTO } from '../../src-main/contract/ipc';
import { createHandlers, type Handlers } from '../../src-main/services/handlers';
import { createRecentFilesStore } from '../../src-main/services/recentFiles';
import { createWorkerJobClient, type WorkerJobClient } from '../../src-main/worker/client';
import { forkNodeHost } from '../../src-main/worker/processLink';
import { MODEL_SETTINGS } from './ipcFixtures';

const src = (rel: string) => new URL(`../../src-main/worker/${rel}`, import.meta.url);

export interface RealBackend {
  readonly handlers: Handlers;
  readonly jobs: WorkerJobClient;
  readonly events: { channel: EventChannel; payload: unknown }[];
  /** Called for every event as it is sent (tests kill the worker from here). */
  onEvent?: <C extends EventChannel>(channel: C, payload: EventMap[C]) => void;
  /** Resolves with the next worker:status event. */
  nextRestart(): Promise<EventMap['worker:status']>;
  close(): Promise<void>;
}

export async function realBackend(options: { heapLimitMb?: number } = {}): Promise<RealBackend> {
  const userData = await mkdtemp(join(tmpdir(), 'lime-real-'));
  const jobs = createWorkerJobClient({
    host: { spawn: forkNodeHost, hostPath: fileURLToPath(src('host.ts')) },
    sourceEntry: src('worker.ts'),
    log: () => undefined,
    ...(options.heapLimitMb !== undefined && { heapLimitMb: options.heapLimitMb }),
  });
  const waiters: ((e: EventMap['worker:status']) => void)[] = [];
  const backend: RealBackend = {
    jobs,
    events: [],
    handlers: undefined as unknown as Handlers,
    nextRestart: () => new Promise((resolve) => waiters.push(resolve)),
    async close() {
      await jobs.dispose();
      await rm(userData, { recursive: true, force: true });
    },
  };
  (backend as { handlers: Handlers }).handlers = createHandlers({
    jobs,
    samplesDir: fileURLToPath(new URL('../../assets/samples', import.meta.url)),
    recent: createRecentFilesStore({ file: join(userData, 'recent.json') }),
    dialogs: { openDataset: async () => null },
    appInfo: () => ({ name: 'Lime Lens', version: '0.1.0', locale: 'en-US', platform: 'linux' }),
    sendEvent: (channel, payload) => {
      backend.events.push({ channel, payload });
      backend.onEvent?.(channel, payload);
      if (channel === 'worker:status')
        waiters.splice(0).forEach((w) => w(payload as EventMap['worker:status']));
    },
    log: () => undefined,
  });
  return backend;
}

/** Breast cancer with every feature, the reference workflow's forest (trees configurable). */
export function breastCancerSettings(featureNames: readonly string[], nEstimators = 100): ModelSettingsDTO {
  return { ...MODEL_SETTINGS, features: featureNames.filter((n) => n !== 'diagnosis'), nEstimators };
}
