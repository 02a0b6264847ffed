// The Report view end to end: open the breast-cancer sample, train, choose two cases, make the
// report (worker + explain), see the live preview, save PDF and HTML through the scripted dialog.
// Also the 10-case benchmark from the view (make + save PDF), printed to the console.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, RESULTS_DIR, type Harness } from './harness/harness';
import { openSample, screenshotView, train } from './steps';

let h: Harness;
let dir: string;
const SHA256 = '7e115a871fc47b0002ff74842ddb6b61b08baf51b137f171c34af4d053c0b081';

beforeAll(async () => {
  h = await launchHarness({ locale: 'en-US' });
  dir = await mkdtemp(join(tmpdir(), 'lime-lens-report-view-'));
});
afterAll(() => h.close());

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** The trust sections (issue #9 §6) as the PDF prints their headings. */
const TRUST_HEADINGS = {
  en: [
    'Stability over 10 seeded runs',
    'LIME and exact TreeSHAP',
    'Trust: the global picture',
    'Explanations that cover the model (SP-LIME)',
    'Trust figures',
  ],
  ko: [
    '시드 10개로 다시 설명한 안정성',
    'LIME과 정확한 TreeSHAP 비교',
    '신뢰성: 모델 전체',
    '모델을 대표하는 설명(SP-LIME)',
    '신뢰성 수치',
  ],
};

describe('Report view', () => {
  it('makes a report of two chosen cases and shows it in the preview', async () => {
    const { page } = h;
    await openSample(page, 'breast_cancer');
    await train(page);
    await page.getByTestId('view-report').click();
    await page.getByTestId('report-view').waitFor();
    await page.getByTestId('report-mode-selection').check();
    const list = page.getByTestId('report-case-list');
    await list.locator('input[type="checkbox"]').nth(0).check();
    await list.locator('input[type="checkbox"]').nth(1).check();
    const labels = await list.locator('label').allTextContents();
    const rows = labels.slice(0, 2).map((l) => Number(/Row (\d+)/.exec(l)![1]));
    await page.getByTestId('report-title').fill('Tumour board: two cases');
    await page.getByTestId('report-author').fill('Dr. Preview');
    await page.getByTestId('report-make').click();
    const preview = page.getByTestId('report-preview');
    await preview.waitFor({ timeout: 60_000 });
    await expect.poll(() => preview.locator('section.case').count()).toBe(2);
    const text = await preview.innerText();
    expect(text).toContain('Tumour board: two cases');
    expect(text).toContain('Dr. Preview');
    for (const row of rows) expect(text).toContain(`Row ${row}`);
    expect(text).toContain(SHA256);
    // ROC, 2 importances, SHAP importance; per case LIME weights, stability, LIME vs SHAP.
    expect(await preview.locator('svg').count()).toBe(4 + 3 * 2);
    expect(await preview.getByTestId('report-stability').count()).toBe(2);
    expect(await preview.getByTestId('report-lime-shap').count()).toBe(2);
    expect(text).toContain('Trust: the global picture');
    await screenshotView(page, 'report-view-en');
    expect(h.blockedRequests).toEqual([]);
  });

  it('saves the PDF and the HTML that the preview shows, through main', async () => {
    const { page } = h;
    h.nextSavePath = join(dir, 'report.pdf');
    await page.getByTestId('report-save-pdf').click();
    await expect
      .poll(() => page.getByTestId('report-saved').textContent(), { timeout: 60_000 })
      .toBe('Saved report.pdf.');
    expect(h.saveDialogs.at(-1)).toEqual({ suggestedName: 'Tumour board two cases.pdf', kind: 'pdf' });
    const text = pdfText(h.nextSavePath);
    expect(text).toContain('Tumour board: two cases');
    expect(text).toContain(SHA256);
    const info = execFileSync('pdfinfo', [h.nextSavePath], { encoding: 'utf8' });
    expect(info).toMatch(/^Author:\s+Dr\. Preview$/m);
    expect(info).toMatch(/^Creator:\s+Lime Lens 0\.1\.0$/m);
    expect(info).toMatch(/^Pages:\s+9$/m);
    for (const heading of TRUST_HEADINGS.en)
      expect(text.replace(/ /g, '')).toContain(heading.replace(/ /g, ''));
    expect(text.split('Stability over 10 seeded runs')).toHaveLength(3);
    execFileSync('pdftoppm', ['-png', '-r', '60', h.nextSavePath, join(RESULTS_DIR, 'report-view-pdf-page')]);

    h.nextSavePath = join(dir, 'report.html');
    await page.getByTestId('report-save-html').click();
    await expect.poll(() => page.getByTestId('report-saved').textContent()).toBe('Saved report.html.');
    const html = await readFile(h.nextSavePath, 'utf8');
    expect(html).not.toMatch(/https?:|<script/i);
    expect(html).toContain('Tumour board: two cases');
  });

  it('switches the preview to Korean without making the report again', async () => {
    const { page } = h;
    const before = h.calls.filter((c) => c.channel === 'report:build').length;
    await page.getByTestId('report-language').selectOption('ko');
    const preview = page.getByTestId('report-preview');
    await expect.poll(() => preview.innerText()).toContain('감사 부록');
    expect(h.calls.filter((c) => c.channel === 'report:build').length).toBe(before);
    await screenshotView(page, 'report-view-ko-preview');
    // The same layout prints the trust sections in Korean.
    h.nextSavePath = join(dir, 'report-ko.pdf');
    await page.getByTestId('report-save-pdf').click();
    await expect
      .poll(() => page.getByTestId('report-saved').textContent(), { timeout: 60_000 })
      .toContain('report-ko.pdf');
    const text = pdfText(h.nextSavePath).replace(/ /g, '');
    for (const heading of TRUST_HEADINGS.ko) expect(text).toContain(heading.replace(/ /g, ''));
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      h.nextSavePath,
      join(RESULTS_DIR, 'report-view-pdf-ko-page'),
    ]);
  });

  it('benchmark: a 10-case report from the view, made and saved as PDF', async () => {
    const { page } = h;
    await page.getByTestId('report-language').selectOption('en');
    const list = page.getByTestId('report-case-list');
    for (let i = 2; i < 10; i++) await list.locator('input[type="checkbox"]').nth(i).check();
    const started = performance.now();
    await page.getByTestId('report-make').click();
    await expect
      .poll(() => page.getByTestId('report-preview').locator('section.case').count(), {
        timeout: 120_000,
      })
      .toBe(10);
    const made = performance.now();
    h.nextSavePath = join(dir, 'ten.pdf');
    await page.getByTestId('report-save-pdf').click();
    await expect
      .poll(() => page.getByTestId('report-saved').textContent(), { timeout: 120_000 })
      .toBe('Saved ten.pdf.');
    const saved = performance.now();
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [h.nextSavePath], { encoding: 'utf8' }))![1],
    );
    expect(pages).toBe(27);
    console.log(
      `[bench] Report view, 10 cases: make ${((made - started) / 1000).toFixed(2)} s, ` +
        `save PDF ${((saved - made) / 1000).toFixed(2)} s, total ${((saved - started) / 1000).toFixed(2)} s, ${pages} pages`,
    );
  });
});
