/**
 * Chart colours. Series colours are the same in light and dark mode (mid-luminance hues that
 * read on both backgrounds), so a class keeps its colour when the theme changes; only text,
 * axis lines and the neutral middle of colour scales follow the theme.
 */

export interface ChartTheme {
  readonly mode: 'light' | 'dark';
  readonly fontFamily: string;
  readonly text: string;
  readonly textMuted: string;
  readonly axisLine: string;
  readonly splitLine: string;
  readonly tooltipBackground: string;
  readonly tooltipBorder: string;
  /** Behind cell labels, so they stay readable on any cell colour. */
  readonly labelOutline: string;
  /** Series colours; class i gets palette[i % length]. */
  readonly palette: readonly string[];
  /** Neutral series (e.g. "all rows", "not class X"). */
  readonly neutral: string;
  /** Negative, zero, positive ends of a diverging scale (correlation). */
  readonly diverging: readonly [string, string, string];
  /** Low and high ends of a sequential scale (confusion matrix). */
  readonly sequential: readonly [string, string];
  /** Regression explanations: raises / lowers the prediction. */
  readonly increase: string;
  readonly decrease: string;
}

export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif";

const PALETTE = ['#3b82c4', '#e07b39', '#3aa17e', '#9467bd', '#d6679a', '#b8962e', '#2bb3c0', '#8c6d5a'];

export function chartTheme(mode: 'light' | 'dark'): ChartTheme {
  const dark = mode === 'dark';
  return {
    mode,
    fontFamily: FONT_FAMILY,
    text: dark ? '#e3e7ee' : '#1f2933',
    textMuted: dark ? '#a3adbb' : '#52606d',
    axisLine: dark ? '#5a6575' : '#9aa5b1',
    splitLine: dark ? '#323a47' : '#e4e7eb',
    tooltipBackground: dark ? '#242b36' : '#ffffff',
    tooltipBorder: dark ? '#4a5363' : '#cbd2d9',
    labelOutline: dark ? '#1b2029' : '#ffffff',
    palette: PALETTE,
    neutral: dark ? '#7b8594' : '#9aa5b1',
    diverging: ['#3b6fb6', dark ? '#2b313c' : '#f4f4f4', '#c8553d'],
    sequential: [dark ? '#25303f' : '#eef4fb', '#2f6db3'],
    increase: '#3aa17e',
    decrease: '#d0543f',
  };
}

export function classColor(theme: ChartTheme, index: number): string {
  return theme.palette[((index % theme.palette.length) + theme.palette.length) % theme.palette.length];
}

/** Relative luminance (WCAG) of a #rrggbb colour, 0 (black) .. 1 (white). */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (v: number): number => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Linear interpolation between two #rrggbb colours, f in 0..1. */
export function mix(a: string, b: string, f: number): string {
  const pa = Number.parseInt(a.slice(1), 16);
  const pb = Number.parseInt(b.slice(1), 16);
  const ch = (shift: number): number => {
    const va = (pa >> shift) & 255;
    const vb = (pb >> shift) & 255;
    return Math.round(va + (vb - va) * Math.min(1, Math.max(0, f)));
  };
  return `#${((ch(16) << 16) | (ch(8) << 8) | ch(0)).toString(16).padStart(6, '0')}`;
}

/** Text colour that reads on the given background. */
export function textOn(background: string): string {
  return luminance(background) > 0.35 ? '#1f2933' : '#ffffff';
}
