// Issue #8 through the UI with the real handlers and worker: chart and view PNGs, data exports,
// batch explanations, saved projects (save, reopen without retraining, damaged file, missing data).
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIME_SETTINGS, explainDataRow, loadDataset, restoreModel } from '../../src-main/engine';
import { csvRecords } from '../engine/export/parseCsv';
import { launchHarness, samplePath, type Harness } from './harness/harness';
import { screenshotView, train, waitForChart } from './steps';

let dir: string;
let dataCopy: string;
let h: Harness;

/** Pixel size and how varied a PNG file is, measured by Chromium itself. */
async function pngFacts(page: Page, file: string) {
  const b64 = (await readFile(file)).toString('base64');
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    let differentFromCorner = 0;
    for (let i = 0; i < px.length; i += 4 * 7) {
      colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
      if (px[i] !== px[0] || px[i + 1] !== px[1] || px[i + 2] !== px[2]) differentFromCorner++;
    }
    return {
      width: img.naturalWidth,
      height: img.naturalHeight,
      colours: colours.size,
      inkShare: differentFromCorner / (px.length / (4 * 7)),
      corner: [px[0], px[1], px[2]],
    };
  }, b64);
}

async function openByDialog(page: Page, path: string) {
  h.nextDialogPath = path;
  await page.getByTestId('open-file').click();
  await page.getByTestId('dataset-rows').waitFor();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lime-lens-e2e-exports-'));
  dataCopy = join(dir, 'iris.csv');
  await copyFile(samplePath('iris.csv'), dataCopy);
  h = await launchHarness({ locale: 'en-US' });
}, 60_000);
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

