// Engine errors arrive with a code and parameters and are shown in the UI's language: Korean here.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/harness';

const path = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
let h: Harness;

beforeAll(async () => {
  h = await launchHarness({ locale: 'ko-KR' });
  await h.page.getByTestId('welcome').waitFor();
});
afterAll(() => h.close());

async function open(file: string): Promise<void> {
  h.nextDialogPath = file;
  await h.page.getByTestId('open-file').first().click();
}

describe('engine messages in Korean', () => {
  it('a ragged file: the Korean message with the file, line and field counts', async () => {
    const { page } = h;
    await open(path('../fixtures/data/ragged.csv'));
    const message = page.getByTestId('error-message');
    await message.waitFor();
    expect(await message.getAttribute('data-code')).toBe('ragged-row');
    expect(await message.innerText()).toBe(
      'ragged.csv, 4번째 줄: 머리글처럼 3개의 필드가 있어야 하는데 2개가 있습니다. ' +
        '따옴표로 묶지 않은 값 안에 구분자(comma)가 있거나 구분자가 빠졌는지 확인하세요.',
    );
    expect(await page.getByTestId('error-file').innerText()).toBe('ragged.csv');
    await h.screenshot('error-ragged-ko');
    await page.getByTestId('error-dismiss').click();
  });

  it('a one-class target: the Korean message naming the column and the class', async () => {
    const { page } = h;
    await open(path('fixtures/one-class.csv'));
    await page.getByTestId('dataset-rows').waitFor();
    await page.getByTestId('target-select').selectOption('outcome');
    await page.getByTestId('view-model').click();
    await page.getByTestId('train-button').click();
    const message = page.getByTestId('error-message');
    await message.waitFor();
    expect(await message.getAttribute('data-code')).toBe('one-class');
    expect(await message.innerText()).toBe(
      "one-class.csv: 목표 변수 'outcome' 열에 클래스가 'yes' 하나뿐입니다. 분류에는 클래스가 두 개 이상 필요합니다.",
    );
    await h.screenshot('error-one-class-ko');
    expect(h.pageErrors).toEqual([]);
  });
});
