/**
 * The UI's own figures, in Debian's Chromium with the real handlers and worker (the e2e
 * harness): first paint after opening breast_cancer.csv, and long tasks (> 50 ms) on the
 * renderer's main thread while the worker trains and explains. Needs `electron-vite build`
 * (done here) and /usr/bin/chromium; skipped with a note otherwise.
 *
 * Run by bench/ui.bench.ts through vitest (vitest.bench-ui.config.ts): the real handlers render
 * the report layout, a .svelte file that only vite compiles. Rows go to $UI_BENCH_OUT as JSON.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { launchHarness, ROOT, sharedBrowser } from '../test/e2e/harness/harness';
import type { Row } from './forest.bench';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function measureUi({ quick = false } = {}): Promise<Row[]> {
  if (!existsSync(CHROMIUM)) {
    return [
      {
        name: 'UI benchmarks',
        ours_ms: Number.NaN,
        reference: '—',
        note: `skipped: no Chromium at ${CHROMIUM}`,
      },
    ];
  }
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const rows: Row[] = [];
  const paints: number[] = [];
  let longTasks: number[] = [];
  let afterJobs: number[] = [];
  for (let run = 0; run < (quick ? 1 : 5); run++) {
    const h = await launchHarness();
    const { page } = h;
    await page.getByTestId('welcome').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __long: [number, number][] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push([performance.timeOrigin + e.startTime, e.duration]);
      }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.getByTestId('sample-breast_cancer').click();
    await page.getByTestId('dataset-rows').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="data-table"] [role="row"]').length > 5,
    );
    paints.push(Date.now() - t0);
    // Long tasks while the worker computes: training, then explaining two cases.
    await page.evaluate(() => ((window as unknown as { __long: [number, number][] }).__long = []));
    await page.getByTestId('view-model').click();
    await page.getByTestId('train-button').click();
    await page.getByTestId('train-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('view-explain').click();
    for (const c of [0, 1]) {
      await page.locator('[data-testid^="explain-case-"]').nth(c).click();
      await page.waitForSelector('[data-testid="lime-weights"][data-rendered="true"]');
    }
    const tasks = await page.evaluate(() => (window as unknown as { __long: [number, number][] }).__long);
    const jobs = h.calls.filter((c) => c.channel === 'model:train' || c.channel === 'model:explain');
    // Only tasks that overlap a running job count; drawing the results afterwards is not "while the worker runs".
    const during = tasks.filter(([start, duration]) =>
      jobs.some((j) => start < j.end && start + duration > j.start),
    );
    longTasks = longTasks.concat(during.map(([, d]) => d));
    afterJobs = afterJobs.concat(tasks.filter((t) => !during.includes(t)).map(([, d]) => d));
    await h.close();
  }
  (await sharedBrowser()).close();
  paints.sort((a, b) => a - b);
  rows.push({
    name: 'UI: click breast-cancer sample → facts and table rows painted (median)',
    ours_ms: paints[paints.length >> 1],
    reference: 'target < 1 s',
    note: `runs: ${paints.join(', ')} ms`,
  });
  rows.push({
    name: 'UI: longest main-thread task while the worker trains or explains',
    ours_ms: longTasks.length ? Math.max(...longTasks) : 0,
    reference: 'target: none over 50 ms',
    note: `${longTasks.length} long task(s) > 50 ms during ${quick ? 1 : 5} × (train + 2 explains)`,
  });
  rows.push({
    name: 'UI: longest task drawing results after a job (charts)',
    ours_ms: afterJobs.length ? Math.max(...afterJobs) : 0,
    reference: '—',
    note: `${afterJobs.length} long task(s) > 50 ms`,
  });
  return rows;
}

it('measures the UI', async () => {
  const rows = await measureUi({ quick: process.env.UI_BENCH_QUICK === '1' });
  writeFileSync(process.env.UI_BENCH_OUT ?? 'ui-bench.json', JSON.stringify(rows));
}, 1_800_000);
