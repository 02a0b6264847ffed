/**
 * Dev-only: drives the built renderer against the FAKE api and saves screenshots to
 * test-results/renderer/ (light/dark, English/Korean) for a human to look at. Not a test.
 *
 *   npx electron-vite build && npx tsx test/e2e/fake-api/look.ts [scenario…]
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { FakeBackend } from './fakeBackend';
import { installFakeApi, serveRenderer } from './fakePage';

const root = resolve(import.meta.dirname, '../../..');
const outDir = resolve(root, 'test-results/renderer');
mkdirSync(outDir, { recursive: true });

interface Ctx {
  page: Page;
  backend: FakeBackend;
  shot: (name: string, fullView?: boolean) => Promise<void>;
}

async function openSample(page: Page, id: string): Promise<number> {
  const t0 = Date.now();
  await page.getByTestId(`sample-${id}`).click();
  await page.getByTestId('dataset-rows').waitFor();
  return Date.now() - t0;
}

async function train(page: Page): Promise<void> {
  await page.getByTestId('view-model').click();
  await page.getByTestId('train-button').click();
  await page.waitForSelector('[data-testid="train-summary"]', { timeout: 60_000 });
  await page.waitForTimeout(600);
}

async function settleCharts(page: Page): Promise<void> {
  await page.waitForTimeout(700);
}

const scenarios: Record<string, (c: Ctx) => Promise<void>> = {
  async breast({ page, shot }) {
    await shot('welcome');
    const ms = await openSample(page, 'breast_cancer');
    console.log(`breast_cancer: dataset facts visible ${ms} ms after the click`);
    await page.getByTestId('correlation-heatmap').scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-testid="correlation-heatmap"][data-rendered="true"]');
    await page.getByTestId('data-view').evaluate((el) => el.parentElement?.scrollTo(0, 0));
    await settleCharts(page);
    await shot('data', true);
    await page.getByTestId('view-model').click();
    await page.getByTestId('train-button').click();
    await page.waitForTimeout(450);
    await shot('training');
    await page.waitForSelector('[data-testid="train-summary"]', { timeout: 60_000 });
    await settleCharts(page);
    await shot('model', true);
    const acc = await page.getByTestId('metric-accuracy').getAttribute('data-value');
    const total = await page.getByTestId('confusion-matrix').getAttribute('data-total');
    console.log(`metric-accuracy data-value=${acc}, confusion data-total=${total}`);
    await page.getByTestId('view-data').click();
    await page.getByTestId('class-distribution').scrollIntoViewIfNeeded();
    await settleCharts(page);
    await page
      .getByTestId('class-distribution')
      .screenshot({ path: resolve(outDir, `${currentPrefix}-classes-split.png`) });
    await page.getByTestId('view-explain').click();
    // A misclassified case: the fake's probabilities are not saturated there.
    await page.getByTestId('filter-misclassified').check();
    await page.locator('[data-testid^="explain-case-"]').first().click();
    await page.waitForSelector('[data-testid="lime-weights"][data-rendered="true"]', { timeout: 30_000 });
    await settleCharts(page);
    await shot('explain', true);
    const rows = await page.getByTestId('lime-weight-row').count();
    console.log(`lime-weight-row count=${rows}`);
  },
  async iris({ page, shot }) {
    await openSample(page, 'iris');
    await settleCharts(page);
    await shot('data', true);
    await train(page);
    await shot('model', true);
    await page.getByTestId('view-explain').click();
    await page.getByTestId('filter-misclassified').check();
    const wrong = page.locator('[data-testid^="explain-case-"]').first();
    if ((await wrong.count()) === 0) await page.getByTestId('filter-misclassified').uncheck();
    await page.locator('[data-testid^="explain-case-"]').first().click();
    await page.waitForSelector('[data-testid="lime-weights"][data-rendered="true"]', { timeout: 30_000 });
    await settleCharts(page);
    await shot('explain', true);
  },
  async diabetes({ page, shot }) {
    await openSample(page, 'diabetes');
    await settleCharts(page);
    await shot('data', true);
    await train(page);
    await shot('model', true);
    await page.getByTestId('view-explain').click();
    await page.locator('[data-testid^="explain-case-"]').first().click();
    await page.waitForSelector('[data-testid="lime-weights"][data-rendered="true"]', { timeout: 30_000 });
    await settleCharts(page);
    await shot('explain', true);
  },
  async errors({ page, shot }) {
    await page.getByRole('button', { name: /ragged_rows\.csv/ }).click();
    await page.getByTestId('error-banner').waitFor();
    await shot('error-ragged');
    await page.getByTestId('error-dismiss').click();
    await page.getByRole('button', { name: /one_class\.csv/ }).click();
    await page.getByTestId('error-banner').waitFor();
    await shot('error-one-class');
  },
  async interaction({ page, backend, shot }) {
    const check = (what: string, ok: boolean): void => console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    // Drop a file anywhere: pathForFile → openDatasetPath.
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], 'iris.csv', { type: 'text/csv' }));
      return dt;
    });
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await page.dispatchEvent('main', 'dragover', { dataTransfer });
    await shot('drop-overlay');
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await page.getByTestId('dataset-rows').waitFor();
    check('drop opens iris.csv', (await page.getByTestId('dataset-file').textContent()) === 'iris.csv');
    // Keyboard: Ctrl+2 / Ctrl+3 / Ctrl+1.
    await page.keyboard.press('Control+2');
    check('Ctrl+2 shows Model', await page.getByTestId('model-view').isVisible());
    await page.keyboard.press('Control+3');
    check('Ctrl+3 shows Explain', await page.getByTestId('explain-view').isVisible());
    await page.keyboard.press('Control+1');
    check('Ctrl+1 shows Data', await page.getByTestId('data-view').isVisible());
    // Menu commands from main.
    backend.emit('menu:command', { type: 'set-language', language: 'ko' });
    await page.waitForTimeout(200);
    check('set-language ko', (await page.getByTestId('view-model').textContent())?.includes('모델') ?? false);
    backend.emit('menu:command', { type: 'set-theme', theme: 'dark' });
    await page.waitForTimeout(200);
    check('set-theme dark', (await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark');
    backend.emit('menu:command', { type: 'show-view', view: 'model' });
    await page.waitForTimeout(200);
    check('show-view model', await page.getByTestId('model-view').isVisible());
    // Escape cancels a running job.
    await page.getByTestId('train-button').click();
    await page.waitForTimeout(250);
    await page.keyboard.press('Escape');
    await page.getByTestId('notice-banner').waitFor();
    check(
      'Escape cancels training',
      (await page.getByTestId('notice-banner').textContent())?.includes('취소') ?? false,
    );
    await shot('cancelled');
    // Keyboard-only training: Tab to the button, Enter.
    await page.getByTestId('train-button').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="train-summary"]', { timeout: 30_000 });
    check('Enter on the focused train button trains', true);
    await page.keyboard.press('Control+3');
    await page.locator('[data-testid^="explain-case-"]').first().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await shot('focus-ring');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="lime-weights"][data-rendered="true"]', { timeout: 30_000 });
    check('Enter on a case explains it', (await page.getByTestId('lime-weight-row').count()) > 0);
    backend.emit('menu:command', { type: 'set-language', language: 'en' });
    backend.emit('menu:command', { type: 'about' });
    await page.waitForTimeout(300);
    check('about dialog opens', await page.locator('dialog[open]').isVisible());
    await shot('about');
    await page.keyboard.press('Escape');
    check('Escape closes about', (await page.locator('dialog[open]').count()) === 0);
    backend.emit('worker:status', { status: 'restarted', message: 'worker exited with code 1' });
    await page.waitForTimeout(200);
    check(
      'worker restart notice',
      (await page.getByTestId('notice-banner').textContent())?.includes('restarted') ?? false,
    );
  },
  async big({ page, shot }) {
    const ms = await openSample(page, 'big');
    console.log(`synthetic 100k: dataset facts visible ${ms} ms after the click`);
    const table = page.getByTestId('data-table');
    await table.evaluate((el) => el.scrollTo(0, 28 * 54_321));
    await page.waitForTimeout(600);
    // Long tasks while flinging through the table.
    const longest = await table.evaluate(async (el) => {
      const durations: number[] = [];
      const obs = new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => durations.push(e.duration)),
      );
      obs.observe({ type: 'longtask', buffered: false });
      for (let i = 0; i < 60; i++) {
        el.scrollTop += 28 * 700;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
      await new Promise((r) => setTimeout(r, 300));
      obs.disconnect();
      return { count: durations.length, max: Math.max(0, ...durations) };
    });
    console.log(
      `scrolling 60 frames × 700 rows: long tasks=${longest.count}, longest=${longest.max.toFixed(0)} ms`,
    );
    await table.evaluate((el) => el.scrollTo(0, 28 * 54_321));
    await page.waitForTimeout(500);
    await shot('table-scrolled');
  },
};

let currentPrefix = '';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const { url, server } = await serveRenderer(resolve(root, 'out/renderer'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const variants = [
    { theme: 'light' as const, locale: 'en-US' },
    { theme: 'dark' as const, locale: 'ko-KR' },
    { theme: 'dark' as const, locale: 'en-US' },
    { theme: 'light' as const, locale: 'ko-KR' },
  ];
  const runs: [string, (typeof variants)[number]][] = [
    ['breast', variants[0]],
    ['breast', variants[1]],
    ['iris', variants[2]],
    ['diabetes', variants[3]],
    ['errors', variants[0]],
    ['errors', variants[1]],
    ['big', variants[0]],
    ['interaction', variants[0]],
  ];
  try {
    for (const [name, v] of runs) {
      if (wanted.length > 0 && !wanted.includes(name)) continue;
      const context = await browser.newContext({
        viewport: { width: 1400, height: 900 },
        colorScheme: v.theme,
        locale: v.locale,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
      });
      const backend = await installFakeApi(page, {
        samplesDir: resolve(root, 'assets/samples'),
        locale: v.locale,
        stepMillis: 100,
      });
      currentPrefix = `${name}-${v.theme}-${v.locale.slice(0, 2)}`;
      const shot = async (label: string, fullView = false): Promise<void> => {
        const path = resolve(outDir, `${currentPrefix}-${label}.png`);
        if (fullView) {
          // The main area scrolls by itself; grow the window to its content for one tall picture.
          const height = await page.evaluate(() => {
            const main = document.querySelector('main');
            return main ? main.scrollHeight + 52 + 36 : 900;
          });
          await page.setViewportSize({ width: 1400, height: Math.min(6000, Math.max(900, height)) });
          await page.waitForTimeout(500);
          await page.screenshot({ path });
          await page.setViewportSize({ width: 1400, height: 900 });
        } else {
          await page.screenshot({ path });
        }
        console.log(`saved ${path}`);
      };
      await page.goto(url);
      await page.getByTestId('welcome').waitFor();
      try {
        await scenarios[name]({ page, backend, shot });
      } catch (e) {
        await page.screenshot({ path: resolve(outDir, `${currentPrefix}-FAILED.png`) });
        console.log(`FAILED ${name}: ${String(e).split('\n')[0]}`);
        process.exitCode = 1;
      }
      if (errors.length) console.log(`page errors/warnings in ${name}:\n  ${errors.join('\n  ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
