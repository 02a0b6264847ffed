// A day-first date column: shown as a Date with its earliest and latest day, not a default
// feature; "Use as number (days since 1970)" makes it a feature the model trains on. English and Korean.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/harness';
import { screenshotView, train } from './steps';

const visits = fileURLToPath(new URL('../fixtures/data/visits-dates.csv', import.meta.url));

for (const [locale, kind, asNumber] of [
  ['en-US', 'Date', 'Use as number (days since 1970)'],
  ['ko-KR', '날짜', '숫자로 사용 (1970년 이후 일수)'],
] as const) {
  describe(`date column (${locale})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await launchHarness({ locale });
      await h.page.getByTestId('welcome').waitFor();
      h.nextDialogPath = visits;
      await h.page.getByTestId('open-file').first().click();
      await h.page.locator('[data-testid="dataset-rows"][data-value="60"]').waitFor();
    });
    afterAll(() => h.close());

    it('shows the dates, leaves them out of the features, and uses them as a number when asked', async () => {
      const { page } = h;
      expect(await page.getByTestId('feature-visit').isChecked()).toBe(false);
      await page.locator('#column-select').selectOption('visit');
      expect(await page.getByTestId('column-kind').innerText()).toBe(kind);
      // 01/01/2024 … 29/02/2024, read day first because of 13/01/2024 and later.
      expect(await page.getByTestId('column-first-date').innerText()).toBe('2024-01-01');
      expect(await page.getByTestId('column-last-date').innerText()).toBe('2024-02-29');
      expect((await page.getByTestId('column-choices').innerText()).includes(asNumber)).toBe(true);
      await screenshotView(page, `data-date-column-${locale}`);
      await page.getByTestId('column-date-number').check();
      expect(await page.getByTestId('feature-visit').isChecked()).toBe(true);
      await train(page);
      expect(await page.getByTestId('train-summary').isVisible()).toBe(true);
      if (locale === 'en-US') {
        await expect
          .poll(() => page.locator('details.preprocessing').textContent())
          .toContain("Column 'visit': dates used as numbers (days since 1970-01-01).");
      }
      await screenshotView(page, `model-date-as-number-${locale}`);
    });
  });
}
