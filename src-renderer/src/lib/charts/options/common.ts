import type { ChartContext, ChartOption } from '../types';

/** Escapes text from data files before it goes into an HTML tooltip. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Axis labels longer than this (px) are cut with an ellipsis; the tooltip shows the full name. */
export const LABEL_WIDTH = 170;

/** Shared frame: title, fonts, tooltip look, transparent background, layout that keeps axis labels inside. */
export function baseOption(ctx: ChartContext, title: string): ChartOption {
  const { theme } = ctx;
  return {
    backgroundColor: 'transparent',
    animationDuration: 250,
    animationDurationUpdate: 200,
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    title: {
      text: title,
      left: 'center',
      top: 4,
      textStyle: { fontSize: 14, fontWeight: 600, color: theme.text, fontFamily: theme.fontFamily },
    },
    tooltip: {
      confine: true,
      backgroundColor: theme.tooltipBackground,
      borderColor: theme.tooltipBorder,
      textStyle: { color: theme.text, fontFamily: theme.fontFamily, fontSize: 12 },
    },
  };
}

/** A grid whose outer bounds contain the axis labels (the ECharts 6 form of `containLabel`). */
export function grid(
  top: number,
  overrides: { left?: number; right?: number; bottom?: number } = {},
): NonNullable<ChartOption['grid']> {
  return {
    top,
    left: overrides.left ?? 12,
    right: overrides.right ?? 20,
    bottom: overrides.bottom ?? 12,
    outerBoundsMode: 'same',
    outerBoundsContain: 'all',
  };
}

export function axisStyle(ctx: ChartContext): {
  axisLine: { lineStyle: { color: string } };
  axisTick: { lineStyle: { color: string } };
  axisLabel: { color: string; fontFamily: string; hideOverlap: boolean };
  splitLine: { lineStyle: { color: string } };
  nameTextStyle: { color: string; fontFamily: string };
} {
  const { theme } = ctx;
  return {
    axisLine: { lineStyle: { color: theme.axisLine } },
    axisTick: { lineStyle: { color: theme.axisLine } },
    axisLabel: { color: theme.textMuted, fontFamily: theme.fontFamily, hideOverlap: true },
    splitLine: { lineStyle: { color: theme.splitLine } },
    nameTextStyle: { color: theme.textMuted, fontFamily: theme.fontFamily },
  };
}

/** A value axis of case counts: whole numbers, compact ticks (12K). */
export function countAxisLabel(ctx: ChartContext): { formatter: (v: number) => string } {
  return { formatter: (v: number) => ctx.fmt.compact(v) };
}

/** Tooltip text for an ECharts formatter param that carries our own `name`/`value` fields. */
export interface TooltipParam {
  readonly name?: string;
  readonly value?: unknown;
  readonly dataIndex: number;
  readonly seriesIndex?: number;
  readonly seriesName?: string;
  readonly marker?: string;
  readonly data?: unknown;
}

export function asParams(p: unknown): TooltipParam[] {
  return (Array.isArray(p) ? p : [p]) as TooltipParam[];
}

/**
 * The value axis of signed weights (LIME, stability means, SHAP) from `min` to `max`: symmetric
 * bounds are not round numbers, so their own tick labels are left out.
 */
export function weightAxis(ctx: ChartContext, min: number, max: number, name: string) {
  const axis = axisStyle(ctx);
  return {
    type: 'value' as const,
    min,
    max,
    name,
    nameLocation: 'middle' as const,
    nameGap: 26,
    ...axis,
    axisLabel: {
      ...axis.axisLabel,
      formatter: (v: number) => ctx.fmt.num(v, 2),
      showMinLabel: false,
      showMaxLabel: false,
    },
  };
}

/** The category axis of a bar per condition, first at the top, every label shown and cut at `width` px. */
export function conditionAxis(ctx: ChartContext, conditions: readonly string[], width = LABEL_WIDTH + 60) {
  const axis = axisStyle(ctx);
  return {
    type: 'category' as const,
    inverse: true,
    data: [...conditions],
    ...axis,
    axisLine: { ...axis.axisLine, onZero: false },
    axisLabel: {
      ...axis.axisLabel,
      interval: 0,
      width,
      overflow: 'truncate' as const,
      ellipsis: '…',
    },
    // Lets Chart.svelte show the full text of a cut label on hover.
    triggerEvent: true,
  };
}
