// An XLSX workbook with two sheets, Korean headers and a categorical feature: the sheet can be
// switched in the Data view, and LIME shows the categorical feature as `name=value`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src-main/engine';
import { writeXlsx, type XlsxCell } from '../fixtures/xlsxWriter';
import { launchHarness, type Harness } from './harness/harness';
import { screenshotView, train, waitForChart } from './steps';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'lime-lens-xlsx-'));
const workbook = join(dir, '환자.xlsx');

beforeAll(async () => {
  const rng = createRng(5);
  const patients: XlsxCell[][] = [['나이', '체질량지수', '흡연', '결과']];
  for (let i = 0; i < 160; i++) {
    const age = 30 + Math.round(rng.next() * 50);
    const bmi = Math.round((19 + rng.next() * 15) * 10) / 10;
    const smoker = rng.next() < 0.4 ? '예' : '아니오';
    // The outcome depends mostly on smoking, then on age.
    const risk = (smoker === '예' ? 2.5 : -1) + (age - 55) / 10 + rng.normal() * 0.5;
    patients.push([age, bmi, smoker, risk > 0 ? '위험' : '정상']);
  }
  writeFileSync(
    workbook,
    writeXlsx([
      { name: '환자', rows: patients },
      {
        name: '메모',
        rows: [
          ['항목', '값'],
          ['작성자', '연구팀'],
          ['버전', 2],
          ['비고', '없음'],
        ],
      },
    ]),
  );
  h = await launchHarness({ locale: 'ko-KR' });
  await h.page.getByTestId('welcome').waitFor();
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('XLSX workbook with sheets and a categorical feature', () => {
  it('opens the first sheet and switches to another one', async () => {
    const { page } = h;
    h.nextDialogPath = workbook;
    await page.getByTestId('open-file').first().click();
    await expect.poll(() => page.getByTestId('dataset-rows').getAttribute('data-value')).toBe('160');
    const select = page.getByTestId('sheet-select');
    expect(await select.locator('option').allInnerTexts()).toEqual(['환자', '메모']);
    await select.selectOption('메모');
    await expect.poll(() => page.getByTestId('dataset-rows').getAttribute('data-value')).toBe('3');
    await page.getByTestId('sheet-select').selectOption('환자');
    await expect.poll(() => page.getByTestId('dataset-rows').getAttribute('data-value')).toBe('160');
    expect(await page.getByTestId('class-count-위험').getAttribute('data-value')).not.toBeNull();
  });

  it('explains a case with the categorical feature as 흡연=예 / 흡연=아니오', async () => {
    const { page } = h;
    await train(page);
    await page.getByTestId('view-explain').click();
    await page.locator('[data-testid^="explain-case-"]').first().click();
    await waitForChart(page, 'lime-weights');
    const conditions = await page
      .getByTestId('lime-weight-row')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-condition')));
    expect(conditions).toHaveLength(3);
    const smoking = conditions.find((c) => c?.startsWith('흡연='));
    expect(smoking === '흡연=예' || smoking === '흡연=아니오').toBe(true);
    // The feature the outcome mostly depends on carries the largest weight.
    expect(conditions[0]).toBe(smoking);
    await screenshotView(page, 'explain-xlsx-categorical-ko');
    expect(h.pageErrors).toEqual([]);
  });
});
