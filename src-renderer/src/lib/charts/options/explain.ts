import type { BarSeriesOption } from 'echarts/charts';
import { classColor } from '../chartTheme';
import type { ChartContext, ChartOption } from '../types';
import { asParams, axisStyle, baseOption, conditionAxis, escapeHtml, grid, weightAxis } from './common';

/** The model's probability per class, explained class emphasised, as horizontal bars. */
export function probabilitiesOption(
  ctx: ChartContext,
  input: { classes: readonly string[]; probabilities: readonly number[]; explained?: number },
): ChartOption {
  const { theme, t, fmt } = ctx;
  const axis = axisStyle(ctx);
  return {
    ...baseOption(ctx, t('explain.probabilities')),
    grid: grid(36, { right: 56, bottom: 8 }),
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const [first] = asParams(p);
        return `${escapeHtml(input.classes[first.dataIndex])}: <b>${fmt.percent(input.probabilities[first.dataIndex])}</b>`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: t('explain.probabilityAxis'),
      nameLocation: 'middle',
      nameGap: 26,
      ...axis,
      splitNumber: 4,
      axisLabel: { ...axis.axisLabel, formatter: (v: number) => fmt.percent(v, 0), hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...input.classes],
      ...axis,
      axisLabel: { ...axis.axisLabel, interval: 0, width: 130, overflow: 'truncate', ellipsis: '…' },
      // Lets Chart.svelte show the full text of a cut label on hover.
      triggerEvent: true,
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 26,
        data: input.probabilities.map((p, i) => ({
          value: p,
          itemStyle: {
            color: classColor(theme, i),
            opacity: input.explained === undefined || input.explained === i ? 1 : 0.55,
          },
        })),
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          formatter: (q: { value?: unknown }) => fmt.percent(Number(q.value)),
        },
      },
    ],
  };
}

export interface LimeWeightInput {
  readonly feature: string;
  readonly condition: string;
  readonly weight: number;
}

export interface LimeSides {
  /** Legend text and colour of bars with a positive weight. */
  readonly positive: { readonly name: string; readonly color: string };
  readonly negative: { readonly name: string; readonly color: string };
}

/**
 * Which class each sign pushes toward, as in the reference `as_pyplot_figure`: a positive weight
 * supports the explained class; a negative one supports the other class (binary), "not <class>"
 * (multi-class), or lowers the predicted value (regression).
 */
export function limeSides(
  ctx: ChartContext,
  input: { task: 'classification' | 'regression'; classes: readonly string[]; label?: number },
): LimeSides {
  const { theme, t } = ctx;
  if (input.task === 'regression' || input.label === undefined) {
    return {
      positive: { name: t('explain.increases'), color: theme.increase },
      negative: { name: t('explain.decreases'), color: theme.decrease },
    };
  }
  const label = input.label;
  const positive = {
    name: t('explain.towards', { label: input.classes[label] }),
    color: classColor(theme, label),
  };
  if (input.classes.length === 2) {
    const other = 1 - label;
    return {
      positive,
      negative: {
        name: t('explain.towards', { label: input.classes[other] }),
        color: classColor(theme, other),
      },
    };
  }
  return {
    positive,
    negative: {
      name: t('explain.towards', { label: t('explain.notLabel', { label: input.classes[label] }) }),
      color: theme.neutral,
    },
  };
}

/**
 * Decimals that show the largest weight with three significant digits, shared by every weight of
 * one explanation so the column lines up: 0.21 → 3, 0.031 → 4, 42.8 → 2 (at least 2, at most 8).
 */
export function weightDigits(weights: readonly { weight: number }[]): number {
  const maxAbs = Math.max(0, ...weights.map((w) => Math.abs(w.weight)).filter(Number.isFinite));
  if (maxAbs === 0) return 3;
  return Math.min(8, Math.max(2, Math.ceil(-Math.log10(maxAbs)) + 2));
}

/** Weights by decreasing |weight| (ties keep their order), as the chart and the table show them. */
export function sortByMagnitude<T extends { weight: number }>(weights: readonly T[]): T[] {
  return weights
    .map((w, i) => ({ w, i }))
    .sort((a, b) => Math.abs(b.w.weight) - Math.abs(a.w.weight) || a.i - b.i)
    .map((x) => x.w);
}

/**
 * Signed horizontal bars of LIME weights, largest |weight| at the top, labelled with the
 * condition strings. Two stacked series (positive, negative) give a legend naming both sides
 * while each condition keeps one bar slot.
 */
export function limeWeightsOption(
  ctx: ChartContext,
  input: { title: string; weights: readonly LimeWeightInput[]; sides: LimeSides },
): ChartOption {
  const { theme, t, fmt } = ctx;
  const sorted = sortByMagnitude(input.weights);
  const digits = weightDigits(sorted);
  const maxAbs = Math.max(1e-12, ...sorted.map((w) => Math.abs(w.weight)));
  const side = (positive: boolean): (number | '-')[] =>
    sorted.map((w) => (w.weight > 0 === positive && w.weight !== 0 ? w.weight : '-'));
  const bar = (positive: boolean): BarSeriesOption => ({
    type: 'bar',
    name: positive ? input.sides.positive.name : input.sides.negative.name,
    stack: 'weight',
    data: side(positive),
    barMaxWidth: 24,
    itemStyle: { color: positive ? input.sides.positive.color : input.sides.negative.color },
    label: {
      show: true,
      position: positive ? 'right' : 'left',
      color: theme.text,
      fontSize: 11,
      formatter: (q: { value?: unknown }) => fmt.signed(Number(q.value), digits),
    },
  });
  return {
    ...baseOption(ctx, input.title),
    grid: grid(62, { right: 24, left: 12, bottom: 8 }),
    legend: { top: 30, textStyle: { color: theme.text, fontFamily: theme.fontFamily }, itemHeight: 10 },
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const [first] = asParams(p);
        const w = sorted[first.dataIndex];
        return `${escapeHtml(w.condition)}<br/>${escapeHtml(t('explain.weight'))}: <b>${fmt.signed(w.weight, digits + 1)}</b>`;
      },
    },
    // Symmetric, with room for the value labels beside the bars.
    xAxis: weightAxis(ctx, -maxAbs * 1.3, maxAbs * 1.3, t('explain.weightAxis')),
    yAxis: conditionAxis(
      ctx,
      sorted.map((w) => w.condition),
    ),
    series: [bar(true), bar(false)],
  };
}
