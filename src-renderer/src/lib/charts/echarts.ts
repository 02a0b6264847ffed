/**
 * ECharts with only the pieces Lime Lens draws, on the canvas renderer. Loaded lazily (dynamic
 * import from Chart.svelte) so the first paint never waits for the chart library.
 */
import { init, use } from 'echarts/core';
import { CHART_PARTS } from './chartParts';
import { CanvasRenderer } from 'echarts/renderers';

use([...CHART_PARTS, CanvasRenderer]);

export { init };
export type { ECharts } from 'echarts/core';
