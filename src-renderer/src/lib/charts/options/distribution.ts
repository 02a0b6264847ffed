import { classColor } from '../chartTheme';
import type { ChartContext, ChartOption } from '../types';
import { asParams, axisStyle, baseOption, countAxisLabel, escapeHtml, grid, LABEL_WIDTH } from './common';

/** Bin labels of a histogram: "from to to" for tooltips, the bin's lower edge for the axis. */
export function binLabels(ctx: ChartContext, edges: readonly number[]): { axis: string[]; full: string[] } {
  const axis: string[] = [];
  const full: string[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    axis.push(ctx.fmt.num(edges[i], 3));
    full.push(ctx.t('dist.bin', { from: ctx.fmt.num(edges[i]), to: ctx.fmt.num(edges[i + 1]) }));
  }
  return { axis, full };
}

/** Small histogram of one numeric column (ColumnSummaryDTO.histogram). */
export function histogramOption(
  ctx: ChartContext,
  input: { title: string; edges: readonly number[]; counts: readonly number[]; xName: string },
): ChartOption {
  return countBarsOption(ctx, { ...input, labels: binLabels(ctx, input.edges) });
}

/** Rows per day, month or year of a date column (ColumnSummaryDTO.dateCounts), in time order. */
export function dateCountsOption(
  ctx: ChartContext,
  input: { title: string; labels: readonly string[]; counts: readonly number[]; xName: string },
): ChartOption {
  return countBarsOption(ctx, { ...input, labels: { axis: [...input.labels], full: [...input.labels] } });
}

/** Vertical count bars over ordered periods or bins: short axis labels, full labels in the tooltip. */
function countBarsOption(
  ctx: ChartContext,
  input: {
    title: string;
    labels: { axis: string[]; full: string[] };
    counts: readonly number[];
    xName: string;
  },
): ChartOption {
  const { labels } = input;
  const axis = axisStyle(ctx);
  return {
    ...baseOption(ctx, input.title),
    grid: grid(36, { bottom: 8 }),
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const [first] = asParams(p);
        return `${escapeHtml(labels.full[first.dataIndex])}<br/>${escapeHtml(ctx.t('chart.count'))}: <b>${ctx.fmt.int(input.counts[first.dataIndex])}</b>`;
      },
    },
    xAxis: {
      type: 'category',
      data: labels.axis,
      name: input.xName,
      nameLocation: 'middle',
      nameGap: 24,
      ...axis,
      axisLabel: { ...axis.axisLabel, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: ctx.t('chart.count'),
      nameLocation: 'middle',
      nameGap: 36,
      minInterval: 1,
      ...axis,
      axisLabel: { ...axis.axisLabel, ...countAxisLabel(ctx) },
    },
    series: [
      {
        type: 'bar',
        data: [...input.counts],
        barCategoryGap: '4%',
        itemStyle: { color: ctx.theme.palette[0] },
      },
    ],
  };
}

/** Horizontal bars of category counts, most frequent at the top (at most `limit` categories). */
export function categoryBarsOption(
  ctx: ChartContext,
  input: { title: string; categories: readonly { value: string; count: number }[]; limit?: number },
): ChartOption {
  const sorted = [...input.categories].sort((a, b) => b.count - a.count).slice(0, input.limit ?? 15);
  const axis = axisStyle(ctx);
  return {
    ...baseOption(ctx, input.title),
    grid: grid(36),
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const [first] = asParams(p);
        const c = sorted[first.dataIndex];
        return `${escapeHtml(c.value)}: <b>${ctx.fmt.int(c.count)}</b>`;
      },
    },
    xAxis: {
      type: 'value',
      name: ctx.t('chart.count'),
      nameLocation: 'middle',
      nameGap: 24,
      minInterval: 1,
      ...axis,
      axisLabel: { ...axis.axisLabel, ...countAxisLabel(ctx) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((c) => c.value),
      ...axis,
      axisLabel: { ...axis.axisLabel, width: LABEL_WIDTH * 0.7, overflow: 'truncate', ellipsis: '…' },
      // Lets Chart.svelte show the full text of a cut label on hover.
      triggerEvent: true,
    },
    series: [{ type: 'bar', data: sorted.map((c) => c.count), itemStyle: { color: ctx.theme.palette[0] } }],
  };
}

export interface ClassDistributionInput {
  readonly title: string;
  readonly classes: readonly string[];
  readonly overall: readonly number[];
  /** Present once a model is trained: the split's per-class counts in class order. */
  readonly train?: readonly number[];
  readonly test?: readonly number[];
}

/**
 * Class counts. Before a split: one bar per class in the class's colour. After: grouped bars
 * (all rows, training, test) so a reader checks that stratification kept the proportions.
 */
