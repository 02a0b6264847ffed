import type { ImportanceDTO } from '../../../contract';
import { niceRange } from '../../format';
import { classColor, mix, textOn } from '../chartTheme';
import type { ChartContext, ChartOption } from '../types';
import { asParams, axisStyle, baseOption, escapeHtml, grid, LABEL_WIDTH } from './common';

/** Row-normalised confusion matrix: share of each actual class's cases per predicted class. */
export function rowPercentages(confusion: readonly (readonly number[])[]): number[][] {
  return confusion.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (total > 0 ? v / total : 0));
  });
}

export function confusionTotal(confusion: readonly (readonly number[])[]): number {
  return confusion.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
}

/**
 * Confusion matrix heatmap: actual classes top to bottom, predicted left to right; each cell
 * shows its count and its share of the actual class (row percentage), and is shaded by that share.
 */
export function confusionOption(
  ctx: ChartContext,
  input: { title: string; classes: readonly string[]; confusion: readonly (readonly number[])[] },
): ChartOption {
  const { theme, t, fmt } = ctx;
  const axis = axisStyle(ctx);
  const shares = rowPercentages(input.confusion);
  const data = input.confusion.flatMap((row, actual) =>
    row.map((count, predicted) => {
      const bg = mix(theme.sequential[0], theme.sequential[1], shares[actual][predicted]);
      return {
        value: [predicted, actual, count],
        itemStyle: { color: bg },
        label: { color: textOn(bg) },
      };
    }),
  );
  const k = input.classes.length;
  return {
    ...baseOption(ctx, input.title),
    animation: false,
    grid: grid(40, { bottom: 8, right: 16 }),
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const [x, y, count] = (p as { value: [number, number, number] }).value;
        return escapeHtml(
          t('confusion.tooltip', {
            actual: input.classes[y],
            predicted: input.classes[x],
            count: fmt.int(count),
            percent: fmt.percent(shares[y][x]),
          }),
        );
      },
    },
    xAxis: {
      type: 'category',
      data: [...input.classes],
      name: t('confusion.predicted'),
      nameLocation: 'middle',
      nameGap: 28,
      position: 'bottom',
      ...axis,
      axisLabel: { ...axis.axisLabel, interval: 0, width: 110, overflow: 'truncate', ellipsis: '…' },
      // Lets Chart.svelte show the full text of a cut label on hover.
      triggerEvent: true,
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: [...input.classes],
      inverse: true,
      name: t('confusion.actual'),
      nameLocation: 'middle',
      nameGap: 70,
      ...axis,
      axisLabel: { ...axis.axisLabel, interval: 0, width: 110, overflow: 'truncate', ellipsis: '…' },
      // Lets Chart.svelte show the full text of a cut label on hover.
      triggerEvent: true,
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          fontSize: k > 6 ? 10 : 13,
          lineHeight: k > 6 ? 13 : 18,
          formatter: (p: { value?: unknown }) => {
            const [x, y, count] = p.value as [number, number, number];
            return `${fmt.int(count)}\n${fmt.percent(shares[y][x])}`;
          },
        },
        itemStyle: { borderColor: theme.mode === 'dark' ? '#1b2029' : '#ffffff', borderWidth: 2 },
      },
    ],
  };
}

interface Curve {
  readonly label: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly legend: string;
}

