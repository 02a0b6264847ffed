import { describe, expect, it } from 'vitest';
import {
  collapsedBins,
  collapsedBinsOf,
  defaultTrainSettings,
  loadDataset,
  trainModel,
} from '../../../src-main/engine';
import { trainSample } from './breastCancerModel';

describe('collapsed quantile bins', () => {
  it('a zero-heavy column (60% zeros) has quartile edges 0, 0, 15.25: collapsed at 0', () => {
    const column = [...new Array(60).fill(0), ...Array.from({ length: 40 }, (_, i) => i + 1)];
    const c = collapsedBinsOf(column, 4, 'quartile');
    expect(c).not.toBeNull();
    expect(c!.edges).toEqual([0, 0, 15.25]);
    expect(c!.repeated).toEqual([0]);
    expect(c!.shareAtRepeated).toBe(0.6);
  });

  it('distinct edges are not flagged; deciles of the same column are', () => {
    const column = Array.from({ length: 100 }, (_, i) => (i < 25 ? 0 : i));
    expect(collapsedBinsOf(column, 0, 'quartile')).toBeNull();
    expect(collapsedBinsOf(column, 0, 'decile')!.repeated).toEqual([0]);
  });

  it('a column whose many missing values were filled with the median collapses after imputation', () => {
    const lines = ['glucose,insulin,outcome'];
    for (let i = 0; i < 200; i++) {
      const insulin = i % 2 === 0 ? '' : String(20 + ((i * 37) % 300));
      lines.push(`${80 + ((i * 13) % 120)},${insulin},${i % 3 === 0 ? 'yes' : 'no'}`);
    }
    const dataset = loadDataset(new TextEncoder().encode(lines.join('\n')), 'pima-like.csv');
    const model = trainModel(dataset, { ...defaultTrainSettings(dataset, 'outcome'), nEstimators: 5 });
    const found = collapsedBins(model.xTrain, [0, 1], 'quartile');
    expect(found.map((c) => model.frame.featureNames[c.feature])).toEqual(['insulin']);
    const [insulin] = found;
    // Half the rows hold the training median, so the 25th and 50th percentiles (or 50th and 75th) coincide.
    expect(insulin.repeated).toHaveLength(1);
    expect(insulin.shareAtRepeated).toBeGreaterThan(0.45);
    expect(collapsedBins(model.xTrain, [0, 1], 'entropy')).toEqual([]);
    expect(collapsedBins(model.xTrain, [0, 1], null)).toEqual([]);
  });

  it("breast cancer's 30 features have distinct quartile and decile edges", () => {
    const { model } = trainSample('breast_cancer.csv', 'diagnosis');
    const all = model.frame.featureNames.map((_, i) => i);
    expect(collapsedBins(model.xTrain, all, 'quartile')).toEqual([]);
    expect(collapsedBins(model.xTrain, all, 'decile')).toEqual([]);
  });
});