export function classDistributionOption(ctx: ChartContext, input: ClassDistributionInput): ChartOption {
  const axis = axisStyle(ctx);
  const { t, fmt, theme } = ctx;
  const split = input.train !== undefined && input.test !== undefined;
  const seriesDefs: { name: string; data: readonly number[]; color?: string }[] = split
    ? [
        { name: t('classes.overall'), data: input.overall, color: theme.neutral },
        { name: t('classes.train'), data: input.train ?? [], color: theme.palette[0] },
        { name: t('classes.test'), data: input.test ?? [], color: theme.palette[1] },
      ]
    : [{ name: t('classes.overall'), data: input.overall }];
  const totals = seriesDefs.map((s) => s.data.reduce((a, b) => a + b, 0));
  return {
    ...baseOption(ctx, input.title),
    grid: grid(split ? 60 : 40),
    legend: split
      ? { top: 28, textStyle: { color: theme.text, fontFamily: theme.fontFamily }, itemHeight: 10 }
      : undefined,
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const params = asParams(p);
        const cls = input.classes[params[0].dataIndex];
        const lines = params.map((q) => {
          const s = q.seriesIndex ?? 0;
          const n = seriesDefs[s].data[q.dataIndex];
          return `${q.marker ?? ''}${escapeHtml(seriesDefs[s].name)}: <b>${fmt.int(n)}</b> (${fmt.percent(n / totals[s])})`;
        });
        return [`<b>${escapeHtml(cls)}</b>`, ...lines].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: [...input.classes],
      name: t('classes.class'),
      nameLocation: 'middle',
      nameGap: 28,
      ...axis,
      axisLabel: { ...axis.axisLabel, width: 120, overflow: 'truncate', ellipsis: '…', interval: 0 },
      // Lets Chart.svelte show the full text of a cut label on hover.
      triggerEvent: true,
    },
    yAxis: {
      type: 'value',
      name: t('classes.count'),
      nameLocation: 'middle',
      nameGap: 40,
      minInterval: 1,
      ...axis,
      axisLabel: { ...axis.axisLabel, ...countAxisLabel(ctx) },
    },
    series: seriesDefs.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      // Split: one colour per series (so the legend matches); otherwise one colour per class.
      itemStyle: s.color ? { color: s.color } : undefined,
      data: s.data.map((v, i) => (s.color ? v : { value: v, itemStyle: { color: classColor(theme, i) } })),
      label: {
        show: true,
        position: 'top' as const,
        color: theme.text,
        formatter: (q: { value?: unknown }) => fmt.int(Number(q.value)),
      },
      barMaxWidth: 64,
    })),
  };
}

export interface FeatureDistributionInput {
  readonly title: string;
  readonly feature: string;
  readonly classes: readonly string[];
  readonly edges: readonly number[];
  readonly counts: readonly (readonly number[])[];
  readonly mode: 'overlay' | 'stacked';
}

/** Histogram of one feature per class, overlaid (translucent, same bin) or stacked. */
export function featureDistributionOption(ctx: ChartContext, input: FeatureDistributionInput): ChartOption {
  const axis = axisStyle(ctx);
  const { t, fmt, theme } = ctx;
  const labels = binLabels(ctx, input.edges);
  const names = input.classes.length > 0 ? input.classes : [t('chart.count')];
  const overlay = input.mode === 'overlay';
  // A numeric target has a single series; a legend would only repeat the axis name.
  const byClass = input.classes.length > 0;
  return {
    ...baseOption(ctx, input.title),
    grid: grid(byClass ? 60 : 40, { bottom: 8 }),
    legend: byClass
      ? { top: 28, textStyle: { color: theme.text, fontFamily: theme.fontFamily }, itemHeight: 10 }
      : undefined,
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const params = asParams(p);
        const i = params[0].dataIndex;
        const lines = params.map(
          (q) =>
            `${q.marker ?? ''}${escapeHtml(names[q.seriesIndex ?? 0])}: <b>${fmt.int(input.counts[q.seriesIndex ?? 0][i])}</b>`,
        );
        return [escapeHtml(`${input.feature}: ${labels.full[i]}`), ...lines].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: labels.axis,
      name: input.feature,
      nameLocation: 'middle',
      nameGap: 26,
      ...axis,
      axisLabel: { ...axis.axisLabel, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: t('dist.count'),
      nameLocation: 'middle',
      nameGap: 40,
      minInterval: 1,
      ...axis,
      axisLabel: { ...axis.axisLabel, ...countAxisLabel(ctx) },
    },
    series: input.counts.map((row, c) => ({
      type: 'bar' as const,
      name: names[c],
      data: [...row],
      stack: overlay ? undefined : 'classes',
      barGap: overlay ? '-100%' : undefined,
      barCategoryGap: '6%',
      itemStyle: { color: classColor(theme, c), opacity: overlay && input.counts.length > 1 ? 0.55 : 0.9 },
    })),
  };
}
