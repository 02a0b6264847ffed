/** Steps a user takes, shared by the end-to-end tests. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createRng, loadDataset, type Dataset } from '../../src-main/engine';
import { launchHarness, RESULTS_DIR, samplePath, type Harness } from './harness/harness';

export async function openSample(page: Page, id: string): Promise<void> {
  await page.getByTestId(`sample-${id}`).click();
  await page.getByTestId('dataset-rows').waitFor();
}

/** Scrolls a chart into view (charts start lazily) and waits until ECharts has drawn it. */
export async function waitForChart(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await page.waitForSelector(`[data-testid="${testId}"][data-rendered="true"]`, { timeout: 30_000 });
}

export async function train(page: Page): Promise<void> {
  await page.getByTestId('view-model').click();
  await page.getByTestId('train-button').click();
  await page.getByTestId('train-summary').waitFor({ timeout: 60_000 });
}

/** The whole scrolled view in one picture: the window grows to the content for the shot. */
export async function screenshotView(page: Page, name: string): Promise<string> {
  const path = join(RESULTS_DIR, `${name}.png`);
  const size = page.viewportSize() ?? { width: 1400, height: 900 };
  const height = await page.evaluate(() => {
    const main = document.querySelector('main');
    return main ? main.scrollHeight + 90 : 900;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(6000, Math.max(size.height, height)) });
  await page.waitForTimeout(400); // charts resize on the next frame
  await page.screenshot({ path });
  await page.setViewportSize(size);
  return path;
}

export function sampleDataset(file: string): Dataset {
  return loadDataset(new Uint8Array(readFileSync(samplePath(file))), file);
}

/** Opens `path` through the (answered) open dialog from the welcome view and waits for its `rows`. */
export async function openFile(h: Harness, path: string, rows: number): Promise<void> {
  h.nextDialogPath = path;
  await h.page.getByTestId('open-file').first().click();
  await h.page.locator(`[data-testid="dataset-rows"][data-value="${rows}"]`).waitFor();
}

/** The cell in data row `row` (1-based) and column `column` (0-based) of the data table. */
export function tableCell(page: Page, row: number, column: number) {
  return page
    .locator(`[data-testid="data-table"] [aria-rowindex="${row + 1}"] [role="gridcell"]`)
    .nth(column);
}

/** A panel in full: the window grows so a tall panel is not cut by the scrolling main area. */
export async function panelShot(page: Page, testId: string, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1400, height: 900 };
  const height = await page.evaluate(() => (document.querySelector('main')?.scrollHeight ?? 900) + 90);
  await page.setViewportSize({ width: size.width, height: Math.min(8000, Math.max(size.height, height)) });
  await page.waitForTimeout(400);
  const panel = page.getByTestId(testId);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
  await page.setViewportSize(size);
}

/**
 * Writes the insulin file of the collapsed-bin tests to `path`: 240 seeded rows, two thirds of
 * insulin missing, so the training median fills three of its quartile bins.
 */
export function writeInsulinCsv(path: string): void {
  const rng = createRng(9);
  const lines = ['glucose,insulin,bmi,outcome'];
  for (let i = 0; i < 240; i++) {
    const glucose = Math.round(80 + rng.next() * 120);
    const insulin = rng.next() < 0.65 ? '' : String(Math.round(20 + rng.next() * 300));
    const bmi = (20 + rng.next() * 20).toFixed(1);
    lines.push(`${glucose},${insulin},${bmi},${glucose + rng.normal() * 20 > 140 ? 'yes' : 'no'}`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

/** A harness in `locale` on the welcome view, with the insulin file written to a folder of its own. */
export async function launchWithInsulinCsv(
  locale: 'en-US' | 'ko-KR',
): Promise<{ h: Harness; file: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'lime-lens-insulin-'));
  const file = join(dir, 'insulin.csv');
  writeInsulinCsv(file);
  const h = await launchHarness({ locale });
  await h.page.getByTestId('welcome').waitFor();
  return {
    h,
    file,
    async close() {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the insulin file, trains, explains the first case and waits for the collapsed-bin warning. */
export async function collapsedWarning(h: Harness, file: string): Promise<Locator> {
  await openFile(h, file, 240);
  await trainAndExplainFirstCase(h.page);
  const warning = h.page.getByTestId('collapsed-warning');
  await warning.waitFor({ timeout: 60_000 });
  return warning;
}

/** Trains with the defaults, goes to Explain and explains the first case until its weights are drawn. */
export async function trainAndExplainFirstCase(page: Page): Promise<void> {
  await train(page);
  await page.getByTestId('view-explain').click();
  await page.locator('[data-testid^="explain-case-"]').first().click();
  await waitForChart(page, 'lime-weights');
}

/** A harness in `locale` with a bundled sample open in the Data view. */
export async function launchWithSample(locale: 'en-US' | 'ko-KR', sample: string): Promise<Harness> {
  const h = await launchHarness({ locale });
  await h.page.getByTestId('welcome').waitFor();
  await openSample(h.page, sample);
  return h;
}
