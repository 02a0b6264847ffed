import { describe, expect, it } from 'vitest';
import { coverageOf, createRng, pickSample, submodularPick, type PickInput } from '../../../src-main/engine';

const explanations: PickInput[] = [
  {
    weights: [
      ['a > 1', 0.5],
      ['b <= 2', -0.2],
    ],
  },
  {
    weights: [
      ['a > 1', 0.4],
      ['c <= 0', 0.3],
    ],
  },
  { weights: [['d > 5', 0.1]] },
  {
    weights: [
      ['b <= 2', -0.3],
      ['c <= 0', 0.1],
      ['e = x', 0.05],
    ],
  },
  {
    weights: [
      ['a > 1', 0.2],
      ['d > 5', 0.2],
    ],
  },
  { weights: [['f > 3', 0.02]] },
  {
    weights: [
      ['c <= 0', 0.2],
      ['a > 1', 0.1],
    ],
  },
];

describe('submodularPick', () => {
  it('picks what the reference lime.submodular_pick picks on the same explanations: [6, 3, 4, 5]', () => {
    // Reference: SubmodularPick(method='full', num_exps_desired=4) over these as_list() pairs → V = [6, 3, 4, 5].
    const sp = submodularPick(explanations, 4);
    expect(sp.picks).toEqual([6, 3, 4, 5]);
    expect(sp.features).toEqual(['a > 1', 'b <= 2', 'c <= 0', 'd > 5', 'e = x', 'f > 3']);
    expect(sp.importance[0]).toBeCloseTo(Math.sqrt(1.2), 12);
    expect(sp.importance[1]).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(sp.matrix[3]).toEqual([0, -0.3, 0.1, 0, 0.05, 0]);
    // All six features covered after four picks.
    expect(sp.coverage).toBeCloseTo(
      sp.importance.reduce((a, b) => a + b, 0),
      12,
    );
  });

  it('asks for more than there are: returns every explanation once', () => {
    expect([...submodularPick(explanations, 20).picks].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('covers at least as much as any of 200 seeded random picks of the same size, on random explanations', () => {
    const rng = createRng(11);
    const keys = Array.from({ length: 25 }, (_, i) => `f${i}`);
    const many: PickInput[] = Array.from({ length: 60 }, () => ({
      weights: Array.from(
        { length: 5 },
        () => [keys[Math.floor(rng.next() ** 2 * 25)], rng.next() - 0.5] as [string, number],
      ),
    }));
    const sp = submodularPick(many, 5);
    const distinct = (rows: readonly number[]) =>
      new Set(rows.flatMap((i) => many[i].weights.map(([k]) => k))).size;
    for (let t = 0; t < 200; t++) {
      const random = pickSample(60, 5, 1000 + t);
      expect(sp.coverage).toBeGreaterThanOrEqual(coverageOf(sp.matrix, sp.importance, random));
      expect(distinct(sp.picks)).toBeGreaterThanOrEqual(distinct(random));
    }
    expect(submodularPick(many, 5).picks).toEqual(sp.picks);
  });

  it('pickSample: seeded, sorted, without repeats; all rows when the sample is larger', () => {
    const a = pickSample(100, 10, 3);
    expect(a).toEqual(pickSample(100, 10, 3));
    expect(new Set(a).size).toBe(10);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(pickSample(100, 10, 4)).not.toEqual(a);
    expect(pickSample(5, 10, 3)).toEqual([0, 1, 2, 3, 4]);
  });
});
