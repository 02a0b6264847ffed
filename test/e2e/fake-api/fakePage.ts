/**
 * Serves the built renderer over http://127.0.0.1 and installs a fake `window.limeLens` in a
 * Chromium page, forwarding every call to a FakeBackend in Node through `page.exposeBinding`
 * (the same shape the real harness will use with the real handlers). Dev-only.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { EventChannel, EventMap } from '../../../src-main/contract/ipc';
import { FakeBackend, type FakeBackendOptions } from './fakeBackend';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Static server for out/renderer on a random local port. */
export async function serveRenderer(root: string): Promise<{ url: string; server: Server }> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(base, path === '/' ? 'index.html' : path));
    if (!file.startsWith(base) || !existsSync(file) || statSync(file).isDirectory())
      file = join(base, 'index.html');
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, server };
}

/** Runs in the page before any app script: the curated API object, backed by the Node binding. */
const SHIM = `(() => {
  const listeners = new Map();
  const call = (method, ...args) => window.__fakeInvoke(method, args);
  window.__fakeEmit = (channel, payload) => {
    for (const l of listeners.get(channel) ?? []) l(payload);
  };
  Object.defineProperty(window, 'limeLens', {
    value: Object.freeze({
      appInfo: () => call('appInfo'),
      openDatasetDialog: () => call('openDatasetDialog'),
      openDatasetPath: (path, sheet) => call('openDatasetPath', path, sheet),
      openSample: (id) => call('openSample', id),
      pathForFile: (file) => (file && file.name ? '/home/user/data/' + file.name : ''),
      listSamples: () => call('listSamples'),
      recentFiles: () => call('recentFiles'),
      rows: (r) => call('rows', r),
      correlation: (r) => call('correlation', r),
      featureDistribution: (r) => call('featureDistribution', r),
      train: (jobId, datasetId, settings) => call('train', jobId, datasetId, settings),
      explain: (jobId, request) => call('explain', jobId, request),
      cancelJob: (jobId) => call('cancelJob', jobId),
      on: (channel, listener) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
        return () => set.delete(listener);
      },
    }),
  });
})();`;

type BackendMethod = Exclude<keyof FakeBackend, 'emit'>;

export async function installFakeApi(page: Page, options: FakeBackendOptions): Promise<FakeBackend> {
  const backend = new FakeBackend(options);
  await page.exposeBinding('__fakeInvoke', async (_source, method: BackendMethod, args: unknown[]) => {
    const fn = backend[method] as (...a: unknown[]) => Promise<unknown>;
    return fn.apply(backend, args);
  });
  backend.emit = <C extends EventChannel>(channel: C, payload: EventMap[C]): void => {
    void page
      .evaluate(
        ([c, p]) =>
          (globalThis as unknown as { __fakeEmit: (c: string, p: unknown) => void }).__fakeEmit(c, p),
        [channel, payload] as const,
      )
      .catch(() => {});
  };
  await page.addInitScript({ content: SHIM });
  return backend;
}
