import type { ChartSeries } from '@/components/charts/chart-parts';
import type { OpsMetricsPoint } from '@/components/api/ops-types';

export type SeriesRows = { series: ChartSeries[]; rows: Array<Record<string, string | number | null>> };

/**
 * One series per name (projector or queue) across the samples, keyed `s0`, `s1`... because
 * Recharts reads a dotted key ("events.catalog") as a path into the row. A name missing from a
 * sample is a gap (null), not a zero.
 */
function perName<T extends { name: string }>(points: OpsMetricsPoint[], items: (p: OpsMetricsPoint) => T[], value: (item: T) => number): SeriesRows {
  const names = [...new Set(points.flatMap((p) => items(p).map((i) => i.name)))].sort();
  const keys = new Map(names.map((name, i) => [name, `s${i}`]));
  const series = names.map((name) => ({ key: keys.get(name) as string, label: name }));
  const rows = points.map((p) => {
    const row: Record<string, string | number | null> = { at: p.at };
    for (const name of names) row[keys.get(name) as string] = null;
    for (const item of items(p)) row[keys.get(item.name) as string] = value(item);
    return row;
  });
  return { series, rows };
}

export const lagSeries = (points: OpsMetricsPoint[]) =>
  perName(
    points,
    (p) => p.projections,
    (i) => i.lagMs,
  );

export const queueDepthSeries = (points: OpsMetricsPoint[]) =>
  perName(
    points,
    (p) => p.queues,
    (i) => i.depth,
  );

export const deadLetterSeries = (points: OpsMetricsPoint[]) =>
  perName(
    points,
    (p) => p.queues,
    (i) => i.deadLetters,
  );

export function eventsPerSecondSeries(points: OpsMetricsPoint[]): SeriesRows {
  return { series: [{ key: 'eps', label: 'Events per second' }], rows: points.map((p) => ({ at: p.at, eps: p.eventsPerSecond })) };
}
