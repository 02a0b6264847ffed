/**
 * The compute worker in a process of its own (worker/host.ts), so that running out of memory
 * or crashing — even outside the V8 heap, in typed arrays or native code — ends that process
 * and never the app's main process. The app spawns it with Electron's utilityProcess
 * (app/workerProcess.ts); Node callers (tests, the e2e harness) with child_process.fork.
 */
import { fork } from 'node:child_process';
import type { WorkerRestartReason } from '../contract/ipc';
import type { HostToMain, MainToHost } from './hostProtocol';
import type { LinkEvents, WorkerLink } from './workerLink';

/** What the link needs of a child process, so Electron's utilityProcess and Node's fork both fit. */
export interface HostProcess {
  readonly pid: number | undefined;
  postMessage(message: MainToHost): void;
  kill(): void;
  onMessage(listener: (message: HostToMain) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
}

export type SpawnHost = (hostPath: string, args: readonly string[]) => HostProcess;

/** Arguments the host reads (see host.ts). */
export function hostArgs(options: {
  computeEntry?: string;
  heapLimitMb: number;
  rssLimitMb: number;
}): string[] {
  return [
    `--heap-mb=${options.heapLimitMb}`,
    `--rss-mb=${options.rssLimitMb}`,
    ...(options.computeEntry !== undefined ? [`--entry=${options.computeEntry}`] : []),
  ];
}

/** child_process.fork; a `.ts` host runs through tsx (tests run the host from source). */
export const forkNodeHost: SpawnHost = (hostPath, args) => {
  const child = fork(hostPath, [...args], {
    serialization: 'advanced',
    execArgv: hostPath.endsWith('.ts') ? ['--import', 'tsx'] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  let exited = false;
  child.on('exit', (code, signal) => {
    exited = true;
    for (const listener of exitListeners) listener(code, signal);
  });
  // A send to a process that just died is reported here; its exit follows and is what counts.
  child.on('error', () => undefined);
  return {
    pid: child.pid,
    postMessage(message) {
      if (!exited && child.connected) child.send(message);
    },
    kill() {
      child.kill('SIGKILL');
    },
    onMessage(listener) {
      child.on('message', (m) => listener(m as HostToMain));
    },
    onExit(listener) {
      exitListeners.push(listener);
    },
  };
};

export function createProcessLink(
  spawn: SpawnHost,
  hostPath: string,
  args: readonly string[],
  events: LinkEvents,
): WorkerLink {
  const child = spawn(hostPath, args);
  let over = false;
  const fail = (reason: WorkerRestartReason, detail: string) => {
    if (over) return;
    over = true;
    child.kill();
    events.failed(reason, detail);
  };
  child.onMessage((message) => {
    if (over) return;
    if (message.type === 'fatal') fail(message.reason, message.detail);
    else events.reply(message);
  });
  child.onExit((code, signal) =>
    fail('crashed', signal !== null ? `killed by ${signal}` : `exited with code ${code}`),
  );
  return {
    pid: child.pid,
    startJob(id, kind, args) {
      child.postMessage({ type: 'job', id, kind, args });
    },
    cancelJob(id) {
      child.postMessage({ type: 'cancel', id });
    },
    ping() {
      child.postMessage({ type: 'ping' });
    },
    async terminate() {
      over = true;
      child.kill();
    },
  };
}
