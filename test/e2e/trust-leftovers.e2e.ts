// Issue #9 leftovers through the UI (English): the collapsed-bin warning on a median-filled
// insulin column, the what-if number box kept inside the training range like its slider, and
// a regression counterfactual for an amount the user chooses (diabetes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness/harness';
import { openSample, collapsedWarning, launchWithInsulinCsv, panelShot, train, waitForChart } from './steps';

describe('trust leftovers in English', () => {
  let h: Harness;
  let file: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ h, file, close } = await launchWithInsulinCsv('en-US'));
  });
  afterAll(() => close());

  it('warns in English that the bins of insulin collapse and suggests the alternatives', async () => {
    const { page } = h;
    const warning = await collapsedWarning(h, file);
    expect(await warning.getAttribute('data-feature')).toBe('insulin');
    expect(await warning.count()).toBe(1);
    const text = await warning.textContent();
    expect(text).toContain('The bins of “insulin” collapse');
    expect(text).toContain('entropy discretizer');
    await panelShot(page, 'bins-panel', 'trust-collapsed-en');
  });

  it('keeps a typed what-if value inside the training range, as the slider does, and says so', async () => {
    const { page } = h;
    const field = page.locator('[data-testid="whatif-field"][data-feature="glucose"]');
    const input = field.getByTestId('whatif-input');
    await field.scrollIntoViewIfNeeded();
    const max = Number(await input.getAttribute('max'));
    const min = Number(await input.getAttribute('min'));
    expect(min).toBeGreaterThanOrEqual(80);
    expect(max).toBeLessThanOrEqual(200);
    await input.fill('100000');
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(String(max));
    await expect
      .poll(() => field.getByTestId('whatif-range').textContent())
      .toContain('Kept within the training range');
    const prediction = page.getByTestId('whatif-prediction');
    await expect.poll(() => prediction.getAttribute('data-probabilities')).not.toBe('null');
    const atClamp = await prediction.getAttribute('data-probabilities');
    // Typing the maximum itself gives the same prediction, and the note goes back to the range.
    await input.fill(String(min));
    await input.press('Enter');
    await expect.poll(() => field.getByTestId('whatif-range').textContent()).toContain('Training range');
    await input.fill(String(max));
    await input.press('Enter');
    await expect.poll(() => prediction.getAttribute('data-probabilities')).toBe(atClamp);
    await input.fill('-5');
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(String(min));
    await panelShot(page, 'whatif-panel', 'trust-whatif-clamped-en');
    await page.getByTestId('whatif-reset').click();
  });

  it('finds regression counterfactuals for a chosen amount (diabetes)', async () => {
    const { page } = h;
    await page.getByTestId('view-data').click();
    await page.getByRole('button', { name: 'Back to start' }).click();
    await openSample(page, 'diabetes');
    await train(page);
    await page.getByTestId('view-explain').click();
    await page.locator('[data-testid^="explain-case-"]').first().click();
    await waitForChart(page, 'lime-weights');
    const table = page.getByTestId('counterfactuals');
    await table.waitFor({ timeout: 60_000 });
    // The default: 10% of the training target range.
    const defaultShift = Number(await table.getAttribute('data-shift'));
    expect(defaultShift).toBeGreaterThan(20);
    const form = page.getByTestId('counterfactual-shift');
    await form.locator('input').fill('0');
    expect(await form.locator('button').isDisabled()).toBe(true);
    await expect.poll(() => form.textContent()).toContain('Enter an amount greater than 0.');
    await form.locator('input').fill('70');
    await form.locator('button').click();
    await expect.poll(() => table.getAttribute('data-shift'), { timeout: 60_000 }).toBe('70');
    expect(await page.getByTestId('whatif-panel').textContent()).toContain('by at least 70');
    const base = Number(await table.getAttribute('data-prediction'));
    const predicted = await table
      .getByTestId('counterfactual-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-predicted')));
    expect(predicted).toHaveLength(5);
    for (const p of predicted) if (p !== '') expect(Math.abs(Number(p) - base)).toBeGreaterThanOrEqual(70);
    await panelShot(page, 'whatif-panel', 'trust-counterfactual-shift-en');
    expect(h.pageErrors).toEqual([]);
  });
});
