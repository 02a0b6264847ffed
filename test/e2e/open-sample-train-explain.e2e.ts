// The reference workflow through the UI: open the breast-cancer sample, train with seed 42,
// explain a test case — every number shown must equal what the engine computes in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainDataRow,
  trainModel,
  type TrainedModel,
} from '../../src-main/engine';
import { launchHarness, type Harness } from './harness/harness';
import { openSample, sampleDataset, screenshotView, train, waitForChart } from './steps';

const dataset = sampleDataset('breast_cancer.csv');
let model: TrainedModel;
let h: Harness;

beforeAll(async () => {
  h = await launchHarness({ locale: 'en-US' });
  model = trainModel(dataset, defaultTrainSettings(dataset, 'diagnosis'));
});
afterAll(() => h.close());

describe('open the breast-cancer sample, train, explain (English)', () => {
  it('Data view shows 569 rows, 30 features, 357 benign / 212 malignant, and renders the heatmap', async () => {
    const { page } = h;
    await page.getByTestId('welcome').waitFor();
    await h.screenshot('welcome-en');
    await openSample(page, 'breast_cancer');
    await expect.poll(() => page.getByTestId('dataset-rows').getAttribute('data-value')).toBe('569');
    expect(await page.getByTestId('dataset-features').getAttribute('data-value')).toBe('30');
    expect(await page.getByTestId('class-count-benign').getAttribute('data-value')).toBe('357');
    expect(await page.getByTestId('class-count-malignant').getAttribute('data-value')).toBe('212');
    await waitForChart(page, 'correlation-heatmap');
    await screenshotView(page, 'data-breast-cancer-en');
  });

  it('trains with seed 42: the accuracy shown equals the engine, the confusion matrix sums to 114', async () => {
    const { page } = h;
    // When the metrics and the permutation chart first appear (ms since page start).
    await page.evaluate(() => {
      const w = window as unknown as { __seen: Record<string, number> };
      w.__seen = {};
      new MutationObserver(() => {
        for (const id of ['metric-accuracy', 'permutation-importance'])
          if (!(id in w.__seen) && document.querySelector(`[data-testid="${id}"]`))
            w.__seen[id] = performance.now();
      }).observe(document.body, { childList: true, subtree: true });
    });
    const before = h.calls.length;
    await train(page);
    const shown = Number(await page.getByTestId('metric-accuracy').getAttribute('data-value'));
    expect(model.metrics.task).toBe('classification');
    expect(shown).toBe(model.metrics.task === 'classification' ? model.metrics.accuracy : NaN);
    expect(shown).toBeGreaterThan(0.94);
    expect(await page.getByTestId('confusion-matrix').getAttribute('data-total')).toBe('114');
    await waitForChart(page, 'confusion-matrix');
    // Permutation importance follows as its own job, after the metrics are on screen.
    await waitForChart(page, 'permutation-importance');
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
    expect(seen['metric-accuracy']).toBeLessThan(seen['permutation-importance']);
    const calls = h.calls
      .slice(before)
      .filter((c) => c.channel === 'model:train' || c.channel === 'model:permutation');
    expect(calls.map((c) => c.channel)).toEqual(['model:train', 'model:permutation']);
    expect(calls[1].start).toBeGreaterThanOrEqual(calls[0].end);
    expect(await page.getByTestId('permutation-importance').getAttribute('data-top')).toBe(
      model.permutationImportance[0].feature,
    );
    await screenshotView(page, 'model-breast-cancer-en');
  });

  it('explains a test case: 8 bars whose weights equal the engine explanation with the same seed', async () => {
    const { page } = h;
    const row = model.frame.rowIndex[model.split.test[0]];
    await page.getByTestId('view-explain').click();
    // The UI numbers rows from 1; the engine indexes them from 0.
    await page.getByTestId(`explain-case-${row + 1}`).click();
    await waitForChart(page, 'lime-weights');
    const rows = page.getByTestId('lime-weight-row');
    await expect.poll(() => rows.count()).toBe(8);
    const shown = await rows.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-condition'), Number(el.getAttribute('data-weight'))] as const),
    );
    const expected = await explainDataRow(model, dataset, row, DEFAULT_LIME_SETTINGS);
    expect(shown).toEqual(expected.weights.map((w) => [w.condition, w.weight]));
    await screenshotView(page, 'explain-breast-cancer-en');
    expect(h.pageErrors).toEqual([]);
    expect(h.blockedRequests).toEqual([]);
  });
});
