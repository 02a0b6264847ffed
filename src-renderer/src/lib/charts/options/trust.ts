/** Charts of the trust tools: stability error bars, LIME vs SHAP, LIME's bins, SHAP beeswarm and dependence, SP-LIME matrix. */
import type { CustomSeriesOption } from 'echarts/charts';
import type { FeatureStabilityDTO, HistogramDTO } from '../../../contract';
import type { ChartContext, ChartOption } from '../types';
import {
  asParams,
  axisStyle,
  baseOption,
  conditionAxis,
  escapeHtml,
  grid,
  LABEL_WIDTH,
  weightAxis,
} from './common';
import type { LimeSides } from './explain';

type RenderApi = {
  value(dim: number): number;
  coord(point: [number, number]): [number, number];
  size(range: [number, number]): [number, number];
};

/** Horizontal whiskers from data [lo, hi, categoryIndex]. */
function whiskers(color: string, data: [number, number, number][]): CustomSeriesOption {
  return {
    type: 'custom',
    z: 10,
    silent: true,
    data,
    encode: { x: [0, 1], y: 2 },
    renderItem: (_params: unknown, api: unknown) => {
      const a = api as RenderApi;
      const lo = a.coord([a.value(0), a.value(2)]);
      const hi = a.coord([a.value(1), a.value(2)]);
      const h = a.size([0, 1])[1] * 0.25;
      const style = { stroke: color, lineWidth: 1.5 };
      return {
        type: 'group',
        children: [
          { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
          { type: 'line', shape: { x1: lo[0], y1: lo[1] - h, x2: lo[0], y2: lo[1] + h }, style },
          { type: 'line', shape: { x1: hi[0], y1: hi[1] - h, x2: hi[0], y2: hi[1] + h }, style },
        ],
      };
    },
  } as CustomSeriesOption;
}

/** Mean LIME weight per feature over the stability runs, with min–max or ±1 SD whiskers. */
export function stabilityOption(
  ctx: ChartContext,
  input: {
    title: string;
    features: readonly FeatureStabilityDTO[];
    errorBars: 'range' | 'sd';
    sides: LimeSides;
    digits: number;
    topK: number;
  },
): ChartOption {
  const { theme, t, fmt } = ctx;
  const f = input.features;
  const bounds = f.map((x): [number, number] =>
    input.errorBars === 'range' ? [x.min, x.max] : [x.mean - x.std, x.mean + x.std],
  );
  const all = bounds.flat();
  const span = Math.max(1e-12, ...all.map(Math.abs));
  // Zero always shows; a side without any weight gets a sliver instead of half the chart.
  const lo = Math.min(-span * 0.05, ...all) * 1.15;
  const hi = Math.max(span * 0.05, ...all) * 1.15;
  return {
    ...baseOption(ctx, input.title),
    grid: grid(40, { right: 24, left: 12, bottom: 8 }),
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = f[asParams(p)[0].dataIndex];
        return [
          `<b>${escapeHtml(x.condition)}</b>`,
          `${escapeHtml(t('trust.meanWeight'))}: ${fmt.signed(x.mean, input.digits)}`,
          `${escapeHtml(t('trust.sd'))}: ${fmt.fixed(x.std, input.digits)}`,
          `${escapeHtml(t('trust.range'))}: ${fmt.signed(x.min, input.digits)} … ${fmt.signed(x.max, input.digits)}`,
          `${escapeHtml(t('trust.topKShare', { k: input.topK }))}: ${fmt.percent(x.topKFrequency, 0)}`,
        ].join('<br/>');
      },
    },
    xAxis: weightAxis(ctx, lo, hi, t('trust.meanWeight')),
    yAxis: conditionAxis(
      ctx,
      f.map((x) => x.condition),
    ),
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        data: f.map((x) => ({
          value: x.mean,
          itemStyle: {
            color: x.mean >= 0 ? input.sides.positive.color : input.sides.negative.color,
            opacity: 0.85,
          },
        })),
      },
      whiskers(
        theme.text,
        bounds.map(([lo, hi], i) => [lo, hi, i]),
      ),
    ],
  };
}

