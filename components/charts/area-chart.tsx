'use client';

import { TimeSeriesChart, type TimeSeriesChartProps } from './time-series-chart';

export type { ChartSeries } from './chart-parts';
export type { TimePoint } from './time-series-chart';

/** Series over time as filled areas; `stacked` for parts of a whole (queue depth per queue). */
export function AreaChart(props: TimeSeriesChartProps) {
  return <TimeSeriesChart kind="area" {...props} />;
}
