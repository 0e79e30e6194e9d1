'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { Projected } from '@/components/api/api-client';
import type { OpsMetrics } from '@/components/api/ops-types';
import { AreaChart } from '@/components/charts/area-chart';
import { ChartCard } from '@/components/charts/chart-card';
import { LineChart } from '@/components/charts/line-chart';
import { eventErrorMessage } from '@/components/events/event-error-message';
import { deadLetterSeries, eventsPerSecondSeries, lagSeries, queueDepthSeries } from './ops-series';

const HOUR_MS = 60 * 60_000;
const HEIGHT = 220;

/** Projection lag, events per second, queue depth and dead letters over the last hour, one point per sample. */
export function OpsCharts({ query, now }: { query: UseQueryResult<Projected<OpsMetrics>>; now: number }) {
  const points = query.data?.value.points ?? [];
  const interval = query.data?.value.intervalSeconds ?? 10;
  const loading = query.isPending;
  const error = query.isError && !query.data ? eventErrorMessage(query.error) : undefined;
  const empty = !loading && points.length === 0;
  const range = { start: now - HOUR_MS, end: now };
  const common = { loading, error, empty, height: HEIGHT, emptyTitle: 'No samples yet', emptyDescription: `The worker samples every ${interval} s.` };

  const lag = lagSeries(points);
  const eps = eventsPerSecondSeries(points);
  const depth = queueDepthSeries(points);
  const dead = deadLetterSeries(points);

  return (
    <section aria-label="The last hour" className="grid min-w-0 grid-cols-1 gap-4 lg:grid-cols-2">
      <ChartCard title="Projection lag" description="Per projector, last hour" {...common}>
        <LineChart title="Projection lag per projector" data={lag.rows} series={lag.series} timeKey="at" unit="ms" range={range} height={HEIGHT} />
      </ChartCard>
      <ChartCard title="Events per second" description="Appended to the log, last hour" {...common}>
        <AreaChart title="Events per second" data={eps.rows} series={eps.series} timeKey="at" unit="events/s" range={range} height={HEIGHT} />
      </ChartCard>
      <ChartCard title="Queue depth" description="Jobs waiting per queue, stacked" {...common}>
        <AreaChart title="Queue depth per queue" data={depth.rows} series={depth.series} timeKey="at" unit="jobs" range={range} height={HEIGHT} stacked />
      </ChartCard>
      <ChartCard title="Dead letters" description="Per queue, last hour" {...common}>
        <LineChart title="Dead letters per queue" data={dead.rows} series={dead.series} timeKey="at" unit="jobs" range={range} height={HEIGHT} />
      </ChartCard>
    </section>
  );
}
