// Real-world tables, part two: an Excel workbook whose dates are serial numbers in date-formatted
// cells shows a Date column with real days; a zero-padded patient number keeps its zeros in the
// table, the case list, the explanation header and the CLI's JSON. English and Korean.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExplain } from '../../src-main/cli/explainCommand';
import { clinicWorkbook } from '../fixtures/excelDateWorkbook';
import { launchHarness, type Harness } from './harness/harness';
import { openFile, screenshotView, tableCell, train, waitForChart } from './steps';

const dir = mkdtempSync(join(tmpdir(), 'lime-lens-xlsx-dates-'));
const workbook = join(dir, 'visits.xlsx');
writeFileSync(workbook, clinicWorkbook());
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const padded = fileURLToPath(new URL('../fixtures/data/patients-padded.csv', import.meta.url));

for (const [locale, dateKind, dateChart, rowAndId] of [
  ['en-US', 'Date', 'Rows per day of visit', (row: number, id: string) => `Row ${row} · ID ${id}`],
  ['ko-KR', '날짜', 'visit의 일별 행 수', (row: number, id: string) => `${row}행 · ID ${id}`],
] as const) {
  describe(`Excel dates and padded IDs (${locale})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await launchHarness({ locale });
      await h.page.getByTestId('welcome').waitFor();
    });
    afterAll(() => h.close());

    it('an Excel date column shows days, not serial numbers, and is no default feature', async () => {
      const { page } = h;
      await openFile(h, workbook, 12);
      await expect.poll(() => tableCell(page, 1, 0).innerText()).toBe('2024-03-05');
      expect(await tableCell(page, 1, 1).innerText()).toBe('2024-03-05 14:30');
      expect(await tableCell(page, 2, 5).innerText()).toBe('2023-03-18');
      expect(await page.getByTestId('feature-visit').isChecked()).toBe(false);
      expect(await page.getByTestId('feature-dose').isChecked()).toBe(true);
      await page.locator('#column-select').selectOption('visit');
      expect(await page.getByTestId('column-kind').innerText()).toBe(dateKind);
      expect(await page.getByTestId('column-first-date').innerText()).toBe('2024-03-05');
      expect(await page.getByTestId('column-last-date').innerText()).toBe('2024-03-16');
      // The time chart: rows per day of the 12 visit days.
      await waitForChart(page, 'column-chart');
      expect(await page.getByTestId('column-chart').getAttribute('aria-label')).toBe(dateChart);
      await screenshotView(page, `data-excel-date-${locale}`);
      expect(h.pageErrors).toEqual([]);
    });

    it('a zero-padded ID keeps its zeros in the table, the case list, the header and the CLI', async () => {
      // A fresh window: the open button lives on the welcome view.
      await h.close();
      h = await launchHarness({ locale });
      const { page } = h;
      await page.getByTestId('welcome').waitFor();
      await openFile(h, padded, 80);
      await expect.poll(() => tableCell(page, 3, 0).innerText()).toBe('007');
      expect(await tableCell(page, 1, 0).innerText()).toBe('0012');
      expect(await page.getByTestId('id-column-select').inputValue()).toBe('patient_no');
      expect(await page.getByTestId('feature-patient_no').isChecked()).toBe(false);
      await page.locator('#column-select').selectOption('patient_no');
      await screenshotView(page, `data-padded-id-${locale}`);

      await train(page);
      await page.getByTestId('view-explain').click();
      const first = page.locator('[data-testid^="explain-case-"]').first();
      const row = Number(await first.innerText());
      const id = await page.getByTestId(`case-id-${row}`).innerText();
      // Every ID of this file has a leading zero.
      expect(id).toMatch(/^0\d+$/);
      await first.click();
      await waitForChart(page, 'lime-weights');
      expect(await page.getByTestId('case-title').innerText()).toBe(rowAndId(row, id));
      const { report } = await runExplain({
        command: 'explain',
        data: padded,
        select: { caseId: id },
        seed: 42,
        trees: 100,
        numFeatures: 8,
        numSamples: 5000,
        testFraction: 0.2,
        json: true,
      });
      expect(report.explanation).toMatchObject({ row, id });
      await screenshotView(page, `explain-padded-id-${locale}`);
      expect(h.pageErrors).toEqual([]);
    });
  });
}
