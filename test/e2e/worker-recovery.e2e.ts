// The computation worker killed mid-training: the app stays up, says what happened in Korean,
// keeps the dataset on screen (main reopened it), and training works again without a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness/harness';
import { launchWithSample } from './steps';

let h: Harness;
beforeAll(async () => {
  h = await launchWithSample('ko-KR', 'breast_cancer');
});
afterAll(() => h.close());

describe('worker killed mid-training', () => {
  it('recovers: Korean notice, dataset still open, no error banner, retraining works', async () => {
    const { page } = h;
    await page.getByTestId('view-model').click();
    await page.locator('#ms-trees').fill('2000');
    await page.getByTestId('train-button').click();
    await page.getByTestId('train-progress').waitFor();
    const pid = h.jobs.workerPid!;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');

    const notice = page.getByTestId('notice-banner');
    await expect
      .poll(async () => (await notice.textContent())?.trim(), { timeout: 20_000 })
      .toBe(
        '계산 작업이 예기치 않게 중지되어 Lime Lens가 다시 시작했습니다. 데이터셋을 다시 열었습니다. 계속하려면 모델을 다시 학습하세요.',
      );
    expect(await page.getByTestId('train-progress').count()).toBe(0);
    expect(await page.getByTestId('error-banner').count()).toBe(0);
    expect(h.jobs.workerPid).not.toBe(pid);
    await h.screenshot('worker-restarted-ko');

    // The data view still reads rows from the reopened dataset.
    await page.getByTestId('view-data').click();
    await page.getByTestId('dataset-rows').waitFor();
    await page.getByTestId('view-model').click();
    await page.locator('#ms-trees').fill('50');
    await page.getByTestId('train-button').click();
    await page.getByTestId('train-summary').waitFor({ timeout: 60_000 });
    expect(Number(await page.getByTestId('metric-accuracy').getAttribute('data-value'))).toBeGreaterThan(0.9);
    await h.screenshot('worker-restarted-retrained-ko');
    expect(h.pageErrors).toEqual([]);
  });
});
