import { i18n, t } from '../../i18n/i18n.svelte';
import { theme } from '../../state/theme.svelte';
import type { ChartContext } from './types';

/** The chart context for the current theme and language; call it inside $derived so charts follow both. */
export function chartContext(): ChartContext {
  return { theme: theme.chart, t, fmt: i18n.fmt };
}
