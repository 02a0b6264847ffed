import { RandomForestClassifier as MlRandomForestClassifier } from 'ml-random-forest';
import { describe, expect, it } from 'vitest';
import { ColumnRounds } from '../../../src-main/engine/forest/columnRounds';
import { meanLeafValues, packTrees } from '../../../src-main/engine/forest/packedForest';
import { RandomForestClassifier } from '../../../src-main/engine/forest/RandomForestClassifier';
import { RandomForestRegressor } from '../../../src-main/engine/forest/RandomForestRegressor';
import { permutationImportance } from '../../../src-main/engine/importance/permutationImportance';
import { createRng } from '../../../src-main/engine/random/rng';
import { cancerForest, loadNumericCsv } from './loadNumericCsv';

const { forest: classifier, testX, testY } = cancerForest({ nEstimators: 40, seed: 7 });

const diabetes = loadNumericCsv('diabetes.csv', { regression: true });
const regressor = new RandomForestRegressor({ nEstimators: 30, seed: 3 }).train(
  diabetes.X.slice(0, 350),
  diabetes.y.slice(0, 350),
);
const diabetesTest = diabetes.X.slice(350);

const rowMajor = (rows: readonly (readonly number[])[]) => Float64Array.from(rows.flat());

/**
 * A column for feature f that hits the forest's own thresholds exactly (the `<=` boundary), lies
 * just above them, and is missing (NaN goes right) or infinite, in a seeded order.
 */
function hardColumn(thresholds: readonly number[], n: number, seed: number): number[] {
  const rng = createRng(seed);
  const pool = [...thresholds, ...thresholds.map((t) => t + 1e-9), NaN, Infinity, -Infinity, 0];
  return Array.from({ length: n }, () => pool[Math.floor(rng.next() * pool.length)]);
}

function thresholdsOf(
  model: { trees: readonly { feature: Int32Array; threshold: Float64Array | Float32Array }[] },
  f: number,
) {
  const out: number[] = [];
  for (const t of model.trees)
    for (let i = 0; i < t.feature.length; i++) if (t.feature[i] === f) out.push(t.threshold[i]);
  return out;
}

describe('ColumnRounds: predictions of rows that change one column per round', () => {
  it('equals meanLeafValues of the changed rows bit for bit, whatever the order of features', () => {
    const packed = packTrees(classifier.trees, 2);
    const base = rowMajor(testX);
    const n = testX.length;
    const rounds = new ColumnRounds(packed, base, n, 30);
    // Feature 22 twice with different columns, back to none, then others: the focus moves and
    // every earlier column is put back.
    for (const [f, seed] of [
      [22, 1],
      [22, 2],
      [-1, 0],
      [7, 3],
      [0, 4],
      [-1, 0],
      [29, 5],
    ]) {
      const column = f >= 0 ? hardColumn(thresholdsOf(classifier, f), n, seed) : [];
      const changed = testX.map((row, r) => (f >= 0 ? row.map((v, j) => (j === f ? column[r] : v)) : row));
      const expected = meanLeafValues(packed, rowMajor(changed), n, 30);
      expect(Array.from(rounds.meanLeafValues(f, column))).toStrictEqual(Array.from(expected));
    }
    // A first round without a change walks from the roots.
    expect(Array.from(new ColumnRounds(packed, base, n, 30).meanLeafValues(-1))).toStrictEqual(
      Array.from(meanLeafValues(packed, base, n, 30)),
    );
    // The rows it was given are not changed.
    expect(Array.from(base)).toStrictEqual(testX.flat());
  });

  it('regression (one output per node) gives the same means too', () => {
    const packed = packTrees(regressor.trees, 1);
    const n = diabetesTest.length;
    const rounds = new ColumnRounds(packed, rowMajor(diabetesTest), n, 10);
    for (let f = 0; f < 10; f++) {
      const column = hardColumn(thresholdsOf(regressor, f), n, 10 + f);
      const changed = diabetesTest.map((row, r) => row.map((v, j) => (j === f ? column[r] : v)));
      expect(Array.from(rounds.meanLeafValues(f, column))).toStrictEqual(
        Array.from(meanLeafValues(packed, rowMajor(changed), n, 10)),
      );
    }
  });
});

