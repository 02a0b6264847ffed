// Bad files get a readable error naming the file, row and column, and the app stays usable.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, ROOT, type Harness } from './harness/harness';
import { openSample, train } from './steps';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(() => h.close());

async function openViaDialog(path: string): Promise<void> {
  h.nextDialogPath = path;
  await h.page.getByTestId('open-file').first().click();
}

describe('malformed files', () => {
  it('a ragged file shows the file, line and field counts in an error banner', async () => {
    const { page } = h;
    await page.getByTestId('welcome').waitFor();
    await openViaDialog(`${ROOT}test/fixtures/data/ragged.csv`);
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    const text = await banner.innerText();
    expect(text).toContain('ragged.csv');
    expect(text).toMatch(/line 4: expected 3 fields .* found 2/);
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
    await h.screenshot('error-ragged-en');
    await page.getByTestId('error-dismiss').click();
    await expect.poll(() => banner.count()).toBe(0);
  });

  it('a one-class target is refused when training, naming the class, and the app stays usable', async () => {
    const { page } = h;
    await openViaDialog(fixture('one-class.csv'));
    await page.getByTestId('dataset-rows').waitFor();
    // A constant column is not suggested as the target; the user picks it.
    await page.getByTestId('target-select').selectOption('outcome');
    await page.getByTestId('view-model').click();
    await page.getByTestId('train-button').click();
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/outcome.*only one class 'yes'/);
    await h.screenshot('error-one-class-en');
    // Still usable: open a sample and train it.
    await page.getByTestId('error-dismiss').click();
    await page.getByTestId('view-data').click();
    await page.getByRole('button', { name: 'Back to start' }).click();
    await openSample(page, 'iris');
    await train(page);
    expect(Number(await page.getByTestId('metric-accuracy').getAttribute('data-value'))).toBeGreaterThan(0.9);
  });

  it('a file that is not a table (PNG bytes renamed .csv) is refused with a clear message', async () => {
    const { page } = h;
    await page.getByTestId('view-data').click();
    await page.getByRole('button', { name: 'Back to start' }).click();
    await openViaDialog(`${ROOT}assets/icons/icon.png`);
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/icon\.png.*not a text table/);
    expect(h.pageErrors).toEqual([]);
  });
});
