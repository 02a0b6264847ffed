// The trust tools through the UI with the real handlers and built worker: stability, LIME vs
// SHAP, what-if, SHAP importance and SP-LIME in English on breast cancer; the collapsed-bin
// warning in Korean on a zero-heavy file. Numbers shown are checked against the engine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RandomForestClassifier } from '../../src-main/engine';
import {
  DEFAULT_LIME_SETTINGS,
  createRng,
  defaultTrainSettings,
  explainerFor,
  limeStability,
  stabilitySeeds,
  trainModel,
  type TrainedModel,
} from '../../src-main/engine';
import { launchHarness, RESULTS_DIR, type Harness } from './harness/harness';

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
import { openSample, sampleDataset, screenshotView, train, waitForChart } from './steps';

const dataset = sampleDataset('breast_cancer.csv');
let model: TrainedModel;
let forest: RandomForestClassifier;

describe('trust tools on breast cancer (English)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchHarness({ locale: 'en-US' });
    model = trainModel(dataset, defaultTrainSettings(dataset, 'diagnosis'));
    forest = model.forest as RandomForestClassifier;
    await h.page.getByTestId('welcome').waitFor();
    await openSample(h.page, 'breast_cancer');
    await train(h.page);
  });
  afterAll(() => h.close());

  it('stability: 10 runs at 5000 samples of a confident malignant case are stable, as the engine says', async () => {
    const { page } = h;
    const row = model.frame.rowIndex[model.split.test[16]] + 1;
    await page.getByTestId('view-explain').click();
    await page.getByTestId(`explain-case-${row}`).click();
    await waitForChart(page, 'lime-weights');
    await page.getByTestId('lime-shap-panel').waitFor({ timeout: 60_000 });
    await page.getByTestId('check-stability').click();
    const verdict = page.getByTestId('stability-verdict');
    await verdict.waitFor({ timeout: 120_000 });
    const expected = await limeStability(
      explainerFor(model, DEFAULT_LIME_SETTINGS),
      model.xTest[16],
      { predictFlat: (x: Float64Array, n: number, d: number) => forest.predictProbaFlat(x, n, d) },
      { seeds: stabilitySeeds(DEFAULT_LIME_SETTINGS.seed, 10), numFeatures: 8, numSamples: 5000 },
    );
    expect(Number(await verdict.getAttribute('data-jaccard'))).toBe(expected.jaccard);
    expect(await verdict.getAttribute('data-stable')).toBe(String(expected.stable));
    expect(expected.stable).toBe(true);
    const top = await page
      .getByTestId('stability-row')
      .evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('data-feature')));
    expect(top).toEqual(expected.features.slice(0, 3).map((f) => model.frame.featureNames[f.feature]));
    await waitForChart(page, 'stability-chart');
    await panelShot(page, 'stability-panel', 'trust-stability-en');
  });

  it('LIME vs SHAP: agreement stated; the bin charts are drawn and no collapsed-bin warning shows', async () => {
    const { page } = h;
    await waitForChart(page, 'lime-shap-chart');
    expect(Number(await page.getByTestId('agreement').getAttribute('data-shared'))).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('collapsed-warning').count()).toBe(0);
    await expect.poll(() => page.getByTestId('bin-chart').count()).toBe(8);
    await panelShot(page, 'lime-shap-panel', 'trust-lime-shap-en');
  });

  it('what-if: the prediction shown for an edited case equals the forest on the edited row', async () => {
    const { page } = h;
    const edit = async (feature: string, value: number) => {
      const input = page.locator(
        `[data-testid="whatif-field"][data-feature="${feature}"] [data-testid="whatif-input"]`,
      );
      await input.fill(String(value));
      await input.press('Enter');
    };
    await edit('worst area', 500);
    await edit('worst concave points', 0.05);
    await edit('worst radius', 12);
    const row = [...model.xTest[16]];
    for (const [f, v] of [
      ['worst area', 500],
      ['worst concave points', 0.05],
      ['worst radius', 12],
    ] as const)
      row[model.frame.featureNames.indexOf(f)] = v;
    const expected = forest.predictProba([row])[0];
    await expect
      .poll(() => page.getByTestId('whatif-prediction').getAttribute('data-probabilities'), {
        timeout: 30_000,
      })
      .toBe(JSON.stringify(expected));
    await page.getByTestId('whatif-explain').click();
    await page.getByTestId('whatif-compare').waitFor({ timeout: 60_000 });
    await panelShot(page, 'whatif-panel', 'trust-whatif-en');
    await page.getByTestId('whatif-reset').click();
    expect(await page.getByTestId('whatif-compare').count()).toBe(0);
  });

  it('SP-LIME: picks 4 of 40 cases, the same twice, and opens a picked case', async () => {
    const { page } = h;
    await page.getByTestId('sp-sample').fill('40');
    await page.getByTestId('sp-budget').fill('4');
    await page.getByTestId('sp-run').click();
    const summary = page.getByTestId('sp-summary');
    await summary.waitFor({ timeout: 120_000 });
    const picks = JSON.parse((await summary.getAttribute('data-picks')) ?? '[]') as number[];
    expect(picks).toHaveLength(4);
    await page.getByTestId('sp-run').click();
    await expect.poll(() => page.getByTestId('job-progress').count(), { timeout: 120_000 }).toBe(0);
    expect(JSON.parse((await summary.getAttribute('data-picks')) ?? '[]')).toEqual(picks);
    await waitForChart(page, 'sp-matrix');
    await panelShot(page, 'splime-panel', 'trust-splime-en');
    await page.getByTestId(`sp-open-${picks[0]}`).click();
    await expect
      .poll(() => page.locator('#case-title').textContent(), { timeout: 60_000 })
      .toContain(String(picks[0]));
  });

  it('Model view: SHAP importance beside impurity and permutation, beeswarm and dependence', async () => {
    const { page } = h;
    await page.getByTestId('view-model').click();
    await page.getByTestId('shap-compute').click();
    await waitForChart(page, 'shap-beeswarm');
    await waitForChart(page, 'shap-dependence');
    expect(await page.getByTestId('shap-importance-row').count()).toBe(15);
    await panelShot(page, 'shap-panel', 'trust-beeswarm-en');
    expect(h.pageErrors).toEqual([]);
    expect(h.blockedRequests).toEqual([]);
  });
});

