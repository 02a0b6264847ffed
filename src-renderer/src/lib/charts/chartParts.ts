/**
 * The ECharts chart types and components Lime Lens draws, registered by both the on-screen
 * (canvas) build and the report's (SVG, server-side) build, so a chart that works on screen
 * also works on paper.
 */
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';

export const CHART_PARTS = [
  BarChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
];
