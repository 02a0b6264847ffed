// Date columns: detected from ISO-like text, shown as dates, left out of default features,
// and usable as a number (days since 1970-01-01 UTC) when the user asks for it.
import { describe, expect, it } from 'vitest';
import {
  buildModelFrame,
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainDataRow,
  trainModel,
} from '../../../src-main/engine';
import { dateDays, detectDateOrder, formatDateDays } from '../../../src-main/engine/data/dateColumn';
import { featureColumn } from '../../../src-main/engine/data/featureColumn';
import { suggestExcluded } from '../../../src-main/engine/data/suggestTarget';
import { csv, table } from './helpers';

describe('dateDays', () => {
  it('counts days since 1970-01-01 UTC, with fractions for times of day', () => {
    expect(dateDays('1970-01-01', 'ymd')).toBe(0);
    expect(dateDays('2024-03-05', 'ymd')).toBe(19787);
    expect(dateDays('2024/03/05', 'ymd')).toBe(19787);
    expect(dateDays('2024-03-05 14:30', 'ymd')).toBeCloseTo(19787 + 14.5 / 24, 12);
    expect(dateDays('2024-03-05T12:00:00', 'ymd')).toBe(19787.5);
    expect(dateDays('05/03/2024', 'dmy')).toBe(19787);
    expect(dateDays('03/05/2024', 'mdy')).toBe(19787);
    // Slashed dates need an order; impossible days are no dates.
    expect(dateDays('05/03/2024', 'ymd')).toBeNaN();
    expect(dateDays('31/04/2024', 'dmy')).toBeNaN();
    expect(dateDays('2023-02-29', 'ymd')).toBeNaN();
    expect(dateDays('2024-02-29', 'ymd')).toBe(19782);
    expect(dateDays('2024-03-05 24:00', 'ymd')).toBeNaN();
  });

  it('formats day numbers back as ISO text', () => {
    expect(formatDateDays(19787)).toBe('2024-03-05');
    expect(formatDateDays(19787 + 14.5 / 24)).toBe('2024-03-05 14:30');
  });
});

describe('detectDateOrder', () => {
  it('decides day-first or month-first only when a day above 12 shows it', () => {
    expect(detectDateOrder(['05/03/2024', '25/03/2024'])).toBe('dmy');
    expect(detectDateOrder(['03/05/2024', '03/25/2024'])).toBe('mdy');
    expect(detectDateOrder(['05/03/2024', '04/03/2024'])).toBeNull();
    // Both a day-first and a month-first value: no consistent reading.
    expect(detectDateOrder(['25/03/2024', '03/25/2024'])).toBeNull();
    expect(detectDateOrder(['2024-03-05', null, '2024-03-06 08:00'])).toBe('ymd');
  });

  it('needs 95 % of the present values to be dates', () => {
    const dates = Array.from({ length: 19 }, (_, i) => `2024-03-${String(i + 1).padStart(2, '0')}`);
    expect(detectDateOrder([...dates, 'unknown'])).toBe('ymd'); // 19 of 20
    expect(detectDateOrder([...dates.slice(0, 18), 'unknown', 'later'])).toBeNull(); // 18 of 20
    expect(detectDateOrder(['12', '2024-03-05'])).toBeNull();
  });
});

describe('date columns in a file', () => {
  const rows = (dates: string[]) =>
    dates.map((d, i) => [d, i % 2 === 0 ? 'a' : 'b', i, i < 3 ? 'no' : 'yes']);

  it('are detected with the file’s order and summarised by their earliest and latest date', () => {
    const d = csv(
      table(
        ['seen', 'group', 'x', 'outcome'],
        rows(['05/03/2024', '25/03/2024', '01/02/2024', '', '07/12/2023', '05/03/2024']),
      ),
    );
    const seen = d.columns[0];
    expect(seen.kind).toBe('date');
    expect(seen).toMatchObject({
      dateOrder: 'dmy',
      minDate: '2023-12-07',
      maxDate: '2024-03-25',
      missing: 1,
    });
    // 05/03/2024 is 5 March.
    const days = featureColumn(d, 0, 'numeric');
    expect(days.kind).toBe('numeric');
    expect(Array.from((days as { values: Float64Array }).values)).toEqual([
      19787,
      19807,
      19754,
      NaN,
      19698,
      19787,
    ]);
  });

  it('an ambiguous-only slashed column stays text', () => {
    const d = csv(
      table(
        ['seen', 'group', 'x', 'outcome'],
        rows(['05/03/2024', '04/03/2024', '05/03/2024', '04/03/2024']),
      ),
    );
    expect(d.columns[0].kind).toBe('categorical');
    expect(d.columns[0].dateOrder).toBeUndefined();
  });

  it('are left out of the default features and never suggested as target', () => {
    const d = csv(
      table(
        ['seen', 'group', 'x', 'outcome'],
        rows(['2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08']),
      ),
    );
    expect(suggestExcluded(d, 'outcome')).toEqual(['seen', 'outcome']);
    const settings = defaultTrainSettings(d);
    expect(settings.target).toBe('outcome');
    expect(settings.features).toEqual(['group', 'x']);
  });
});

describe('a date column used as a number', () => {
  // 80 days from 2024-01-01 (19723); the outcome turns 'late' from day 40 on, x is noise.
  const lines = Array.from({ length: 80 }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
    return [day, (i * 7) % 11, i >= 40 ? 'late' : 'early'];
  });
  const d = csv(table(['visit', 'x', 'outcome'], lines));

  it('becomes a numeric feature of days since 1970, recorded in the preprocessing', () => {
    expect(d.columns[0]).toMatchObject({ kind: 'date', minDate: '2024-01-01', maxDate: '2024-03-20' });
    const settings = defaultTrainSettings(d, 'outcome', {});
    expect(settings.features).toEqual(['x']);
    const frame = buildModelFrame(d, {
      ...settings,
      features: ['visit', 'x'],
      columnTypes: { visit: 'numeric' },
    });
    expect(frame.featureKinds).toEqual(['numeric', 'numeric']);
    expect(frame.X[0][0]).toBe(19723);
    expect(frame.X[79][0]).toBe(19802);
    expect(frame.preprocessing).toContain("Column 'visit': dates used as numbers (days since 1970-01-01).");
  });

  it('trains and is explained with a numeric condition on the days', async () => {
    const settings = {
      ...defaultTrainSettings(d, 'outcome', {}),
      features: ['visit', 'x'],
      columnTypes: { visit: 'numeric' as const },
      nEstimators: 20,
    };
    const model = trainModel(d, settings);
    expect(model.frame.featureKinds[0]).toBe('numeric');
    const explained = await explainDataRow(model, d, 79, DEFAULT_LIME_SETTINGS);
    const visit = explained.weights.find((w) => w.feature === 'visit');
    // Quartile edges of 19723…19802 over the training rows: a range in days, never `visit=…`.
    expect(visit?.condition).toMatch(/^visit > 197\d\d\.\d\d$/);
    expect(visit?.value).toBe('2024-03-20');
    expect(visit!.weight).toBeGreaterThan(0);
  });
});
