import { describe, expect, it } from 'vitest';
import {
  defaultKernelWidth,
  distancesToFirstRow,
  exponentialKernel,
} from '../../../src-main/engine/lime/kernels';
import { LimeTabularExplainer } from '../../../src-main/engine/lime/limeTabularExplainer';
import { gaussianData } from './helpers';

describe('kernel', () => {
  it('defaults to width 0.75·√(number of features)', () => {
    expect(defaultKernelWidth(30)).toBe(0.75 * Math.sqrt(30));
    expect(new LimeTabularExplainer(gaussianData(50, 30, 1)).kernelWidth).toBeCloseTo(4.107919181288746, 15);
    expect(new LimeTabularExplainer(gaussianData(50, 4, 1)).kernelWidth).toBe(1.5);
    expect(new LimeTabularExplainer(gaussianData(50, 4, 1), { kernelWidth: 3 }).kernelWidth).toBe(3);
    expect(() => new LimeTabularExplainer(gaussianData(50, 4, 1), { kernelWidth: 0 })).toThrow(/kernelWidth/);
  });

  it('is sqrt(exp(−d²/w²)) for known distances', () => {
    expect(exponentialKernel(0, 1.5)).toBe(1);
    expect(exponentialKernel(1.5, 1.5)).toBeCloseTo(0.6065306597126334, 15); // e^(−1/2)
    expect(exponentialKernel(3, 1.5)).toBeCloseTo(Math.exp(-2), 15);
    expect(exponentialKernel(2, 4.107919181288746)).toBeCloseTo(Math.sqrt(Math.exp(-4 / 16.875)), 15);
  });

  it('measures euclidean distance to the first row, √(mismatches) on binary rows', () => {
    const data = Float64Array.from([1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 0, 3, 4, 1, 1]);
    expect(Array.from(distancesToFirstRow(data, 4, 4, 'euclidean'))).toEqual([
      0,
      Math.SQRT2,
      2,
      Math.sqrt(4 + 9),
    ]);
    expect(Array.from(distancesToFirstRow(data, 4, 4, 'manhattan'))).toEqual([0, 2, 4, 5]);
  });

  it('uses a custom kernel when given one', async () => {
    const X = gaussianData(300, 3, 2);
    const seen: number[] = [];
    const explainer = new LimeTabularExplainer(X, {
      kernel: (d, w) => {
        seen.push(w);
        return d === 0 ? 1 : 0.5;
      },
      kernelWidth: 2,
    });
    const e = await explainer.explainInstance(
      X[0],
      (rows) => rows.map((r) => [0.5 - 0.1 * Math.tanh(r[0]), 0.5 + 0.1 * Math.tanh(r[0])]),
      {
        numSamples: 100,
      },
    );
    // Binned 0/1 samples lie at one of 4 distances (√ of 0..3 mismatching features): one call
    // for each, and one for the instance itself.
    expect(seen).toEqual([2, 2, 2, 2, 2]);
    expect(e.asList(1).length).toBeGreaterThan(0);
  });
});
