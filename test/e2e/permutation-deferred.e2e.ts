// Permutation importance follows training as a job of its own (model:permutation): while it runs
// the Model view says so with progress and a Cancel button; cancelled, the model stays and the view
// says it was not computed; "Compute permutation importance" then computes and draws it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness/harness';
import { launchWithSample, waitForChart } from './steps';

let h: Harness;
beforeAll(async () => {
  h = await launchWithSample('en-US', 'breast_cancer');
});
afterAll(() => h.close());

describe('deferred permutation importance', () => {
  it('shows progress, is cancelled to "not computed yet", then computed on request', async () => {
    const { page } = h;
    await page.getByTestId('view-model').click();
    // 2000 trees: permutation importance runs long enough to be cancelled.
    await page.locator('#ms-trees').fill('2000');
    await page.getByTestId('train-button').click();
    await page.getByTestId('train-summary').waitFor({ timeout: 120_000 });
    await page.getByTestId('permutation-progress').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByText('Computing permutation importance…').first().isVisible())
      .toBe(true);
    await page.getByTestId('permutation-cancel').click();
    const notComputed = page.getByTestId('permutation-not-computed');
    await notComputed.waitFor({ timeout: 30_000 });
    expect(await notComputed.innerText()).toBe('Permutation importance was not computed for this model.');
    expect(await page.getByTestId('permutation-importance').count()).toBe(0);
    // The model stays: its metrics are still shown.
    expect(Number(await page.getByTestId('metric-accuracy').getAttribute('data-value'))).toBeGreaterThan(0.9);
    const compute = page.getByTestId('permutation-compute');
    expect(await compute.innerText()).toBe('Compute permutation importance');
    await compute.click();
    await waitForChart(page, 'permutation-importance');
    expect(await notComputed.count()).toBe(0);
    const top = await page.getByTestId('permutation-importance').getAttribute('data-top');
    expect(top).toMatch(/^(mean|worst) /);
    const permutations = h.calls.filter((c) => c.channel === 'model:permutation');
    expect(permutations).toHaveLength(2);
    expect(h.pageErrors).toEqual([]);
  });
});
