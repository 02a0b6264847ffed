/** Steps a user takes, shared by the end-to-end tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadDataset, type Dataset } from '../../src-main/engine';
import { RESULTS_DIR, samplePath, type Harness } from './harness/harness';

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
