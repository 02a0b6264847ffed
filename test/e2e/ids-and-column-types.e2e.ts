// A table with a non-unique patient Id: the Id is no feature, reads as text, names the cases;
// the UI's row and ID agree with the CLI's JSON for the same case. A numeric code column switched
// to categorical is explained as `stage=4`. English and Korean, with screenshots of the Data view.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExplain } from '../../src-main/cli/explainCommand';
import type { Page } from 'playwright-core';
import { launchHarness, type Harness } from './harness/harness';
import { openFile, screenshotView, tableCell, train, waitForChart } from './steps';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/data/${name}`, import.meta.url));

async function shownWeights(page: Page): Promise<(readonly [string | null, number])[]> {
  await waitForChart(page, 'lime-weights');
  return page
    .getByTestId('lime-weight-row')
    .evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-condition'), Number(el.getAttribute('data-weight'))] as const),
    );
}

async function chooseColumn(page: Page, name: string): Promise<void> {
  await page.locator('#column-select').selectOption(name);
}

describe('identifier column and switched column type (English)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchHarness({ locale: 'en-US' });
    await h.page.getByTestId('welcome').waitFor();
    await openFile(h, fixture('patients-id.csv'), 80);
  });
  afterAll(() => h.close());

  it('shows Id as text, not a feature, and as the case-ID column', async () => {
    const { page } = h;
    await expect.poll(() => tableCell(page, 1, 0).innerText()).toBe('1053760'); // no thousands separator
    expect(await tableCell(page, 1, 1).innerText()).toBe('65');
    expect(await page.getByTestId('id-column-select').inputValue()).toBe('Id');
    expect(await page.getByTestId('feature-Id').isChecked()).toBe(false);
    expect(await page.getByTestId('feature-stage').isChecked()).toBe(true);
    await chooseColumn(page, 'Id');
    expect(await page.getByTestId('column-role').inputValue()).toBe('identifier');
    await screenshotView(page, 'data-id-column-en');
  });

  it('the case list, the explanation header and the CLI JSON agree on row, ID and weights', async () => {
    const { page } = h;
    await train(page);
    await page.getByTestId('view-explain').click();
    const first = page.locator('[data-testid^="explain-case-"]').first();
    const row = Number(await first.innerText());
    const id = await page.getByTestId(`case-id-${row}`).innerText();
    await first.click();
    const weights = await shownWeights(page);
    const title = page.getByTestId('case-title');
    expect(await title.getAttribute('data-row')).toBe(String(row));
    expect(await title.getAttribute('data-id')).toBe(id);
    expect(await title.innerText()).toBe(`Row ${row} · ID ${id}`);

    const { report } = await runExplain({
      command: 'explain',
      data: fixture('patients-id.csv'),
      select: { row },
      seed: 42,
      trees: 100,
      numFeatures: 8,
      numSamples: 5000,
      testFraction: 0.2,
      json: true,
    });
    expect(report.explanation.row).toBe(row);
    expect(report.explanation.id).toBe(id);
    expect(report.importances.map((i) => i.feature)).not.toContain('Id');
    expect(weights).toEqual(report.explanation.weights.map((w) => [w.condition, w.weight]));
    await screenshotView(page, 'explain-row-and-id-en');
  });

  it('a code column switched to categorical is explained as stage=value', async () => {
    const { page } = h;
    await page.getByTestId('view-data').click();
    await chooseColumn(page, 'stage');
    await page.getByTestId('codes-hint').waitFor();
    await page.getByTestId('column-type-categorical').check({ force: true });
    expect(await page.getByTestId('column-type').getAttribute('data-value')).toBe('categorical');
    expect(await page.getByTestId('codes-hint').count()).toBe(0);
    expect(await page.getByTestId('column-kind').innerText()).toBe('Categorical');
    await screenshotView(page, 'data-switched-type-en');
    await train(page);
    await page.getByTestId('view-explain').click();
    const first = page.locator('[data-testid^="explain-case-"]').first();
    const row = Number(await first.innerText());
    await first.click();
    const weights = await shownWeights(page);
    const stage = await page
      .locator('[data-testid="lime-weight-row"][data-feature="stage"]')
      .getAttribute('data-condition');
    expect(stage).toMatch(/^stage=[1-4]$/);
    expect(weights.map(([c]) => c)).toContain(stage);
    expect(row).toBeGreaterThan(0);
    expect(h.pageErrors).toEqual([]);
  });
});

describe('identifier column and switched column type (Korean)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchHarness({ locale: 'ko-KR' });
    await h.page.getByTestId('welcome').waitFor();
    await openFile(h, fixture('patients-ko.csv'), 80);
  });
  afterAll(() => h.close());

  it('shows 환자번호 as the case-ID column and 병기 switched to categories', async () => {
    const { page } = h;
    await expect.poll(() => tableCell(page, 1, 0).innerText()).toBe('53760');
    expect(await page.getByTestId('id-column-select').inputValue()).toBe('환자번호');
    expect(await page.getByTestId('feature-환자번호').isChecked()).toBe(false);
    await chooseColumn(page, '환자번호');
    expect(await page.locator('#column-role option:checked').innerText()).toBe('식별자');
    await screenshotView(page, 'data-id-column-ko');
    await chooseColumn(page, '병기');
    await page.getByTestId('codes-hint').waitFor();
    await page.getByTestId('column-type-categorical').check({ force: true });
    await screenshotView(page, 'data-switched-type-ko');
    await train(page);
    await page.getByTestId('view-explain').click();
    const first = page.locator('[data-testid^="explain-case-"]').first();
    const row = Number(await first.innerText());
    const id = await page.getByTestId(`case-id-${row}`).innerText();
    await first.click();
    await shownWeights(page);
    expect(await page.getByTestId('case-title').innerText()).toBe(`${row}행 · ID ${id}`);
    expect(
      await page
        .locator('[data-testid="lime-weight-row"][data-feature="병기"]')
        .getAttribute('data-condition'),
    ).toMatch(/^병기=[1-4]$/);
    await screenshotView(page, 'explain-row-and-id-ko');
    expect(h.pageErrors).toEqual([]);
  });
});
