// Issue #9 leftovers through the UI (English): the collapsed-bin warning on a median-filled
// insulin column, the what-if number box kept inside the training range like its slider, and
// a regression counterfactual for an amount the user chooses (diabetes).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src-main/engine';
import { launchHarness, RESULTS_DIR, type Harness } from './harness/harness';
import { openSample, train, waitForChart } from './steps';

/** A panel in full: the window grows so a tall panel is not cut by the scrolling main area. */
async function panelShot(page: Page, testId: string, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1400, height: 900 };
  const height = await page.evaluate(() => (document.querySelector('main')?.scrollHeight ?? 900) + 90);
  await page.setViewportSize({ width: size.width, height: Math.min(8000, Math.max(size.height, height)) });
  await page.waitForTimeout(400);
  const panel = page.getByTestId(testId);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
  await page.setViewportSize(size);
}

describe('trust leftovers in English', () => {
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'lime-lens-trust-en-'));
  const file = join(dir, 'insulin.csv');
  beforeAll(async () => {
    // The Korean test's file: two thirds of insulin missing, filled with the training median.
    const rng = createRng(9);
    const lines = ['glucose,insulin,bmi,outcome'];
    for (let i = 0; i < 240; i++) {
      const glucose = Math.round(80 + rng.next() * 120);
      const insulin = rng.next() < 0.65 ? '' : String(Math.round(20 + rng.next() * 300));
      const bmi = (20 + rng.next() * 20).toFixed(1);
      lines.push(`${glucose},${insulin},${bmi},${glucose + rng.normal() * 20 > 140 ? 'yes' : 'no'}`);
    }
    writeFileSync(file, lines.join('\n') + '\n');
    h = await launchHarness({ locale: 'en-US' });
    await h.page.getByTestId('welcome').waitFor();
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('warns in English that the bins of insulin collapse and suggests the alternatives', async () => {
    const { page } = h;
    h.nextDialogPath = file;
    await page.getByTestId('open-file').first().click();
    await expect.poll(() => page.getByTestId('dataset-rows').getAttribute('data-value')).toBe('240');
    await train(page);
    await page.getByTestId('view-explain').click();
    await page.locator('[data-testid^="explain-case-"]').first().click();
    await waitForChart(page, 'lime-weights');
    const warning = page.getByTestId('collapsed-warning');
    await warning.waitFor({ timeout: 60_000 });
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