function curveOption(
  ctx: ChartContext,
  input: {
    title: string;
    xName: string;
    yName: string;
    curves: readonly Curve[];
    classIndex: readonly number[];
  },
  diagonal: string | null,
): ChartOption {
  const { theme, fmt } = ctx;
  const axis = axisStyle(ctx);
  const series: NonNullable<ChartOption['series']> = input.curves.map((c, i) => ({
    type: 'line' as const,
    name: c.legend,
    showSymbol: false,
    step: false,
    data: c.x.map((x, j) => [x, c.y[j]]),
    lineStyle: { width: 2, color: classColor(theme, input.classIndex[i]) },
    itemStyle: { color: classColor(theme, input.classIndex[i]) },
    sampling: c.x.length > 2000 ? ('lttb' as const) : undefined,
  }));
  if (diagonal) {
    series.push({
      type: 'line',
      name: diagonal,
      showSymbol: false,
      data: [
        [0, 0],
        [1, 1],
      ],
      lineStyle: { type: 'dashed', width: 1, color: theme.neutral },
      itemStyle: { color: theme.neutral },
      tooltip: { show: false },
    });
  }
  return {
    ...baseOption(ctx, input.title),
    grid: grid(40, { bottom: 60, right: 20 }),
    legend: {
      bottom: 0,
      type: 'plain',
      textStyle: { color: theme.text, fontFamily: theme.fontFamily },
      itemHeight: 8,
    },
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'axis',
      formatter: (p: unknown) => {
        const params = asParams(p).filter((q) => (q.seriesIndex ?? 0) < input.curves.length);
        if (params.length === 0) return '';
        return params
          .map((q) => {
            const [x, y] = q.value as [number, number];
            return `${q.marker ?? ''}${escapeHtml(q.seriesName ?? '')}<br/>${escapeHtml(input.xName)}: ${fmt.fixed(x, 3)} · ${escapeHtml(input.yName)}: ${fmt.fixed(y, 3)}`;
          })
          .join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: input.xName,
      nameLocation: 'middle',
      nameGap: 26,
      ...axis,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: input.yName,
      nameLocation: 'middle',
      nameGap: 36,
      ...axis,
    },
    series,
  };
}

export function rocOption(
  ctx: ChartContext,
  input: {
    classes: readonly string[];
    roc: readonly { label: string; fpr: readonly number[]; tpr: readonly number[]; auc: number }[];
  },
): ChartOption {
  const { t, fmt } = ctx;
  return curveOption(
    ctx,
    {
      title: t('roc.title'),
      xName: t('roc.fpr'),
      yName: t('roc.tpr'),
      curves: input.roc.map((c) => ({
        label: c.label,
        x: c.fpr,
        y: c.tpr,
        legend: t('roc.legend', { label: c.label, auc: fmt.fixed(c.auc, 3) }),
      })),
      classIndex: input.roc.map((c) => Math.max(0, input.classes.indexOf(c.label))),
    },
    t('roc.chance'),
  );
}

export function prOption(
  ctx: ChartContext,
  input: {
    classes: readonly string[];
    pr: readonly {
      label: string;
      recall: readonly number[];
      precision: readonly number[];
      averagePrecision: number;
    }[];
  },
): ChartOption {
  const { t, fmt } = ctx;
  return curveOption(
    ctx,
    {
      title: t('pr.title'),
      xName: t('pr.recall'),
      yName: t('pr.precision'),
      curves: input.pr.map((c) => ({
        label: c.label,
        x: c.recall,
        y: c.precision,
        legend: t('pr.legend', { label: c.label, ap: fmt.fixed(c.averagePrecision, 3) }),
      })),
      classIndex: input.pr.map((c) => Math.max(0, input.classes.indexOf(c.label))),
    },
    null,
  );
}

/** The n most important features, most important first. */
export function topImportances(items: readonly ImportanceDTO[], n: number): ImportanceDTO[] {
  return [...items]
    .filter((d) => Number.isFinite(d.importance))
    .sort((a, b) => b.importance - a.importance)
    .slice(0, n);
}

/**
 * Horizontal importance bars, most important at the top; when `std` is present (permutation
 * importance) each bar gets a ±1 sd error bar drawn by a custom series.
 */
