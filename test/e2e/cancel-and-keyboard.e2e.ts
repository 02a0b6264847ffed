// Long work shows progress and can be cancelled from the keyboard; views switch with Ctrl+1/2/3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/harness';
import { openSample } from './steps';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
  await h.page.getByTestId('welcome').waitFor();
  await openSample(h.page, 'breast_cancer');
});
afterAll(() => h.close());

describe('progress, cancel and keyboard', () => {
  it('switches views with Ctrl+2 / Ctrl+3 / Ctrl+1', async () => {
    const { page } = h;
    await page.keyboard.press('Control+2');
    await page.getByTestId('model-view').waitFor();
    await page.keyboard.press('Control+3');
    await page.getByTestId('explain-view').waitFor();
    await page.keyboard.press('Control+1');
    await page.getByTestId('data-view').waitFor();
  });

  it('shows progress for a 2000-tree forest, Escape cancels it, and training again works', async () => {
    const { page } = h;
    await page.keyboard.press('Control+2');
    await page.locator('#ms-trees').fill('2000');
    await page.getByTestId('train-button').click();
    const progress = page.getByTestId('train-progress');
    await progress.waitFor();
    await h.screenshot('training-progress-en');
    await page.keyboard.press('Escape');
    await expect.poll(() => progress.count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('train-summary').count()).toBe(0);
    await page.locator('#ms-trees').fill('50');
    await page.getByTestId('train-button').click();
    await page.getByTestId('train-summary').waitFor({ timeout: 60_000 });
    expect(Number(await page.getByTestId('metric-accuracy').getAttribute('data-value'))).toBeGreaterThan(0.9);
    expect(h.pageErrors).toEqual([]);
  });
});
