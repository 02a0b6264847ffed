// Rows per day / month / year of a date column, for the Data view's time chart.
import { describe, expect, it } from 'vitest';
import { dateCounts } from '../../../src-main/engine/data/dateCounts';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import { datasetSummary } from '../../../src-main/worker/dto';
import { clinicWorkbook } from '../../fixtures/excelDateWorkbook';

describe('dateCounts', () => {
  it('counts per day within two months, listing empty days', () => {
    expect(dateCounts(['2024-03-05', '2024-03-07 14:30', null, '2024-03-05', 'later'], 'ymd')).toEqual({
      unit: 'day',
      labels: ['2024-03-05', '2024-03-06', '2024-03-07'],
      counts: [2, 0, 1],
    });
  });

  it('counts per month up to ten years, reading day-first dates in their order', () => {
    expect(dateCounts(['05/12/2023', '31/01/2024', '01/03/2024', '29/02/2024', '15/03/2024'], 'dmy')).toEqual(
      {
        unit: 'month',
        labels: ['2023-12', '2024-01', '2024-02', '2024-03'],
        counts: [1, 1, 1, 2],
      },
    );
  });

  it('counts per year beyond ten years; null without any date', () => {
    expect(dateCounts(['1999-06-01', '2012-01-01', '2012-12-31'], 'ymd')).toEqual({
      unit: 'year',
      labels: Array.from({ length: 14 }, (_, i) => String(1999 + i)),
      counts: [1, ...new Array<number>(12).fill(0), 2],
    });
    expect(dateCounts([null, 'n/a'], 'ymd')).toBeNull();
  });
});

describe('the Data view summary of a date column', () => {
  it('carries the time chart counts of the Excel dates; numeric columns do not', () => {
    const summary = datasetSummary('d1', loadDataset(clinicWorkbook(), 'visits.xlsx'));
    const [visit, , dose, , , received] = summary.columns;
    expect(visit.dateCounts).toEqual({
      unit: 'day',
      labels: Array.from({ length: 12 }, (_, i) => `2024-03-${String(5 + i).padStart(2, '0')}`),
      counts: new Array<number>(12).fill(1),
    });
    // 2023-03-15 … 2023-04-17 every third day: 6 in March, 6 in April, spanning 34 days.
    expect(received.dateCounts?.unit).toBe('day');
    expect(received.dateCounts?.labels).toHaveLength(34);
    expect(received.dateCounts?.counts.reduce((a, b) => a + b, 0)).toBe(12);
    expect(dose.dateCounts).toBeUndefined();
  });
});
