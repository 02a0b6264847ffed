import type { ComposeOption } from 'echarts/core';
import type {
  BarSeriesOption,
  CustomSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { NumberFormatter } from '../format';
import type { Translate } from '../../i18n/translate';
import type { ChartTheme } from './chartTheme';

/** Exactly the ECharts pieces registered in `echarts.ts`; an option using anything else fails to type-check. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | CustomSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What every option builder needs besides its data: colours, words and number formats. */
export interface ChartContext {
  readonly theme: ChartTheme;
  readonly t: Translate;
  readonly fmt: NumberFormatter;
}
