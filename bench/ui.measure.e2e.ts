/**
 * The UI's own figures, in Debian's Chromium with the real handlers and worker (the e2e
 * harness): first paint after opening breast_cancer.csv, and long tasks (> 50 ms) on the
 * renderer's main thread while the worker trains and explains and while results are drawn
 * afterwards, each named after what it was (bench/uiTasks.ts) and with its main-thread CPU time
 * from a Chrome trace (on a shared machine a task's wall time includes waiting for a core).
 * Needs `electron-vite build` (done here) and /usr/bin/chromium; skipped with a note otherwise.
 *
 * Run by bench/ui.bench.ts through vitest (vitest.bench-ui.config.ts): the real handlers render
 * the report layout, a .svelte file that only vite compiles. Rows go to $UI_BENCH_OUT as JSON.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { launchHarness, ROOT, sharedBrowser } from '../test/e2e/harness/harness';
import type { Row } from './forest.bench';
import {
  cpuTimes,
  nameTask,
  stepAt,
  taskSource,
  traceTasks,
  type Frame,
  type NamedTask,
  type Span,
  type TraceEvent,
} from './uiTasks';

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
  const runs = quick ? 1 : 5;
  const rows: Row[] = [];
  const paints: number[] = [];
  const during: NamedTask[] = [];
  const after: NamedTask[] = [];
  const dataView: NamedTask[] = [];
  for (let run = 0; run < runs; run++) {
    const h = await launchHarness();
    const { page } = h;
    await page.getByTestId('welcome').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __long: Span[]; __frames: Frame[] };
      w.__long = [];
      w.__frames = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          w.__long.push({ name: '', start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
      // Long animation frames carry script attribution: which entry point ran how long.
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as LoafEntry[]) {
          if (e.duration <= 50) continue;
          w.__frames.push({
            name: '',
            start: e.startTime,
            duration: e.duration,
            renderStart: e.renderStart,
            styleAndLayoutStart: e.styleAndLayoutStart,
            scripts: e.scripts.map((x) => ({
              name: x.invoker,
              invokerType: x.invokerType,
              start: x.startTime,
              duration: x.duration,
            })),
          });
        }
      }).observe({ type: 'long-animation-frame' });
      // Each click is a step, marked as it happens: a task is named after the click it followed.
      document.addEventListener(
        'click',
        (e) => {
          const target = e.target instanceof Element ? e.target.closest('[data-testid]') : null;
          performance.mark(`step:click ${target?.getAttribute('data-testid') ?? 'elsewhere'}`);
        },
        true,
      );
    });
    const t0 = Date.now();
    await page.getByTestId('sample-breast_cancer').click();
    await page.getByTestId('dataset-rows').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="data-table"] [role="row"]').length > 5,
    );
    paints.push(Date.now() - t0);
    // Tasks before the first paint are the paint's own cost; count from here.
    await page.evaluate(() => ((window as unknown as { __long: Span[] }).__long = []));
    // A trace gives each long task's CPU time: the machine is shared, and wall time counts waiting.
    const browser = await sharedBrowser();
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', '__metadata'] });
    await page.getByTestId('view-model').click();
    await page.getByTestId('train-button').click();
    await page.getByTestId('train-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('view-explain').click();
    for (const c of [0, 1]) {
      await page.locator('[data-testid^="explain-case-"]').nth(c).click();
      await page.waitForSelector('[data-testid="lime-weights"][data-rendered="true"]');
    }
    // Back to the Data view, scrolled through, until every chart on it is drawn (the correlation
    // heatmap is the largest chart): measured apart from the results after a job.
    await page.waitForTimeout(500);
    await page.getByTestId('view-data').click();
    await page.getByTestId('correlation-heatmap').scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => {
        const charts = [...document.querySelectorAll('.chart[data-rendered]')];
        return charts.length >= 3 && charts.every((c) => c.getAttribute('data-rendered') === 'true');
      },
      undefined,
      { timeout: 30_000 },
    );
    // The last chart's frames land after it reports itself drawn.
    await page.waitForTimeout(500);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __long: Span[]; __frames: Frame[] };
      const spans = (type: string) =>
        performance
          .getEntriesByType(type)
          .map((e) => ({ name: e.name, start: e.startTime, duration: e.duration }));
      return {
        origin: performance.timeOrigin,
        tasks: w.__long,
        frames: w.__frames,
        measures: spans('measure').filter((m) => m.name.startsWith('chart ')),
        marks: spans('mark').filter((m) => m.name.startsWith('chart ')),
        steps: spans('mark')
          .filter((m) => m.name.startsWith('step:'))
          .map((m) => ({ ...m, name: m.name.slice(5) })),
      };
    });
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const cpu = cpuTimes(seen.tasks, trace.traceEvents);
    // What posted each task: names a task the page's attribution leaves unnamed.
    const inTrace = traceTasks(seen.tasks, trace.traceEvents);
    const jobs = h.calls.filter((c) => c.channel === 'model:train' || c.channel === 'model:explain');
    for (const [i, task] of seen.tasks.entries()) {
      const what = nameTask(task, seen.measures, seen.frames, seen.marks);
      const source = taskSource(inTrace[i]);
      const named: NamedTask = {
        start: task.start,
        duration: task.duration,
        cpu: cpu[i],
        step: stepAt(task, seen.steps),
        what: what === 'unattributed' && source ? `unattributed: ${source}` : what,
      };
      const wall = seen.origin + task.start;
      // Only tasks that overlap a running job count; drawing the results afterwards is not "while the worker runs".
      const overlapsJob = jobs.some((j) => wall < j.end && wall + task.duration > j.start);
      // The Data view's charts still drawing after its rows painted (step: the sample click) are not
      // results of a job either: they count with the Data view's.
      const dataViewStep = named.step === 'click view-data' || named.step === 'click sample-breast_cancer';
      (overlapsJob ? during : dataViewStep ? dataView : after).push(named);
    }
    await h.close();
  }
  (await sharedBrowser()).close();
  if (process.env.UI_BENCH_TASKS)
    writeFileSync(process.env.UI_BENCH_TASKS, JSON.stringify({ during, after, dataView }));
  paints.sort((a, b) => a - b);
  rows.push({
    name: 'UI: click breast-cancer sample → facts and table rows painted (median)',
    ours_ms: paints[paints.length >> 1],
    reference: 'target < 1 s',
    note: `runs: ${paints.join(', ')} ms`,
  });
  const longest = (tasks: NamedTask[]) => (tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0);
  // Wall time over 50 ms can be a short task that waited for a core; the CPU time tells them apart.
  const byCpu = (tasks: NamedTask[]) => {
    const known = tasks.filter((t) => t.cpu !== undefined);
    const over = known.filter((t) => (t.cpu ?? 0) > 50).length;
    const most = known.length ? Math.round(Math.max(...known.map((t) => t.cpu ?? 0))) : 0;
    return `; ${over} of them over 50 ms of main-thread CPU time (most ${most} ms)`;
  };
  rows.push({
    name: 'UI: longest main-thread task while the worker trains or explains',
    ours_ms: longest(during),
    reference: 'target: none over 50 ms',
    note: `${during.length} long task(s) > 50 ms during ${runs} × (train + 2 explains)${byCpu(during)}`,
  });
  rows.push({
    name: 'UI: longest task drawing results after a job (charts)',
    ours_ms: longest(after),
    reference: 'target: none over 50 ms',
    note: `${after.length} long task(s) > 50 ms in ${runs} run(s); each is listed below${byCpu(after)}`,
  });
  rows.push({
    name: 'UI: longest task drawing the Data view (its charts after the first paint, and again)',
    ours_ms: longest(dataView),
    reference: 'target: none over 50 ms',
    note: `${dataView.length} long task(s) > 50 ms in ${runs} run(s)${byCpu(dataView)}`,
  });
  for (const task of [...during, ...after, ...dataView].sort((a, b) => b.duration - a.duration)) {
    rows.push({
      name: `  task after ${task.step}${during.includes(task) ? ' (job running)' : ''}`,
      ours_ms: Math.round(task.duration),
      reference: '—',
      note: `${task.what}${task.cpu !== undefined ? ` (CPU ${Math.round(task.cpu)} ms)` : ''}`,
    });
  }
  return rows;
}

/** The parts of a PerformanceLongAnimationFrameTiming the bench reads (not yet in TypeScript's DOM types). */
interface LoafEntry {
  startTime: number;
  duration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: { invoker: string; invokerType: string; startTime: number; duration: number }[];
}

it('measures the UI', async () => {
  const rows = await measureUi({ quick: process.env.UI_BENCH_QUICK === '1' });
  writeFileSync(process.env.UI_BENCH_OUT ?? 'ui-bench.json', JSON.stringify(rows));
}, 1_800_000);
