'use client';

import { useSyncExternalStore } from 'react';
import { cn } from '@/components/ui/cn';

/** One plotted quantity: `key` in each data point, its label, color (default `var(--chart-N)`) and unit. */
export type ChartSeries = { key: string; label: string; color?: string; unit?: string };

export const seriesColor = (series: ChartSeries, index: number) => series.color ?? `var(--chart-${(index % 5) + 1})`;

/** Axis and grid styling shared by the charts: theme tokens only, so light and dark both read. */
export const axisProps = {
  stroke: 'var(--border)',
  tickLine: false,
  tick: { fill: 'var(--muted-foreground)', fontSize: 12 },
} as const;

export const gridProps = { stroke: 'var(--border)', strokeDasharray: '3 3', vertical: false } as const;

/**
 * A series' value by its key, as a function: Recharts reads a string dataKey with dots
 * ("events.catalog") as a path into the point, so a projector's name would find nothing.
 */
export const seriesValue = (key: string) => (point: Record<string, unknown>) => point[key] as number | null | undefined;

const subscribeNever = () => () => {};

/**
 * False on the server and during hydration, true after: labels that depend on the viewer's time
 * zone and locale are rendered only in the browser, so server and client markup agree.
 */
export function useIsClient() {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

export function defaultValueFormat(locale?: string) {
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (value: number) => f.format(value);
}

type TooltipRow = { label: string; color: string; value: string };

/** The tooltip box: a heading (the time or category) and one row per series. */
export function ChartTooltipBox({ heading, rows }: { heading: string; rows: TooltipRow[] }) {
  return (
    <div className="min-w-36 rounded-lg border bg-popover px-3 py-2 text-popover-foreground text-xs shadow-md">
      <p className="mb-1 font-medium">{heading}</p>
      <ul className="grid gap-1">
        {rows.map((row) => (
          <li key={row.label} className="flex items-center gap-2">
            <span aria-hidden className="size-2.5 shrink-0 rounded-[2px]" style={{ background: row.color }} />
            <span className="text-muted-foreground">{row.label}</span>
            <span className="ml-auto pl-3 font-mono font-medium tabular-nums">{row.value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Series names with their colors, and a note (the time zone) at the end. */
export function ChartLegend({ series, note, className }: { series: ChartSeries[]; note?: string; className?: string }) {
  return (
    <div className={cn('flex flex-wrap items-center gap-x-4 gap-y-1 text-muted-foreground text-xs', className)}>
      {series.length > 1 ? (
        <ul className="flex flex-wrap items-center gap-x-4 gap-y-1" aria-label="Legend">
          {series.map((s, i) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span aria-hidden className="size-2.5 rounded-[2px]" style={{ background: seriesColor(s, i) }} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      {note ? <span className="ml-auto">{note}</span> : null}
    </div>
  );
}

/** The same numbers as a table, for screen readers (the drawing itself is one labelled image). */
export function ChartDataTable({ caption, headers, rows, limit = 100 }: { caption: string; headers: string[]; rows: string[][]; limit?: number }) {
  const shown = rows.slice(-limit);
  // The wrapper clips: a table is never narrower than its content, so an `sr-only` table alone would widen the page.
  return (
    <div className="sr-only">
      <table>
        <caption>
          {caption}
          {rows.length > shown.length ? ` (last ${shown.length} of ${rows.length} points)` : ''}
        </caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row[0]}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={headers[i]} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={headers[i]}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