describe('exports and projects (English, light)', () => {
  it('saves a chart as a 2× PNG with title and legend, and copies it', async () => {
    const { page } = h;
    await page.getByTestId('welcome').waitFor();
    await openByDialog(page, dataCopy);
    // The Data view as one picture: everything down to the last chart, scrolled off or not.
    await waitForChart(page, 'correlation-heatmap');
    const view = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      return { w: main.scrollWidth, h: main.scrollHeight };
    });
    h.nextSavePath = join(dir, 'data-view.png');
    await page.getByTestId('save-view-png').click();
    await expect
      .poll(() => page.getByTestId('notice-banner').textContent(), { timeout: 20_000 })
      .toContain('Saved data-view.png');
    expect(h.saveDialogs.at(-1)).toEqual({ suggestedName: 'iris.csv Data.png', kind: 'png' });
    const dataFacts = await pngFacts(page, h.nextSavePath);
    expect([dataFacts.width, dataFacts.height]).toEqual([view.w * 2, view.h * 2]);
    expect(dataFacts.colours).toBeGreaterThan(20);
    await copyFile(h.nextSavePath, join(process.cwd(), 'test-results', 'e2e', 'saved-data-view-en.png'));
    await page.getByTestId('notice-banner').getByRole('button').click();
    await train(page);
    await waitForChart(page, 'confusion-matrix');
    const size = await page
      .getByTestId('confusion-matrix')
      .evaluate((el) => ({ w: el.clientWidth, h: el.clientHeight }));
    h.nextSavePath = join(dir, 'confusion.png');
    await page.getByTestId('confusion-matrix-save-png').click();
    await expect.poll(() => page.getByTestId('notice-banner').textContent()).toContain('Saved confusion.png');
    expect(h.saveDialogs.at(-1)).toEqual({ suggestedName: 'Confusion matrix.png', kind: 'png' });
    const facts = await pngFacts(page, h.nextSavePath);
    expect([facts.width, facts.height]).toEqual([size.w * 2, size.h * 2]);
    expect(facts.corner).toEqual([255, 255, 255]);
    expect(facts.colours).toBeGreaterThan(8);
    expect(facts.inkShare).toBeGreaterThan(0.05);
    await copyFile(
      h.nextSavePath,
      join(process.cwd(), 'test-results', 'e2e', 'saved-confusion-matrix-en.png'),
    );
    await page.getByTestId('confusion-matrix-copy-png').click();
    await expect.poll(() => h.clipboardImages.length).toBe(1);
    expect([...h.clipboardImages[0].subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('exports metrics and importances as CSV with the numbers shown', async () => {
    const { page } = h;
    h.nextSavePath = join(dir, 'metrics.csv');
    await page.getByTestId('export-metrics-csv').click();
    await expect.poll(() => page.getByTestId('notice-banner').textContent()).toContain('Saved metrics.csv');
    const metrics = csvRecords(await readFile(h.nextSavePath, 'utf8'));
    const shown = Number(await page.getByTestId('metric-accuracy').getAttribute('data-value'));
    expect(Number(metrics.find((r) => r.metric === 'accuracy')!.value)).toBe(shown);
    h.nextSavePath = join(dir, 'importances.csv');
    await page.getByTestId('export-importances-csv').click();
    await expect.poll(() => page.getByTestId('notice-banner').textContent()).toContain('importances.csv');
    const imp = csvRecords(await readFile(h.nextSavePath, 'utf8'));
    expect(imp.map((r) => r.feature).sort()).toEqual(
      ['petal_length_cm', 'petal_width_cm', 'sepal_length_cm', 'sepal_width_cm'].sort(),
    );
  });

  it('explains all 30 test cases in the worker and exports them as CSV equal to the engine', async () => {
    const { page } = h;
    await page.getByTestId('view-explain').click();
    // 1000 samples keep the batch short on a busy CI machine; progress shows in the status bar.
    await page.getByLabel('Samples', { exact: true }).fill('1000');
    await page.getByTestId('explain-all').click();
    await page.getByTestId('job-progress').waitFor();
    await expect
      .poll(() => page.getByTestId('explained-count').getAttribute('data-count'), { timeout: 120_000 })
      .toBe('30');
    h.nextSavePath = join(dir, 'explanations.csv');
    await page.getByTestId('export-explanations-csv').click();
    await expect.poll(() => page.getByTestId('notice-banner').textContent()).toContain('explanations.csv');
    const records = csvRecords(await readFile(h.nextSavePath, 'utf8'));
    expect(records).toHaveLength(30 * 4);
    // The first case against the engine run in-process on the same restored model.
    const project = join(dir, 'first.limelens');
    h.nextSavePath = project;
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('notice-banner').textContent()).toContain('first.limelens');
    const saved = JSON.parse(await readFile(project, 'utf8'));
    const dataset = loadDataset(new Uint8Array(await readFile(dataCopy)), 'iris.csv');
    const model = restoreModel(dataset, saved.settings, {
      forest: saved.model.forest,
      impurityImportance: [],
      permutationImportance: [],
      trainMillis: 0,
    });
    const row = Number(records[0].row) - 1;
    const e = await explainDataRow(model, dataset, row, {
      ...DEFAULT_LIME_SETTINGS,
      numFeatures: 4,
      numSamples: 1000,
    });
    expect(records.slice(0, 4).map((r) => Number(r.weight))).toEqual(e.weights.map((w) => w.weight));
    expect(Number(records[0].intercept)).toBe(e.intercept);
    await screenshotView(page, 'explain-batch-en');
  }, 240_000);

  it('saves the whole scrolled Explain view as one 2× PNG', async () => {
    const { page } = h;
    await page.getByTestId('explain-case-' + (await firstCaseRow(page))).click();
    await waitForChart(page, 'lime-weights');
    const size = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      return { w: main.scrollWidth, h: main.scrollHeight, client: main.clientHeight };
    });
    h.nextSavePath = join(dir, 'explain-view.png');
    await page.getByTestId('save-view-png').click();
    await expect
      .poll(() => page.getByTestId('notice-banner').textContent(), { timeout: 20_000 })
      .toContain('explain-view.png');
    const facts = await pngFacts(page, h.nextSavePath);
    expect(size.h).toBeGreaterThan(size.client); // the view scrolls: the image holds more than the window
    expect([facts.width, facts.height]).toEqual([size.w * 2, size.h * 2]);
    expect(facts.colours).toBeGreaterThan(20);
    await copyFile(h.nextSavePath, join(process.cwd(), 'test-results', 'e2e', 'saved-explain-view-en.png'));
  });

  it('Save Project As, reopen: the same metrics and explanations, no training', async () => {
    const { page } = h;
    const project = join(dir, 'study.limelens');
    h.nextSavePath = project;
    await page.keyboard.press('Control+Shift+S');
    await expect.poll(() => page.getByTestId('notice-banner').textContent()).toContain('study.limelens');
    await page.getByTestId('view-model').click();
    const shownBefore = await page.getByTestId('metric-accuracy').getAttribute('data-value');
    await page.getByRole('button', { name: 'Back to start' }).click();
    await page.getByTestId('welcome').waitFor();
    const callsBefore = h.calls.length;
    h.nextProjectPath = project;
    await page.keyboard.press('Control+Shift+O');
    await page.getByTestId('explain-view').waitFor();
    await expect.poll(() => page.getByTestId('explained-count').getAttribute('data-count')).toBe('30');
    await page.getByTestId('explanation').waitFor();
    const channels = h.calls.slice(callsBefore).map((c) => c.channel);
    expect(channels).toContain('project:open');
    expect(channels).not.toContain('model:train');
    expect(channels).not.toContain('model:explain');
    await screenshotView(page, 'project-reopened-explain-en');
    await page.getByTestId('view-model').click();
    expect(await page.getByTestId('metric-accuracy').getAttribute('data-value')).toBe(shownBefore);
  });

  it('a truncated project is refused with a clear message; the open project and the file stay', async () => {
    const { page } = h;
    const full = await readFile(join(dir, 'study.limelens'), 'utf8');
    const cut = join(dir, 'cut.limelens');
    await writeFile(cut, full.slice(0, 5000));
    h.nextProjectPath = cut;
    await page.keyboard.press('Control+Shift+O');
    await expect
      .poll(() => page.getByTestId('error-message').textContent())
      .toBe(
        '"cut.limelens" is damaged and was not opened: it is not complete JSON (the file may have been cut short).',
      );
    expect(await page.getByTestId('metric-accuracy').count()).toBe(1);
    expect(await readFile(cut, 'utf8')).toBe(full.slice(0, 5000));
    await h.screenshot('project-damaged-en');
    await page.getByTestId('error-dismiss').click();
  });

  it('a project whose data file is gone says so and lets the user locate it', async () => {
    const { page } = h;
    await rm(dataCopy);
    h.nextProjectPath = join(dir, 'study.limelens');
    await page.keyboard.press('Control+Shift+O');
    await page.getByTestId('project-problem').waitFor();
    expect(await page.getByTestId('project-problem').getAttribute('data-problem')).toBe('data-missing');
    await h.screenshot('project-data-missing-en');
    await copyFile(samplePath('iris.csv'), join(dir, 'iris-moved.csv'));
    h.nextDialogPath = join(dir, 'iris-moved.csv');
    await page.getByTestId('project-locate').click();
    await page.getByTestId('explain-view').waitFor();
    await expect.poll(() => page.getByTestId('project-problem').count()).toBe(0);
    await expect.poll(() => page.getByTestId('explained-count').getAttribute('data-count')).toBe('30');
  });
});

