/**
 * End-to-end harness: the built renderer in Debian's Chromium (playwright-core) with
 * `window.limeLens` bound to the REAL main-process dispatcher, handlers and built worker.
 * Electron can't run here; everything behind the preload is the app's own code.
 *
 * The page is served from a fake origin through the app:// protocol handler (same files,
 * same CSP and 404 rules); every other request is aborted and recorded.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { printerOn } from '../../../src-main/cli/chromium';
import type { AppInfoDTO, EventChannel, EventMap, InvokeChannel } from '../../../src-main/contract/ipc';
import { serveAppRequest } from '../../../src-main/services/appProtocol';
import { createHandlers } from '../../../src-main/services/handlers';
import { createIpcDispatcher, type Dispatch } from '../../../src-main/services/ipcDispatch';
import { createRecentFilesStore } from '../../../src-main/services/recentFiles';
import { createSenderPolicy, APP_ORIGIN } from '../../../src-main/services/senderPolicy';
import { createWorkerJobClient, type WorkerJobClient } from '../../../src-main/worker/client';
import { forkNodeHost } from '../../../src-main/worker/processLink';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const ORIGIN = 'https://lime-lens.test';
export const RESULTS_DIR = join(ROOT, 'test-results', 'e2e');
const RENDERER = join(ROOT, 'out', 'renderer');
const WORKER = join(ROOT, 'out', 'main', 'worker.js');
const WORKER_HOST = join(ROOT, 'out', 'main', 'workerHost.js');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

let shimSource: Promise<string> | undefined;
function preloadShim(): Promise<string> {
  shimSource ??= build({
    entryPoints: [fileURLToPath(new URL('./preloadShim.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  }).then((r) => r.outputFiles[0].text);
  return shimSource;
}

let browserPromise: Promise<Browser> | undefined;
export function sharedBrowser(): Promise<Browser> {
  browserPromise ??= chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return browserPromise;
}

export interface HarnessOptions {
  readonly locale?: 'en-US' | 'ko-KR';
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { width: number; height: number };
}

export interface Harness {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly dispatch: Dispatch;
  readonly jobs: WorkerJobClient;
  /** Requests the page tried to make outside the app origin (all were aborted). */
  readonly blockedRequests: string[];
  /** Uncaught page errors and console errors. */
  readonly pageErrors: string[];
  /** Every request the page made: channel and wall-clock start/end (ms since the epoch). */
  readonly calls: { channel: string; start: number; end: number }[];
  /** What the next "Open dataset…" dialog returns. */
  nextDialogPath: string | null;
  /** Exports and projects: what the next save dialog returns, what it was asked, the clipboard. */
  nextSavePath: string | null;
  nextProjectPath: string | null;
  readonly saveDialogs: { suggestedName: string; kind: string }[];
  readonly clipboardImages: Uint8Array[];
  /** Invokes a channel as the page would (through the real dispatcher), for test setup. */
  invoke<C extends InvokeChannel>(channel: C, args: unknown): Promise<unknown>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchHarness(options: HarnessOptions = {}): Promise<Harness> {
  const locale = options.locale ?? 'en-US';
  const browser = await sharedBrowser();
  const context = await browser.newContext({
    locale,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1400, height: 900 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  // Tests copy saved files next to the screenshots; on a fresh clone the folder does not exist yet.
  await mkdir(RESULTS_DIR, { recursive: true });
  const userData = await mkdtemp(join(tmpdir(), 'lime-lens-e2e-'));
  // As in the app: the built worker in a process of its own (the app uses a utilityProcess).
  const jobs = createWorkerJobClient({
    workerPath: WORKER,
    host: { spawn: forkNodeHost, hostPath: WORKER_HOST },
    log: () => undefined,
  });
  const policy = createSenderPolicy(ORIGIN);
  const blockedRequests: string[] = [];
  const pageErrors: string[] = [];

  const sendEvent = <C extends EventChannel>(channel: C, payload: EventMap[C]) => {
    void page
      .evaluate(([c, p]) => window.__limeLensEmit(c, p), [channel, payload] as const)
      .catch(() => undefined);
  };
  const harness: Harness = {
    page,
    context,
    jobs,
    blockedRequests,
    pageErrors,
    calls: [],
    nextDialogPath: null,
    nextSavePath: null,
    nextProjectPath: null,
    saveDialogs: [],
    clipboardImages: [],
    dispatch: undefined as unknown as Dispatch,
    invoke: (channel, args) =>
      harness.dispatch(channel, { url: `${ORIGIN}/index.html`, isMainFrame: true }, args),
    async screenshot(name) {
      const path = join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await context.close();
      await jobs.dispose();
      await rm(userData, { recursive: true, force: true });
    },
  };
  const appInfo = (): AppInfoDTO => ({ name: 'Lime Lens', version: '0.1.0', locale, platform: 'linux' });
  const handlers = createHandlers({
    jobs,
    samplesDir: join(ROOT, 'assets', 'samples'),
    recent: createRecentFilesStore({ file: join(userData, 'recent-files.json') }),
    dialogs: { openDataset: async () => harness.nextDialogPath },
    appInfo,
    sendEvent,
    files: {
      saveFile: async (suggestedName, kind) => {
        harness.saveDialogs.push({ suggestedName, kind });
        return harness.nextSavePath;
      },
      openProject: async () => harness.nextProjectPath,
      copyImage: async (png) => void harness.clipboardImages.push(png),
    },
    // Reports: Debian's Chromium prints the HTML main rendered, as Electron's printToPDF would.
    reportPrinter: {
      async printToPdf(html, options) {
        const printer = await printerOn(await sharedBrowser());
        try {
          return await printer.pdf(html, options);
        } finally {
          await printer.close();
        }
      },
    },
  });
  (harness as { dispatch: Dispatch }).dispatch = createIpcDispatcher({
    handlers,
    isTrustedSender: (url) => policy.isTrustedSender(url),
    log: () => undefined,
  });

  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      blockedRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    const response = await serveAppRequest(
      RENDERER,
      `${APP_ORIGIN}${url.pathname}`,
      route.request().method(),
    );
    return route.fulfill({
      status: response.status,
      headers: { ...response.headers },
      body: response.body ? Buffer.from(response.body) : '',
    });
  });
  await page.exposeBinding('__limeLensInvoke', async (source, channel: string, args: unknown) => {
    // The same sender check Electron's ipcMain gets: which frame asked, and is it the top one.
    const frame = source.frame;
    const start = Date.now();
    try {
      return await harness.dispatch(
        channel as InvokeChannel,
        { url: frame.url(), isMainFrame: frame === page.mainFrame() },
        args,
      );
    } finally {
      harness.calls.push({ channel, start, end: Date.now() });
    }
  });
  await page.addInitScript({ content: await preloadShim() });
  page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(`console: ${msg.text()}`);
  });
  await page.goto(`${ORIGIN}/index.html`);
  return harness;
}

export const samplePath = (name: string) => resolve(ROOT, 'assets', 'samples', name);
