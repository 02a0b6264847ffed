import type { ChartContext, ChartOption } from '../types';
import { axisStyle, baseOption, escapeHtml } from './common';

export interface CorrelationInput {
  readonly title: string;
  readonly names: readonly string[];
  readonly matrix: readonly (readonly number[])[];
}

/** Cells are [x, y, r]; NaN (a constant column) is left blank rather than coloured as 0. */
export function correlationCells(matrix: readonly (readonly number[])[]): [number, number, number | '-'][] {
  const cells: [number, number, number | '-'][] = [];
  for (let y = 0; y < matrix.length; y++) {
    for (let x = 0; x < matrix.length; x++) {
      const r = matrix[y][x];
      cells.push([x, y, Number.isFinite(r) ? r : '-']);
    }
  }
  return cells;
}

/** Pearson correlation heatmap on a fixed −1..1 diverging scale, first feature at the top left. */
export function correlationOption(ctx: ChartContext, input: CorrelationInput): ChartOption {
  const { theme, t, fmt } = ctx;
  const axis = axisStyle(ctx);
  const n = input.names.length;
  const showLabels = n <= 12;
  const labelWidth = n > 20 ? 110 : 140;
  return {
    ...baseOption(ctx, input.title),
    animation: false,
    grid: { top: 40, left: 12, right: 90, bottom: 12, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      ...baseOption(ctx, '').tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const v = (p as { value: [number, number, number | '-'] }).value;
        const r = v[2] === '-' ? '–' : fmt.fixed(v[2], 3);
        return escapeHtml(t('corr.tooltip', { a: input.names[v[1]], b: input.names[v[0]], r }));
      },
    },
    xAxis: {
      type: 'category',
      data: [...input.names],
      ...axis,
      splitArea: { show: false },
      axisLabel: {
        ...axis.axisLabel,
        // Every label is shown (interval 0); overlap checks would only cost time on 30+ labels.
        hideOverlap: false,
        rotate: 50,
        interval: 0,
        fontSize: n > 20 ? 10 : 11,
        width: labelWidth,
        overflow: 'truncate',
        ellipsis: '…',
      },
      // Lets Chart.svelte show the full text of a cut label on hover.
      triggerEvent: true,
    },
    yAxis: {
      type: 'category',
      data: [...input.names],
      inverse: true,
      ...axis,
      axisLabel: {
        ...axis.axisLabel,
        hideOverlap: false,
        interval: 0,
        fontSize: n > 20 ? 10 : 11,
        width: labelWidth,
        overflow: 'truncate',
        ellipsis: '…',
      },
      // Lets Chart.svelte show the full text of a cut label on hover.
      triggerEvent: true,
    },
    visualMap: {
      type: 'continuous',
      min: -1,
      max: 1,
      calculable: false,
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemHeight: 180,
      text: ['+1', '−1'],
      textStyle: { color: theme.textMuted, fontFamily: theme.fontFamily },
      inRange: { color: [...theme.diverging] },
    },
    series: [
      {
        type: 'heatmap',
        name: t('corr.scale'),
        data: correlationCells(input.matrix),
        // Drawn in one frame: progressive chunks saved 3 ms of the first frame but paint on a layer
        // (a canvas) of their own, which doubled the chart's main-thread time (UI bench).
        progressive: 0,
        label: {
          show: showLabels,
          color: theme.text,
          fontSize: 10,
          formatter: (p: { value?: unknown }) => {
            const r = (p.value as [number, number, number | '-'])[2];
            return r === '-' ? '' : fmt.fixed(r, 2);
          },
        },
        itemStyle: {
          borderColor: theme.mode === 'dark' ? '#1b2029' : '#ffffff',
          borderWidth: n > 20 ? 0.5 : 1,
        },
        emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } },
      },
    ],
  };
}
