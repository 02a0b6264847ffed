/**
 * ECharts on its SVG renderer in server-side mode: a chart option becomes an SVG string with no
 * canvas, no DOM and no script, sharp on paper and identical in Node (CLI, main) and the preview.
 */
import { init, use } from 'echarts/core';
import { CHART_PARTS } from '../lib/charts/chartParts';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from '../lib/charts/types';

use([...CHART_PARTS, SVGRenderer]);

/**
 * SVG inside HTML needs no namespace declarations; dropping them keeps the report free of any
 * URL-looking text (the HTML file must carry no http reference at all).
 */
const NAMESPACES = / xmlns(?::xlink)?="http:\/\/www\.w3\.org\/[^"]*"/g;

/** Renders `option` at width × height (CSS px) to an `<svg>` string for inline use in HTML. */
export function chartSvg(option: ChartOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, tooltip: { show: false } });
    return chart.renderToSVGString().replace(NAMESPACES, '');
  } finally {
    chart.dispose();
  }
}
