'use client';

import {
  Area,
  AreaChart as RechartsAreaChart,
  CartesianGrid,
  Line,
  LineChart as RechartsLineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { cn } from '@/components/ui/cn';
import {
  axisProps,
  ChartDataTable,
  ChartLegend,
  type ChartSeries,
  ChartTooltipBox,
  defaultValueFormat,
  gridProps,
  seriesColor,
  seriesValue,
  useIsClient,
} from './chart-parts';
import { describeTimeSeries } from './describe-chart';
import { formatInstant, timeTickFormatter, timeTicks, timeZoneName, toMs } from './format-time-axis';

export type TimePoint = Record<string, unknown>;

export type TimeSeriesChartProps = {
  /** Points in any order; `timeKey` holds a Date, ISO string or epoch ms, each series' key a number (or null for a gap). */
  data: ReadonlyArray<TimePoint>;
  series: ChartSeries[];
  /** What the chart shows, for its accessible summary ("Projection lag"). */
  title: string;
  timeKey?: string;
  height?: number;
  /** Unit for the summary and tooltip ("ms", "events/s"). */
  unit?: string;
  valueFormat?: (value: number) => string;
  /** Stack the series (areas): parts of a whole, such as queue depth per queue. */
  stacked?: boolean;
  /** Fixed time range (e.g. "the last hour"); default: the data's first to last point. */
  range?: { start: number; end: number };
  yDomain?: [number | 'auto', number | 'auto'];
  /** Defaults: the viewer's locale and time zone. */
  locale?: string;
  timeZone?: string;
  className?: string;
};

/** Line or area chart over time; `LineChart` and `AreaChart` are this with a kind. */
export function TimeSeriesChart({
  kind,
  data,
  series,
  title,
  timeKey = 't',
  height = 240,
  unit,
  valueFormat,
  stacked = false,
  range,
  yDomain,
  locale,
  timeZone,
  className,
}: TimeSeriesChartProps & { kind: 'line' | 'area' }) {
  const isClient = useIsClient();
  const points = data
    .map((d): TimePoint & { __t: number } => ({ ...d, __t: toMs(d[timeKey] as Date | string | number) }))
    .filter((d) => Number.isFinite(d.__t))
    .sort((a, b) => a.__t - b.__t);
  const start = range?.start ?? points[0]?.__t;
  const end = range?.end ?? points.at(-1)?.__t;
  const hasRange = start !== undefined && end !== undefined;
  const zone = { locale, timeZone };
  const format = valueFormat ?? defaultValueFormat(locale);
  const withUnit = (v: number) => (unit ? `${format(v)} ${unit}` : format(v));

  if (!isClient || !hasRange) {
    return <div className={cn('w-full', className)} style={{ height }} role="img" aria-label={`${title}: ${hasRange ? 'loading' : 'no data'}.`} />;
  }

  const ticks = timeTicks(start, end, { timeZone, maxTicks: 6 });
  const tickFormat = timeTickFormatter(start, end, zone);
  const zoneName = timeZoneName(end, zone);
  const summary = describeTimeSeries(
    title,
    series.map((s) => ({ label: s.label, values: points.map((p) => p[s.key] as number | null) })),
    { start, end },
    { ...zone, unit },
  );

  const Chart = kind === 'area' ? RechartsAreaChart : RechartsLineChart;
  return (
    <div className={cn('flex w-full min-w-0 flex-col gap-2', className)}>
      <div role="img" aria-label={summary} className="w-full min-w-0" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height }}>
          <Chart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid {...gridProps} />
            <XAxis dataKey="__t" type="number" scale="time" domain={[start, end]} ticks={ticks} tickFormatter={tickFormat} minTickGap={16} {...axisProps} />
            <YAxis width={52} tickFormatter={format} domain={yDomain ?? [0, 'auto']} allowDecimals {...axisProps} axisLine={false} />
            <Tooltip
              cursor={{ stroke: 'var(--muted-foreground)', strokeDasharray: '3 3' }}
              isAnimationActive={false}
              content={({ active, payload, label }) =>
                active && payload?.length ? (
                  <ChartTooltipBox
                    heading={formatInstant(Number(label), zone)}
                    rows={series.flatMap((s, i) => {
                      const entry = payload.find((p) => p.name === s.label);
                      return entry && typeof entry.value === 'number' ? [{ label: s.label, color: seriesColor(s, i), value: withUnit(entry.value) }] : [];
                    })}
                  />
                ) : null
              }
            />
            {series.map((s, i) =>
              kind === 'area' ? (
                <Area
                  key={s.key}
                  dataKey={seriesValue(s.key)}
                  name={s.label}
                  type="monotone"
                  stroke={seriesColor(s, i)}
                  fill={seriesColor(s, i)}
                  fillOpacity={0.2}
                  strokeWidth={2}
                  stackId={stacked ? 'stack' : undefined}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ) : (
                <Line
                  key={s.key}
                  dataKey={seriesValue(s.key)}
                  name={s.label}
                  type="monotone"
                  stroke={seriesColor(s, i)}
                  strokeWidth={2}
                  dot={false}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ),
            )}
          </Chart>
        </ResponsiveContainer>
      </div>
      <ChartLegend series={series} note={`Times in ${zoneName}`} />
      <ChartDataTable
        caption={title}
        headers={[`Time (${zoneName})`, ...series.map((s) => ((s.unit ?? unit) ? `${s.label} (${s.unit ?? unit})` : s.label))]}
        rows={points.map((p) => [formatInstant(p.__t, zone), ...series.map((s) => (typeof p[s.key] === 'number' ? format(p[s.key] as number) : '–'))])}
      />
    </div>
  );
}
