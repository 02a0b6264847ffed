// Hostile data through the real handlers: out-of-range numbers are counted in the Data
// view, a Windows-1252 file keeps its accents, a ZIP bomb is refused in plain words.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, ROOT, type Harness } from './harness/harness';
import { sheetBomb } from '../fixtures/hostileWorkbooks';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'lime-lens-hostile-'));
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(() => h.close());

async function openViaDialog(path: string): Promise<void> {
  h.nextDialogPath = path;
  await h.page.getByTestId('open-file').first().click();
}

async function backToStart(): Promise<void> {
  await h.page.getByTestId('view-data').click();
  await h.page.getByRole('button', { name: 'Back to start' }).click();
}

describe('hostile data in the app', () => {
  it('counts numbers beyond the double range as missing in the column summary, with a warning', async () => {
    const { page } = h;
    const rows = Array.from(
      { length: 20 },
      (_, i) => `${i === 3 ? '1e309' : i === 7 ? '-1e400' : i * 1.5},${i % 2 ? 'a' : 'b'}`,
    );
    const path = join(dir, 'overflow.csv');
    writeFileSync(path, 'dose,group\n' + rows.join('\n') + '\n');
    await page.getByTestId('welcome').waitFor();
    await openViaDialog(path);
    await page.getByTestId('dataset-rows').waitFor();
    await page.locator('#column-select').selectOption('dose');
    expect(await page.getByTestId('column-non-finite').innerText()).toBe('2');
    expect(await page.getByTestId('column-missing').innerText()).toContain('2');
    expect(await page.locator('section.warnings').innerText()).toContain(
      "Column 'dose': 2 values beyond the range of numbers (±1.8e308) were read as missing (first: '1e309' in row 5).",
    );
    await h.screenshot('hostile-non-finite-en');
  });

  it('reads the Windows-1252 fixture with its accented headers', async () => {
    const { page } = h;
    await backToStart();
    await openViaDialog(`${ROOT}test/fixtures/data/windows-1252.csv`);
    await page.getByTestId('dataset-rows').waitFor();
    const options = await page.locator('#column-select option').allInnerTexts();
    expect(options).toEqual(['Größe', 'Température', 'Catégorie', 'Gewicht']);
    await h.screenshot('hostile-windows-1252-en');
  });

  it('refuses a 600 MB sheet bomb with a plain message and stays usable', async () => {
    const { page } = h;
    await backToStart();
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(path, sheetBomb());
    await openViaDialog(path);
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(
      'bomb.xlsx could not be read as an Excel workbook: the part xl/worksheets/sheet1.xml would inflate to 601 MB',
    );
    await h.screenshot('hostile-bomb-en');
    await page.getByTestId('error-dismiss').click();
  });
});