/** LIME weights (left) and SHAP values (right) of the same features, side by side. */
export function limeShapOption(
  ctx: ChartContext,
  input: {
    features: readonly string[];
    lime: readonly (number | null)[];
    shap: readonly number[];
    sides: LimeSides;
  },
): ChartOption {
  const { theme, t, fmt } = ctx;
  const axis = axisStyle(ctx);
  const color = (v: number) => (v >= 0 ? input.sides.positive.color : input.sides.negative.color);
  const limeMax = Math.max(1e-12, ...input.lime.map((v) => Math.abs(v ?? 0)));
  const shapMax = Math.max(1e-12, ...input.shap.map(Math.abs));
  const yAxis = (gridIndex: number, show: boolean) => ({
    type: 'category' as const,
    gridIndex,
    inverse: true,
    data: [...input.features],
    ...axis,
    axisLine: { ...axis.axisLine, onZero: false },
    axisLabel: {
      ...axis.axisLabel,
      show,
      interval: 0,
      width: LABEL_WIDTH,
      overflow: 'truncate' as const,
      ellipsis: '…',
    },
  });
  const xAxis = (gridIndex: number, max: number, name: string) => ({
    ...weightAxis(ctx, -max * 1.3, max * 1.3, name),
    gridIndex,
  });
  return {
    ...baseOption(ctx, t('trust.limeVsShap')),
    grid: [
      { top: 40, left: LABEL_WIDTH + 16, right: '52%', bottom: 40 },
      { top: 40, left: '53%', right: 16, bottom: 40 },
    ],
    tooltip: { ...baseOption(ctx, '').tooltip, trigger: 'item' },
    xAxis: [xAxis(0, limeMax, t('explain.weightAxis')), xAxis(1, shapMax, t('trust.shapAxis'))],
    yAxis: [yAxis(0, true), yAxis(1, false)],
    series: [
      {
        type: 'bar',
        name: 'LIME',
        xAxisIndex: 0,
        yAxisIndex: 0,
        barMaxWidth: 18,
        data: input.lime.map((v) => (v === null ? '-' : { value: v, itemStyle: { color: color(v) } })),
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          fontSize: 10,
          formatter: (q: { value?: unknown }) => fmt.signed(Number(q.value), 3),
        },
      },
      {
        type: 'bar',
        name: 'SHAP',
        xAxisIndex: 1,
        yAxisIndex: 1,
        barMaxWidth: 18,
        data: input.shap.map((v) => ({ value: v, itemStyle: { color: color(v) } })),
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          fontSize: 10,
          formatter: (q: { value?: unknown }) => fmt.signed(Number(q.value), 3),
        },
      },
    ],
  };
}

