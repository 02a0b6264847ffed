// The trust tools through the UI with the real handlers and built worker: stability, LIME vs
// SHAP, what-if, SHAP importance and SP-LIME in English on breast cancer; the collapsed-bin
// warning in Korean on a zero-heavy file. Numbers shown are checked against the engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RandomForestClassifier } from '../../src-main/engine';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainerFor,
  limeStability,
  stabilitySeeds,
  trainModel,
  type TrainedModel,
} from '../../src-main/engine';
import { launchHarness, type Harness } from './harness/harness';

import {
  openSample,
  collapsedWarning,
  launchWithInsulinCsv,
  panelShot,
  sampleDataset,
  screenshotView,
  train,
  waitForChart,
} from './steps';

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
  let file: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ h, file, close } = await launchWithInsulinCsv('ko-KR'));
  });
  afterAll(() => close());

  it('warns that the bins of insulin collapse, names the feature and suggests the alternatives', async () => {
    const { page } = h;
    const warning = await collapsedWarning(h, file);
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