describe('permutation importance through a forest’s column rounds', () => {
  // The same forest predicting its rounds by column even on these small tables (below the pairs
  // where permutation importance would choose it).
  const byColumn = (model: RandomForestClassifier | RandomForestRegressor) => ({
    predict: (rows: number[][]) => model.predict(rows),
    ...(model instanceof RandomForestClassifier && { predictProba: true }),
    columnRounds: (rows: readonly (readonly number[])[]) => model.columnRounds(rows, { minPairs: 0 }),
  });
  // The same forest seen only through predict(): the plain path, shuffled row by row.
  const plain = (model: RandomForestClassifier | RandomForestRegressor) => ({
    predict: (rows: number[][]) => model.predict(rows),
    ...(model instanceof RandomForestClassifier && { predictProba: true }),
  });

  it('gives exactly the drops of predicting every shuffled table in full (classifier, breast cancer)', () => {
    const fast = permutationImportance(byColumn(classifier), testX, testY, { nRepeats: 5, seed: 42 });
    const slow = permutationImportance(plain(classifier), testX, testY, { nRepeats: 5, seed: 42 });
    expect(fast).toStrictEqual(slow);
    // Not a trivially equal pair: the worst-feature family moves the accuracy.
    expect(Math.max(...fast.mean)).toBeGreaterThan(0);
    expect(fast.baseline * 114).toBeCloseTo(Math.round(fast.baseline * 114), 9);
  });

  it('and for a regressor scored by R²', () => {
    const y = diabetes.y.slice(350);
    const fast = permutationImportance(byColumn(regressor), diabetesTest, y, { nRepeats: 3, seed: 9 });
    const slow = permutationImportance(plain(regressor), diabetesTest, y, { nRepeats: 3, seed: 9 });
    expect(fast).toStrictEqual(slow);
    expect(fast.mean.filter((m) => m !== 0).length).toBeGreaterThan(5);
  });

  it('a forest predicts each round as predict() would, with the rows given', () => {
    // 114 rows × 40 trees: below the default pairs, so only when asked for.
    expect(classifier.columnRounds(testX)).toBeUndefined();
    expect(classifier.columnRounds(testX, { minPairs: 114 * 40 })).toBeDefined();
    expect(classifier.columnRounds(testX, { minPairs: 114 * 40 + 1 })).toBeUndefined();
    const predictRound = classifier.columnRounds(testX, { minPairs: 0 })!;
    const changed = testX.map((row, r) => row.map((v, j) => (j === 27 ? testX[(r * 37) % 114][27] : v)));
    expect(Array.from(predictRound(changed, 27))).toStrictEqual(classifier.predict(changed));
    expect(Array.from(predictRound(testX, -1))).toStrictEqual(classifier.predict(testX));
    expect(() => predictRound(testX.slice(1), 3)).toThrow(/113 rows, not 114/);
  });

  it('imported ml-random-forest models (majority vote) keep the plain path', () => {
    const iris = loadNumericCsv('iris.csv');
    const ml = new MlRandomForestClassifier({ nEstimators: 5, seed: 3, noOOB: true });
    ml.train(iris.X, iris.y);
    const imported = RandomForestClassifier.load(ml.toJSON());
    expect(imported.columnRounds(iris.X)).toBeUndefined();
    const res = permutationImportance(imported, iris.X, iris.y, { nRepeats: 2, seed: 1 });
    expect(res).toStrictEqual(
      permutationImportance(plain(imported), iris.X, iris.y, { nRepeats: 2, seed: 1 }),
    );
  });
});