/** A feature's training histogram with LIME's bin boundaries (dashed) and the case's value (solid). */
export function binOption(
  ctx: ChartContext,
  input: { histogram: HistogramDTO; boundaries: readonly number[]; value: number; collapsed: boolean },
): ChartOption {
  const { theme, fmt } = ctx;
  const axis = axisStyle(ctx);
  const { edges, counts } = input.histogram;
  const top = Math.max(1, ...counts);
  const lo = Math.min(edges[0], input.value);
  const hi = Math.max(edges[edges.length - 1], input.value);
  const bins = counts.map((c, i): [number, number, number] => [edges[i], edges[i + 1], c]);
  const vline = (x: number, color: string, type: 'dashed' | 'solid', width: number) => ({
    type: 'line' as const,
    silent: true,
    symbol: 'none',
    data: [
      [x, 0],
      [x, top * 1.08],
    ],
    lineStyle: { color, type, width },
  });
  return {
    ...baseOption(ctx, ''),
    animation: false,
    grid: { top: 8, left: 36, right: 10, bottom: 22 },
    tooltip: { show: false },
    xAxis: {
      type: 'value',
      min: lo,
      max: hi,
      ...axis,
      splitLine: { show: false },
      axisLabel: { ...axis.axisLabel, fontSize: 10, formatter: (v: number) => fmt.num(v, 3) },
    },
    yAxis: {
      type: 'value',
      max: top * 1.1,
      ...axis,
      splitNumber: 2,
      axisLabel: {
        ...axis.axisLabel,
        fontSize: 10,
        showMaxLabel: false,
        formatter: (v: number) => fmt.compact(v),
      },
    },
    series: [
      {
        type: 'custom',
        silent: true,
        data: bins,
        encode: { x: [0, 1], y: 2 },
        renderItem: (_p: unknown, api: unknown) => {
          const a = api as RenderApi;
          const p0 = a.coord([a.value(0), 0]);
          const p1 = a.coord([a.value(1), a.value(2)]);
          return {
            type: 'rect',
            shape: { x: p0[0], y: p1[1], width: Math.max(1, p1[0] - p0[0] - 1), height: p0[1] - p1[1] },
            style: { fill: theme.neutral, opacity: 0.7 },
          };
        },
      } as CustomSeriesOption,
      ...input.boundaries.map((b) =>
        vline(b, input.collapsed ? theme.decrease : theme.axisLine, 'dashed', 1.5),
      ),
      vline(input.value, theme.palette[0], 'solid', 2.5),
    ],
  };
}

/** Deterministic vertical offsets that spread points of similar x (a simple beeswarm). */
export function swarmOffsets(xs: readonly number[], bins = 60, spread = 0.4): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const width = hi > lo ? (hi - lo) / bins : 1;
  const filled = new Map<number, number>();
  return xs.map((x) => {
    const b = Math.floor((x - lo) / width);
    const k = filled.get(b) ?? 0;
    filled.set(b, k + 1);
    const step = Math.ceil(k / 2) * (k % 2 === 0 ? 1 : -1);
    return Math.max(-spread, Math.min(spread, step * 0.05));
  });
}

/** SHAP summary: one row per feature, one point per test case at its SHAP value, coloured by the feature's value. */
export function beeswarmOption(
  ctx: ChartContext,
  input: {
    features: readonly string[];
    shap: readonly (readonly number[])[];
    values: readonly (readonly number[])[];
  },
): ChartOption {
  const { theme, t, fmt } = ctx;
  const axis = axisStyle(ctx);
  const points: [number, number, number, number][] = [];
  input.features.forEach((_, j) => {
    const xs = input.shap.map((r) => r[j]);
    const vs = input.values.map((r) => r[j]);
    const vmin = Math.min(...vs);
    const vmax = Math.max(...vs);
    const offsets = swarmOffsets(xs);
    xs.forEach((x, i) =>
      points.push([x, j + offsets[i], vmax > vmin ? (vs[i] - vmin) / (vmax - vmin) : 0.5, i]),
    );
  });
  return {
    ...baseOption(ctx, t('trust.beeswarmTitle')),
    grid: grid(40, { right: 70, left: 12, bottom: 8 }),
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = asParams(p)[0].data as [number, number, number, number];
        const j = Math.round(d[1]);
        return `${escapeHtml(input.features[j])}<br/>SHAP: <b>${fmt.signed(d[0], 4)}</b><br/>${escapeHtml(t('explain.value'))}: ${fmt.num(input.values[d[3]][j])}`;
      },
    },
    visualMap: {
      type: 'continuous',
      dimension: 2,
      min: 0,
      max: 1,
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemHeight: 140,
      calculable: false,
      text: [t('trust.high'), t('trust.low')],
      textStyle: { color: theme.textMuted, fontFamily: theme.fontFamily },
      inRange: { color: [theme.diverging[0], theme.diverging[2]] },
    },
    xAxis: {
      type: 'value',
      name: t('trust.shapAxis'),
      nameLocation: 'middle',
      nameGap: 26,
      ...axis,
      axisLine: { ...axis.axisLine, onZero: false },
      axisLabel: { ...axis.axisLabel, formatter: (v: number) => fmt.num(v, 2) },
    },
    yAxis: [
      {
        type: 'value',
        inverse: true,
        min: -0.5,
        max: input.features.length - 0.5,
        show: false,
      },
      {
        // Same bands as the value axis above (category i is centred at value i): carries the names.
        type: 'category',
        position: 'left',
        inverse: true,
        data: [...input.features],
        ...axis,
        splitLine: { show: false },
        axisLabel: {
          ...axis.axisLabel,
          interval: 0,
          width: LABEL_WIDTH,
          overflow: 'truncate',
          ellipsis: '…',
        },
      },
    ],
    series: [{ type: 'scatter', yAxisIndex: 0, symbolSize: 5, data: points, itemStyle: { opacity: 0.85 } }],
  };
}

