/**
 * Entry of the worker host process (out/main/workerHost.js): runs the compute worker as a
 * thread with a capped heap and relays jobs between it and main. This thread only relays,
 * so it is always free to raise a job's shared cancel flag at once, and when the compute
 * thread dies it tells main why and exits; main starts a fresh host.
 *
 * Electron's utilityProcess talks through process.parentPort, Node's fork through process.send.
 */
import { fileURLToPath } from 'node:url';
import type { HostToMain, MainToHost } from './hostProtocol';
import { createThreadLink } from './workerLink';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function argument(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const send: (message: HostToMain) => void = parentPort
  ? (m) => parentPort.postMessage(m)
  : (m) => process.send?.(m);

const entry = new URL(argument('entry') ?? './worker.js', import.meta.url);
const heapLimitMb = Number(argument('heap-mb') ?? 2048);
const fromSource = entry.pathname.endsWith('.ts');

/** Whole-process memory cap (MB): typed arrays live outside the V8 heap the thread cap bounds. */
const rssLimitMb = Number(argument('rss-mb') ?? heapLimitMb + 512);
let failed = false;

const link = createThreadLink(
  fromSource
    ? { path: new URL('./tsBootstrap.mjs', import.meta.url), workerData: { entry: entry.href } }
    : { path: fileURLToPath(entry), workerData: {} },
  heapLimitMb,
  {
    reply: send,
    failed(reason, detail) {
      if (failed) return;
      failed = true;
      send({ type: 'fatal', reason, detail });
      // Give the message time to leave before the process ends (main kills us on receipt anyway).
      setTimeout(() => process.exit(3), 1000);
    },
  },
);

function onMessage(message: MainToHost): void {
  if (message.type === 'job') link.startJob(message.id, message.kind, message.args);
  else if (message.type === 'ping') link.ping();
  else link.cancelJob(message.id);
}

if (parentPort) parentPort.on('message', (e) => onMessage(e.data as MainToHost));
else {
  process.on('message', (m) => onMessage(m as MainToHost));
  // Main is gone (or dropped us): nothing left to compute for.
  process.on('disconnect', () => process.exit(0));
}

// This thread only relays, so it can watch the process's resident memory and stop the compute
// thread before the OS has to: growth in typed arrays escapes the thread's heap cap.
setInterval(() => {
  const rssMb = process.memoryUsage.rss() / 2 ** 20;
  if (failed || rssMb <= rssLimitMb) return;
  failed = true;
  void link.terminate();
  send({
    type: 'fatal',
    reason: 'out-of-memory',
    detail: `the worker used ${Math.round(rssMb)} MB, over its ${rssLimitMb} MB limit`,
  });
  setTimeout(() => process.exit(3), 1000);
}, 100).unref();