async function firstCaseRow(page: Page): Promise<string> {
  const id = await page.locator('[data-testid^="explain-case-"]').first().getAttribute('data-testid');
  return id!.replace('explain-case-', '');
}

describe('exports and projects (Korean, dark)', () => {
  let k: Harness;
  beforeAll(async () => {
    k = await launchHarness({ locale: 'ko-KR', colorScheme: 'dark' });
  }, 60_000);
  afterAll(() => k.close());

  it('reopens the project in Korean and saves a chart PNG on the dark background', async () => {
    const { page } = k;
    await page.getByTestId('welcome').waitFor();
    k.nextProjectPath = join(dir, 'study.limelens');
    await page.keyboard.press('Control+Shift+O');
    // The English run deleted the recorded data file: the Korean user is told and locates it.
    await page.getByTestId('project-problem').waitFor();
    expect(await page.getByTestId('project-problem').textContent()).toContain('데이터 파일이 없습니다');
    await k.screenshot('project-data-missing-ko-dark');
    k.nextDialogPath = join(dir, 'iris-moved.csv');
    await page.getByTestId('project-locate').click();
    await page.getByTestId('explain-view').waitFor();
    await expect
      .poll(() => page.getByTestId('explained-count').textContent())
      .toContain('테스트 사례 30개 중 30개 설명됨');
    await waitForChart(page, 'lime-weights');
    await screenshotView(page, 'project-reopened-explain-ko-dark');
    k.nextSavePath = join(dir, 'weights-ko.png');
    await page.getByTestId('lime-weights-save-png').click();
    await expect.poll(() => page.getByTestId('notice-banner').textContent()).toContain('weights-ko.png');
    const facts = await pngFacts(page, k.nextSavePath);
    expect(facts.corner).toEqual([0x1b, 0x20, 0x29]); // --surface of the dark theme
    expect(facts.colours).toBeGreaterThan(8);
    await copyFile(
      k.nextSavePath,
      join(process.cwd(), 'test-results', 'e2e', 'saved-lime-weights-ko-dark.png'),
    );
    await page.getByTestId('view-model').click();
    await screenshotView(page, 'project-model-ko-dark');
  });
});