/** SHAP value of one feature against its value, one point per test case. */
export function dependenceOption(
  ctx: ChartContext,
  input: { feature: string; values: readonly number[]; shap: readonly number[] },
): ChartOption {
  const { theme, t, fmt } = ctx;
  const axis = axisStyle(ctx);
  return {
    ...baseOption(ctx, t('trust.dependenceTitle', { feature: input.feature })),
    grid: grid(40, { right: 20, left: 12, bottom: 8 }),
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = asParams(p)[0].data as [number, number];
        return `${escapeHtml(input.feature)} = ${fmt.num(d[0])}<br/>SHAP: <b>${fmt.signed(d[1], 4)}</b>`;
      },
    },
    xAxis: {
      type: 'value',
      scale: true,
      name: input.feature,
      nameLocation: 'middle',
      nameGap: 26,
      ...axis,
      axisLabel: { ...axis.axisLabel, formatter: (v: number) => fmt.num(v, 3) },
    },
    yAxis: {
      type: 'value',
      name: t('trust.shapAxis'),
      ...axis,
      axisLabel: { ...axis.axisLabel, formatter: (v: number) => fmt.num(v, 2) },
    },
    series: [
      {
        type: 'scatter',
        symbolSize: 6,
        data: input.values.map((v, i) => [v, input.shap[i]]),
        itemStyle: { color: theme.palette[0], opacity: 0.75 },
      },
    ],
  };
}

/** SP-LIME: the picked cases × the most important features, cells coloured by LIME weight. */
export function spMatrixOption(
  ctx: ChartContext,
  input: { cases: readonly string[]; features: readonly string[]; weights: readonly (readonly number[])[] },
): ChartOption {
  const { theme, t, fmt } = ctx;
  const axis = axisStyle(ctx);
  const maxAbs = Math.max(1e-12, ...input.weights.flat().map(Math.abs));
  const data: [number, number, number | '-'][] = [];
  input.weights.forEach((row, i) => row.forEach((w, j) => data.push([j, i, w === 0 ? '-' : w])));
  return {
    ...baseOption(ctx, t('trust.spMatrixTitle')),
    grid: grid(40, { right: 70, left: 12, bottom: 8 }),
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = asParams(p)[0].data as [number, number, number];
        return `${escapeHtml(input.cases[d[1]])}<br/>${escapeHtml(input.features[d[0]])}: <b>${fmt.signed(d[2], 4)}</b>`;
      },
    },
    visualMap: {
      type: 'continuous',
      min: -maxAbs,
      max: maxAbs,
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemHeight: 140,
      calculable: false,
      textStyle: { color: theme.textMuted, fontFamily: theme.fontFamily },
      inRange: { color: [...theme.diverging] },
    },
    xAxis: {
      type: 'category',
      data: [...input.features],
      ...axis,
      axisLabel: {
        ...axis.axisLabel,
        interval: 0,
        rotate: 35,
        width: 150,
        overflow: 'truncate',
        ellipsis: '…',
      },
      triggerEvent: true,
    },
    yAxis: { type: 'category', inverse: true, data: [...input.cases], ...axis },
    series: [{ type: 'heatmap', data, itemStyle: { borderColor: theme.splitLine, borderWidth: 1 } }],
  };
}
