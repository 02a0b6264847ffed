/** The report's trust charts (issue #9 §6): stability error bars and LIME vs SHAP per case, SHAP importance. */
import type { ReportResults, ReportTrustInputs, ReportTrustResults } from '../../../src-main/contract/report';
import { limeSides, weightDigits } from '../lib/charts/options/explain';
import { importanceOption } from '../lib/charts/options/model';
import { limeShapOption, stabilityOption } from '../lib/charts/options/trust';
import type { ChartContext } from '../lib/charts/types';
import { barsHeight, CHART_WIDTH } from './reportCharts';
import { chartSvg } from './reportEcharts';
import type { ReportText } from './reportText';

export interface TrustCharts {
  /** Per case, in case order. */
  readonly stability: readonly string[];
  readonly limeShap: readonly string[];
  readonly shapImportance: string;
}

/** Conditions in a case's stability chart: what any run selected, most important first, at most this many. */
export const STABILITY_CHART_FEATURES = 10;
const SHAP_TOP_N = 10;

export function trustCharts(
  results: ReportResults,
  trust: ReportTrustResults,
  inputs: ReportTrustInputs | undefined,
  ctx: ChartContext,
  text: ReportText,
): TrustCharts {
  const stabilityTitle = inputs
    ? text.r('report.trust.stabilityChart', {
        runs: inputs.stabilitySeeds.length,
        samples: text.fmt.int(inputs.stabilitySamples),
      })
    : '';
  const task = results.metrics.task;
  const sidesOf = (i: number) => {
    const c = results.cases[i];
    const label = c.explainedClass !== undefined ? results.classes.indexOf(c.explainedClass) : undefined;
    return limeSides(ctx, { task, classes: results.classes, ...(label !== undefined && { label }) });
  };
  return {
    stability: trust.cases.map((ct, i) => {
      const features = ct.stability.features.slice(0, STABILITY_CHART_FEATURES);
      return chartSvg(
        stabilityOption(ctx, {
          title: stabilityTitle,
          features,
          errorBars: 'range',
          sides: sidesOf(i),
          digits: weightDigits(features.map((f) => ({ weight: f.mean }))),
          topK: ct.stability.topK,
        }),
        CHART_WIDTH,
        barsHeight(features.length, 70, 22),
      );
    }),
    limeShap: trust.cases.map((ct, i) => {
      const weights = results.cases[i].weights;
      const features = ct.agreement.shap.map((x) => x.feature);
      return chartSvg(
        limeShapOption(ctx, {
          features,
          lime: features.map((f) => weights.find((w) => w.feature === f)?.weight ?? null),
          shap: ct.agreement.shap.map((x) => x.value),
          sides: sidesOf(i),
        }),
        CHART_WIDTH,
        barsHeight(features.length, 84, 22),
      );
    }),
    shapImportance: chartSvg(
      importanceOption(ctx, {
        title: text.r('report.trust.shapTitle', { rows: text.fmt.int(trust.shapImportance.rows) }),
        axisName: text.r('report.trust.shapAxis'),
        items: trust.shapImportance.items,
        topN: SHAP_TOP_N,
        color: ctx.theme.palette[1],
      }),
      CHART_WIDTH,
      barsHeight(Math.min(SHAP_TOP_N, trust.shapImportance.items.length), 70, 22),
    ),
  };
}