describe('collapsed bins and the trust panels in Korean', () => {
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'lime-lens-trust-'));
  const file = join(dir, 'insulin.csv');
  beforeAll(async () => {
    // Two thirds of the insulin values are missing: filled with the training median, they fill three quartiles.
    const rng = createRng(9);
    const lines = ['glucose,insulin,bmi,outcome'];
    for (let i = 0; i < 240; i++) {
      const glucose = Math.round(80 + rng.next() * 120);
      const insulin = rng.next() < 0.65 ? '' : String(Math.round(20 + rng.next() * 300));
      const bmi = (20 + rng.next() * 20).toFixed(1);
      lines.push(`${glucose},${insulin},${bmi},${glucose + rng.normal() * 20 > 140 ? 'yes' : 'no'}`);
    }
    writeFileSync(file, lines.join('\n') + '\n');
    h = await launchHarness({ locale: 'ko-KR' });
    await h.page.getByTestId('welcome').waitFor();
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('warns that the bins of insulin collapse, names the feature and suggests the alternatives', async () => {
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
    expect(await warning.textContent()).toContain('엔트로피');
    await panelShot(page, 'bins-panel', 'trust-collapsed-ko');
  });

  it('Korean stability, LIME vs SHAP, what-if and beeswarm render', async () => {
    const { page } = h;
    await page.getByTestId('check-stability').click();
    await page.getByTestId('stability-verdict').waitFor({ timeout: 120_000 });
    await waitForChart(page, 'stability-chart');
    await panelShot(page, 'stability-panel', 'trust-stability-ko');
    await waitForChart(page, 'lime-shap-chart');
    await panelShot(page, 'lime-shap-panel', 'trust-lime-shap-ko');
    const input = page.locator(
      '[data-testid="whatif-field"][data-feature="glucose"] [data-testid="whatif-input"]',
    );
    await input.fill('199');
    await input.press('Enter');
    await expect
      .poll(() => page.getByTestId('whatif-prediction').getAttribute('data-probabilities'))
      .not.toBe('null');
    await panelShot(page, 'whatif-panel', 'trust-whatif-ko');
    await page.getByTestId('view-model').click();
    await page.getByTestId('shap-compute').click();
    await waitForChart(page, 'shap-beeswarm');
    await panelShot(page, 'shap-panel', 'trust-beeswarm-ko');
    await screenshotView(page, 'trust-model-ko');
    expect(h.pageErrors).toEqual([]);
  });
});
