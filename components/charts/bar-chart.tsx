'use client';

import { Bar, CartesianGrid, BarChart as RechartsBarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
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
import { describeBars } from './describe-chart';
import { formatDay } from './format-time-axis';

export type { ChartSeries } from './chart-parts';

export type BarChartProps = {
  /** One bar (group) per item; `xKey` holds its category, each series' key a number. */
  data: ReadonlyArray<Record<string, unknown>>;
  series: ChartSeries[];
  xKey: string;
  /**
   * `day`: the category is a calendar day "2031-01-14" (a bucket, not an instant: labelled as
   * that date whatever the viewer's zone). `category`: labels as they are, or `xFormat`.
   */
  xType?: 'day' | 'category';
  xFormat?: (value: string) => string;
  /** What the chart shows, for its accessible summary ("Registrations per day"). */
  title: string;
  height?: number;
  unit?: string;
  valueFormat?: (value: number) => string;
  stacked?: boolean;
  locale?: string;
  className?: string;
};

const shortDay = (locale?: string) => {
  const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' });
  return (value: string) => {
    const ms = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(ms) ? value : f.format(ms);
  };
};

const longDay = (locale?: string) => (value: string) => {
  const ms = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? value : formatDay(ms, { locale, timeZone: 'UTC' });
};

/** Bars per category or per day (registrations per day), grouped or stacked when several series. */
export function BarChart({
  data,
  series,
  xKey,
  xType = 'category',
  xFormat,
  title,
  height = 240,
  unit,
  valueFormat,
  stacked = false,
  locale,
  className,
}: BarChartProps) {
  const isClient = useIsClient();
  const format = valueFormat ?? defaultValueFormat(locale);
  const tickLabel = xFormat ?? (xType === 'day' ? shortDay(locale) : (v: string) => v);
  const fullLabel = xFormat ?? (xType === 'day' ? longDay(locale) : (v: string) => v);
  const withUnit = (v: number) => (unit ? `${format(v)} ${unit}` : format(v));

  if (!isClient || data.length === 0) {
    return <div className={cn('w-full', className)} style={{ height }} role="img" aria-label={`${title}: ${data.length ? 'loading' : 'no data'}.`} />;
  }

  const categories = data.map((d) => String(d[xKey]));
  const totals = data.map((d) => series.reduce((sum, s) => sum + (typeof d[s.key] === 'number' ? (d[s.key] as number) : 0), 0));
  const summary = describeBars(
    title,
    categories.map((c, i) => ({ label: fullLabel(c), value: totals[i] })),
    { locale, unit },
  );

  return (
    <div className={cn('flex w-full min-w-0 flex-col gap-2', className)}>
      <div role="img" aria-label={summary} className="w-full min-w-0" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height }}>
          <RechartsBarChart data={[...data]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid {...gridProps} />
            <XAxis dataKey={xKey} tickFormatter={(v) => tickLabel(String(v))} minTickGap={8} {...axisProps} />
            <YAxis width={44} tickFormatter={format} allowDecimals={false} {...axisProps} axisLine={false} />
            <Tooltip
              cursor={{ fill: 'var(--muted)', opacity: 0.5 }}
              isAnimationActive={false}
              content={({ active, payload, label }) =>
                active && payload?.length ? (
                  <ChartTooltipBox
                    heading={fullLabel(String(label))}
                    rows={series.flatMap((s, i) => {
                      const entry = payload.find((p) => p.name === s.label);
                      return entry && typeof entry.value === 'number' ? [{ label: s.label, color: seriesColor(s, i), value: withUnit(entry.value) }] : [];
                    })}
                  />
                ) : null
              }
            />
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={seriesValue(s.key)}
                name={s.label}
                fill={seriesColor(s, i)}
                radius={stacked && i < series.length - 1 ? 0 : [4, 4, 0, 0]}
                stackId={stacked ? 'stack' : undefined}
                maxBarSize={48}
                isAnimationActive={false}
              />
            ))}
          </RechartsBarChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend series={series} />
      <ChartDataTable
        caption={title}
        headers={[xType === 'day' ? 'Day' : xKey, ...series.map((s) => s.label)]}
        rows={data.map((d, i) => [fullLabel(categories[i]), ...series.map((s) => (typeof d[s.key] === 'number' ? format(d[s.key] as number) : '–'))])}
      />
    </div>
  );
}
