import type { ECharts } from 'echarts/core';

/**
 * Runs `work` (a synchronous setOption or resize) with ECharts' closing paint held back, and paints
 * in the next animation frame instead: laying a chart out and painting it are each a good part of
 * its first draw, and in one task the correlation heatmap's were over 50 ms (UI bench).
 * ECharts paints synchronously by calling its zrender's `flush`; `refresh` asks for the frame's paint.
 */
export function paintNextFrame(instance: ECharts, work: () => void): void {
  const zr = instance.getZr();
  const flush = zr.flush;
  zr.flush = () => undefined;
  try {
    work();
  } finally {
    zr.flush = flush;
  }
  zr.refresh();
}
