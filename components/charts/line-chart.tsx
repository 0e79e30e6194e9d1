'use client';

import { TimeSeriesChart, type TimeSeriesChartProps } from './time-series-chart';

export type { ChartSeries } from './chart-parts';
export type { TimePoint } from './time-series-chart';

/** Several series over time as lines (lag percentiles, events per second). */
export function LineChart(props: TimeSeriesChartProps) {
  return <TimeSeriesChart kind="line" {...props} />;
}
