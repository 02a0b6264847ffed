// Progress messages arrive from the worker as catalog codes and are shown in the UI's language:
// a Korean UI says 트리 학습 중 ("Training trees") in the status bar while a forest grows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness/harness';
import { launchWithSample, waitForChart } from './steps';

let h: Harness;
beforeAll(async () => {
  h = await launchWithSample('ko-KR', 'breast_cancer');
});
afterAll(() => h.close());

describe('progress in Korean', () => {
  it('the status bar names the training stage in Korean, then cancelling says so', async () => {
    const { page } = h;
    // Leave the Data view only once its charts have started (see the report: a chart disposed while
    // starting can raise an ECharts 'layerStack' error under heavy load).
    await waitForChart(page, 'column-chart');
    await page.keyboard.press('Control+2');
    await page.locator('#ms-trees').fill('2000');
    await page.getByTestId('train-button').click();
    const message = page.getByTestId('job-message');
    await expect.poll(() => message.innerText(), { timeout: 30_000 }).toBe('트리 학습 중');
    await h.screenshot('training-progress-ko');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('train-progress').count(), { timeout: 10_000 }).toBe(0);
    expect(h.pageErrors).toEqual([]);
  });
});
