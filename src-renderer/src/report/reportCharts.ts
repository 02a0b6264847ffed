/** The report's charts as SVG strings, built with the app's own chart options on a print theme. */
import type { ReportImportance, ReportResults, ReportTrustInputs } from '../../../src-main/contract/report';
import { chartTheme } from '../lib/charts/chartTheme';
import { limeSides, limeWeightsOption } from '../lib/charts/options/explain';
import { importanceOption, predictedVsActualOption, rocOption } from '../lib/charts/options/model';
import { trustCharts, type TrustCharts } from './reportTrustCharts';
import type { ChartContext } from '../lib/charts/types';
import { chartSvg } from './reportEcharts';
import type { ReportText } from './reportText';

/** Fonts of the printed report; Noto Sans CJK KR is the Korean fallback README names. */
export const REPORT_FONTS =
  "'Noto Sans', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans CJK KR', 'Noto Sans KR', " +
  "'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif";

/** Chart width in CSS px: the text width of an A4 or Letter page with 16 mm margins. */
export const CHART_WIDTH = 660;
const TOP_N = 10;

export interface ReportCharts {
  readonly roc?: string;
  readonly scatter?: string;
  readonly impurity: string;
  readonly permutation: string;
  /** One LIME weights chart per case, in case order. */
  readonly cases: readonly string[];
  /** Stability and LIME-vs-SHAP per case, SHAP importance: when the report has trust figures. */
  readonly trust?: TrustCharts;
}

export function reportChartContext(text: ReportText): ChartContext {
  return { theme: { ...chartTheme('light'), fontFamily: REPORT_FONTS }, t: text.t, fmt: text.fmt };
}

/** Height that gives each bar about 28 px, as in the app (22 on a case page, which must fit one sheet). */
export const barsHeight = (n: number, chrome: number, perBar = 28) => chrome + Math.max(1, n) * perBar;

/** Depends on the numbers and the language only, so editing a title does not redraw any chart. */
export function reportCharts(
  results: ReportResults,
  text: ReportText,
  trustInputs?: ReportTrustInputs,
): ReportCharts {
  const ctx = reportChartContext(text);
  const { t } = text;
  const m = results.metrics;
  const importance = (items: readonly ReportImportance[], permutation: boolean) =>
    chartSvg(
      importanceOption(ctx, {
        title: t(permutation ? 'importance.permutation' : 'importance.impurity', { n: TOP_N }),
        axisName: t(permutation ? 'importance.permutationAxis' : 'importance.axis'),
        items,
        topN: TOP_N,
        color: ctx.theme.palette[permutation ? 2 : 0],
      }),
      CHART_WIDTH,
      barsHeight(Math.min(TOP_N, items.length), 90),
    );
  return {
    ...(m.task === 'classification' && {
      roc: chartSvg(rocOption(ctx, { classes: results.classes, roc: m.roc }), CHART_WIDTH, 320),
    }),
    ...(m.task === 'regression' && {
      scatter: chartSvg(
        predictedVsActualOption(ctx, { actual: m.actual, predicted: m.predicted }),
        CHART_WIDTH,
        360,
      ),
    }),
    ...(results.trust && { trust: trustCharts(results, results.trust, trustInputs, ctx, text) }),
    impurity: importance(results.impurityImportance, false),
    permutation: importance(results.permutationImportance, true),
    cases: results.cases.map((c) => {
      const label = c.explainedClass !== undefined ? results.classes.indexOf(c.explainedClass) : undefined;
      const sides = limeSides(ctx, {
        task: m.task,
        classes: results.classes,
        ...(label !== undefined && { label }),
      });
      const title =
        c.explainedClass !== undefined
          ? t('explain.weightsTitle', { label: c.explainedClass })
          : t('explain.weightsTitleRegression');
      return chartSvg(
        limeWeightsOption(ctx, { title, weights: c.weights, sides }),
        CHART_WIDTH,
        barsHeight(c.weights.length, 84, 22),
      );
    }),
  };
}
