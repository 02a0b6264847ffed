/** How far a LIME explanation and SHAP values for the same case tell the same story. */

export interface ExplanationAgreement {
  readonly topK: number;
  /** LIME's and SHAP's top-K features (by |weight|, |φ|), most important first. */
  readonly limeTop: readonly number[];
  readonly shapTop: readonly number[];
  /** Features in both top-K lists, in LIME's order. */
  readonly shared: readonly number[];
  /** Over LIME's features with a non-zero SHAP value: the fraction (0–1) whose signs agree. */
  readonly signAgreement: number;
  /**
   * Spearman rank correlation of |LIME weight| and |φ| over LIME's features (null with fewer
   * than two, or when either side is constant).
   */
  readonly rankCorrelation: number | null;
  /** LIME's features whose SHAP value has the opposite sign. */
  readonly signConflicts: readonly number[];
}

/** Average ranks (1-based, ties share their mean rank), as scipy.stats.rankdata. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return ranks;
}

/** Pearson correlation of the ranks (Spearman's ρ with ties averaged); null when undefined. */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  if (a.length < 2 || a.length !== b.length) return null;
  const ra = averageRanks(a);
  const rb = averageRanks(b);
  const mean = (a.length + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (ra[i] - mean) * (rb[i] - mean);
    saa += (ra[i] - mean) ** 2;
    sbb += (rb[i] - mean) ** 2;
  }
  return saa === 0 || sbb === 0 ? null : sab / Math.sqrt(saa * sbb);
}

/**
 * @param lime [feature, weight] of the LIME explanation (any order)
 * @param shap one SHAP value per feature, for the same class / output
 */
export function explanationAgreement(
  lime: readonly (readonly [number, number])[],
  shap: readonly number[],
  topK: number,
): ExplanationAgreement {
  const byAbs = (pairs: (readonly [number, number])[]) =>
    pairs.sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]) || x[0] - y[0]).map(([f]) => f);
  const limeTop = byAbs([...lime]).slice(0, topK);
  const shapTop = byAbs(shap.map((v, f) => [f, v] as const)).slice(0, topK);
  const inShap = new Set(shapTop);
  const shared = limeTop.filter((f) => inShap.has(f));
  const signed = lime.filter(([f, w]) => w !== 0 && shap[f] !== 0);
  const signConflicts = signed.filter(([f, w]) => Math.sign(w) !== Math.sign(shap[f])).map(([f]) => f);
  return {
    topK,
    limeTop,
    shapTop,
    shared,
    signAgreement: signed.length === 0 ? 1 : 1 - signConflicts.length / signed.length,
    rankCorrelation: spearman(
      lime.map(([, w]) => Math.abs(w)),
      lime.map(([f]) => Math.abs(shap[f])),
    ),
    signConflicts,
  };
}