export function importanceOption(
  ctx: ChartContext,
  input: { title: string; axisName: string; items: readonly ImportanceDTO[]; topN: number; color: string },
): ChartOption {
  const { theme, t, fmt } = ctx;
  const axis = axisStyle(ctx);
  const top = topImportances(input.items, input.topN);
  const withStd = top.some((d) => d.std !== undefined && Number.isFinite(d.std));
  const series: NonNullable<ChartOption['series']> = [
    {
      type: 'bar',
      data: top.map((d) => d.importance),
      itemStyle: { color: input.color },
      barMaxWidth: 22,
    },
  ];
  if (withStd) {
    series.push({
      type: 'custom',
      name: 'sd',
      // Dimension 0 is the bar's category index, 1 and 2 the whisker ends on the value axis.
      encode: { x: [1, 2], y: 0 },
      data: top.map((d, i) => [i, d.importance - (d.std ?? 0), d.importance + (d.std ?? 0)]),
      tooltip: { show: false },
      z: 3,
      renderItem: (_params, api) => {
        const y = api.value(0) as number;
        const lo = api.coord([api.value(1), y]);
        const hi = api.coord([api.value(2), y]);
        const size = api.size?.([0, 1]) as number[] | undefined;
        const half = Math.min(6, ((size?.[1] ?? 16) as number) * 0.2);
        const style = { stroke: theme.text, lineWidth: 1.2 };
        return {
          type: 'group',
          children: [
            { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
            { type: 'line', shape: { x1: lo[0], y1: lo[1] - half, x2: lo[0], y2: lo[1] + half }, style },
            { type: 'line', shape: { x1: hi[0], y1: hi[1] - half, x2: hi[0], y2: hi[1] + half }, style },
          ],
        };
      },
    });
  }
  return {
    ...baseOption(ctx, input.title),
    grid: grid(36, { right: 24, bottom: 8 }),
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const [first] = asParams(p);
        const d = top[first.dataIndex];
        const text =
          d.std !== undefined
            ? t('importance.tooltipStd', {
                feature: d.feature,
                value: fmt.num(d.importance, 3),
                std: fmt.num(d.std, 2),
              })
            : t('importance.tooltip', { feature: d.feature, value: fmt.num(d.importance, 3) });
        return escapeHtml(text);
      },
    },
    xAxis: {
      type: 'value',
      name: input.axisName,
      nameLocation: 'middle',
      nameGap: 26,
      ...axis,
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: top.map((d) => d.feature),
      ...axis,
      axisLabel: { ...axis.axisLabel, interval: 0, width: LABEL_WIDTH, overflow: 'truncate', ellipsis: '…' },
      // Lets Chart.svelte show the full text of a cut label on hover.
      triggerEvent: true,
    },
    series,
  };
}

/** Predicted against actual values with the y = x line; both axes share one range. */
export function predictedVsActualOption(
  ctx: ChartContext,
  input: { actual: readonly number[]; predicted: readonly number[] },
): ChartOption {
  const { theme, t, fmt } = ctx;
  const axis = axisStyle(ctx);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...input.actual, ...input.predicted]) {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  const [min, max] = niceRange(lo, hi);
  const valueAxis = {
    type: 'value' as const,
    min,
    max,
    nameLocation: 'middle' as const,
    ...axis,
    axisLabel: { ...axis.axisLabel, formatter: (v: number) => fmt.num(v, 4) },
  };
  return {
    ...baseOption(ctx, t('scatter.title')),
    grid: grid(40, { bottom: 40, right: 24 }),
    legend: { bottom: 0, textStyle: { color: theme.text, fontFamily: theme.fontFamily }, itemHeight: 8 },
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const [a, b] = (p as { value: [number, number] }).value;
        return escapeHtml(t('scatter.tooltip', { actual: fmt.num(a), predicted: fmt.num(b) }));
      },
    },
    xAxis: { ...valueAxis, name: t('scatter.actual'), nameGap: 26 },
    yAxis: { ...valueAxis, name: t('scatter.predicted'), nameGap: 48 },
    series: [
      {
        type: 'scatter',
        name: t('explain.cases'),
        data: input.actual.map((a, i) => [a, input.predicted[i]]),
        symbolSize: 6,
        itemStyle: { color: theme.palette[0], opacity: 0.7 },
      },
      {
        type: 'line',
        name: t('scatter.identity'),
        data: [
          [min, min],
          [max, max],
        ],
        showSymbol: false,
        lineStyle: { type: 'dashed', color: theme.neutral, width: 1.5 },
        itemStyle: { color: theme.neutral },
        tooltip: { show: false },
      },
    ],
  };
}
