// Menu commands from main, a file dropped onto the window, and a 100 000-row file in the
// virtualized table — through the real handlers and worker.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src-main/engine';
import { launchHarness, samplePath, type Harness } from './harness/harness';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'lime-lens-e2e-files-'));
beforeAll(async () => {
  h = await launchHarness();
  await h.page.getByTestId('welcome').waitFor();
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const emit = (payload: unknown) => h.page.evaluate((p) => window.__limeLensEmit('menu:command', p), payload);

describe('menu commands, drag and drop, large files', () => {
  it('File ▸ Open sample ▸ Iris opens the sample; View ▸ Language ▸ 한국어 switches the UI', async () => {
    await emit({ type: 'open-sample', sampleId: 'iris' });
    await expect.poll(() => h.page.getByTestId('dataset-rows').getAttribute('data-value')).toBe('150');
    await emit({ type: 'set-language', language: 'ko' });
    await expect.poll(() => h.page.getByTestId('view-data').innerText()).toContain('데이터');
    await emit({ type: 'set-language', language: 'en' });
    await expect.poll(() => h.page.getByTestId('view-data').innerText()).toContain('Data');
  });

  it('a file dropped anywhere on the window opens it (the preload maps the File to its path)', async () => {
    const path = samplePath('diabetes.csv');
    await h.page.evaluate((p) => {
      window.__harnessPathForFile = () => p;
    }, path);
    await h.page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['ignored'], 'diabetes.csv', { type: 'text/csv' }));
      const target = document.querySelector('main') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    });
    await expect.poll(() => h.page.getByTestId('dataset-rows').getAttribute('data-value')).toBe('442');
    expect(await h.page.getByTestId('dataset-file').innerText()).toContain('diabetes.csv');
  });

  it('opens a 100 000 × 30 file and scrolls its virtualized table to the last row', async () => {
    const rng = createRng(3);
    const header = [...Array.from({ length: 30 }, (_, j) => `f${j}`), 'label'].join(',');
    const lines = [header];
    for (let i = 0; i < 100_000; i++) {
      lines.push(
        `${Array.from({ length: 30 }, () => rng.normal().toFixed(3)).join(',')},${i % 3 === 0 ? 'yes' : 'no'}`,
      );
    }
    const file = join(dir, 'large.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    h.nextDialogPath = file;
    await emit({ type: 'open-dataset' });
    await expect
      .poll(() => h.page.getByTestId('dataset-rows').getAttribute('data-value'), { timeout: 20_000 })
      .toBe('100000');
    const table = h.page.getByTestId('data-table');
    // Only the visible rows exist in the DOM.
    expect(await table.locator('tr').count()).toBeLessThan(200);
    await table.evaluate((el) => {
      const scroller = el.querySelector('[data-scroll]') ?? el;
      scroller.scrollTop = scroller.scrollHeight;
    });
    await expect.poll(() => table.innerText(), { timeout: 10_000 }).toContain('100,000');
    // …and the cells of the last rows arrive from the worker (rows are fetched in pages).
    await expect.poll(() => table.innerText(), { timeout: 10_000 }).not.toContain('Loading');
    const lastRow = (await table.innerText()).split('\n').filter((l) => l.includes('100,000'));
    expect(lastRow.length).toBeGreaterThan(0);
    await h.screenshot('large-file-last-rows-en');
    expect(h.pageErrors).toEqual([]);
  });
});
