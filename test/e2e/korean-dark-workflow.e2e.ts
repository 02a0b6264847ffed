// The same workflow with a Korean OS locale and a dark theme: Korean labels, locale
// number formats, Hangul that renders (Noto Sans CJK), and the same numbers as in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/harness';
import { openSample, screenshotView, train, waitForChart } from './steps';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness({ locale: 'ko-KR', colorScheme: 'dark' });
});
afterAll(() => h.close());

describe('Korean, dark theme', () => {
  it('opens on a Korean welcome screen', async () => {
    const { page } = h;
    await page.getByTestId('welcome').waitFor();
    await expect
      .poll(() => page.getByTestId('welcome').innerText())
      .toContain('Lime Lens에 오신 것을 환영합니다');
    expect(await page.getByTestId('view-data').innerText()).toContain('데이터');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await h.screenshot('welcome-ko-dark');
  });

  it('shows the iris data, trains and explains a 3-class case in Korean', async () => {
    const { page } = h;
    await openSample(page, 'iris');
    expect(await page.getByTestId('dataset-rows').getAttribute('data-value')).toBe('150');
    for (const species of ['setosa', 'versicolor', 'virginica']) {
      expect(await page.getByTestId(`class-count-${species}`).getAttribute('data-value')).toBe('50');
    }
    await waitForChart(page, 'correlation-heatmap');
    await screenshotView(page, 'data-iris-ko-dark');
    await train(page);
    expect(await page.getByTestId('confusion-matrix').getAttribute('data-total')).toBe('30');
    await waitForChart(page, 'confusion-matrix');
    await screenshotView(page, 'model-iris-ko-dark');
    await page.getByTestId('view-explain').click();
    await page.locator('[data-testid^="explain-case-"]').first().click();
    await waitForChart(page, 'lime-weights');
    // 4 features, so at most 4 weights; the explained class can be switched among 3.
    await expect.poll(() => page.getByTestId('lime-weight-row').count()).toBe(4);
    const options = await page.getByTestId('explain-class').locator('option').allInnerTexts();
    expect(options.slice(1)).toEqual(['setosa', 'versicolor', 'virginica']); // after "predicted class (…)"
    await screenshotView(page, 'explain-iris-ko-dark');
  });

  it('explains a regression case (diabetes) with the predicted value and the target range', async () => {
    const { page } = h;
    await page.getByTestId('view-data').click();
    await page.getByRole('button', { name: '처음 화면으로' }).click();
    await openSample(page, 'diabetes');
    await train(page);
    const r2 = Number(await page.getByTestId('metric-r2').getAttribute('data-value'));
    expect(r2).toBeGreaterThan(0.3);
    await screenshotView(page, 'model-diabetes-ko-dark');
    await page.getByTestId('view-explain').click();
    await page.locator('[data-testid^="explain-case-"]').first().click();
    await waitForChart(page, 'lime-weights');
    // 8 again (the default), not the 4 the iris model clamped it to.
    await expect.poll(() => page.getByTestId('lime-weight-row').count()).toBe(8);
    await page.getByTestId('explain-predicted-value').waitFor();
    await screenshotView(page, 'explain-diabetes-ko-dark');
    expect(h.pageErrors).toEqual([]);
  });
});
