'use client';

import { ActivityIcon, GaugeIcon, InboxIcon, SkullIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { ApiError } from '@/components/api/api-error';
import { useOpsMetrics } from '@/components/api/use-ops-metrics';
import { useOpsStatus } from '@/components/api/use-ops-status';
import { eventErrorMessage } from '@/components/events/event-error-message';
import { useCurrentUser } from '@/components/shell/use-current-user';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { StatCard } from '@/components/ui/stat-card';
import { formatAge } from './format-age';
import { formatCount } from './format-count';
import { NotForYourRole } from './not-for-your-role';
import { OpsCharts } from './ops-charts';
import { formatLag, opsFigures } from './ops-figures';
import { ConsumersTable } from './consumers-table';
import { QueuesTable } from './queues-table';

const REFRESH_MS = 2000;

/** Ops for administrators; everyone else gets a plain "not for your role" page, not an error. */
export function OpsDashboard() {
  const { user, status } = useCurrentUser();
  if (status === 'loading') return <FiguresSkeleton />;
  if (!user?.roles.includes('admin')) return <NotForYourRole what="Operations" />;
  return <OpsBoard />;
}

function FiguresSkeleton() {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {['Worker', 'Max projection lag', 'Dead letters', 'Queued jobs'].map((label) => (
        <StatCard key={label} label={label} value={undefined} />
      ))}
    </div>
  );
}

/** The clock for "12 s ago", ticking with the refresh so ages do not freeze between answers. */
function useNow(intervalMs: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function OpsBoard() {
  const statusQuery = useOpsStatus(REFRESH_MS);
  const metricsQuery = useOpsMetrics('1h');
  const now = useNow(REFRESH_MS);

  // Roles changed since sign-in (the API is the judge): the same calm page as for any non-admin.
  if (statusQuery.error instanceof ApiError && statusQuery.error.status === 403) return <NotForYourRole what="Operations" />;

  const status = statusQuery.data?.value;
  const figures = status ? opsFigures(status) : undefined;

  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-wrap items-center gap-2 text-muted-foreground text-xs">
        <span aria-live="off">
          Refreshes every {REFRESH_MS / 1000} s{statusQuery.dataUpdatedAt ? ` · last update ${new Date(statusQuery.dataUpdatedAt).toLocaleTimeString()}` : ''}
        </span>
        {statusQuery.isError && status ? <Badge tone="warning">Refresh failed: showing the last answer</Badge> : null}
      </div>

      {statusQuery.isError && !status ? <Alert title="Could not load the ops status">{eventErrorMessage(statusQuery.error)}</Alert> : null}

      <section aria-label="Key figures" className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard
          testId="worker-status"
          label="Worker"
          icon={<ActivityIcon />}
          value={figures ? (figures.workerAlive ? 'Alive' : 'Not responding') : undefined}
          tone={figures ? (figures.workerAlive ? 'success' : 'danger') : 'default'}
          hint={
            figures
              ? `Heartbeat ${formatAge(figures.heartbeatAt, now)} · ${figures.workerInstances} ${figures.workerInstances === 1 ? 'instance' : 'instances'}`
              : undefined
          }
        />
        <StatCard
          testId="max-lag"
          label="Max projection lag"
          icon={<GaugeIcon />}
          value={figures ? (figures.maxLag ? formatLag(figures.maxLag.lagMs) : '–') : undefined}
          tone={figures?.maxLag && figures.maxLag.lagEvents > 0 ? 'warning' : 'default'}
          hint={
            figures?.maxLag
              ? `${figures.maxLag.name} · ${formatCount(figures.maxLag.lagEvents)} ${figures.maxLag.lagEvents === 1 ? 'event' : 'events'} behind`
              : figures
                ? 'No projectors yet'
                : undefined
          }
        />
        <StatCard
          testId="dead-letters"
          label="Dead letters"
          icon={<SkullIcon />}
          value={figures ? formatCount(figures.deadLetters) : undefined}
          tone={figures && figures.deadLetters > 0 ? 'danger' : 'default'}
          hint={figures ? (figures.deadLetters > 0 ? 'Replay with npm run jobs:replay-dead' : 'Every job delivered') : undefined}
        />
        <StatCard
          testId="queued-jobs"
          label="Queued jobs"
          icon={<InboxIcon />}
          value={figures ? formatCount(figures.queued) : undefined}
          hint={figures ? `Across ${status?.queues.length ?? 0} queues` : undefined}
        />
      </section>

      <OpsCharts query={metricsQuery} now={now} />

      <section aria-labelledby="consumers-heading" className="flex min-w-0 flex-col gap-3">
        <h2 id="consumers-heading" className="font-semibold text-lg">
          Projectors and reactors
        </h2>
        <ConsumersTable status={status} now={now} />
      </section>

      <section aria-labelledby="queues-heading" className="flex min-w-0 flex-col gap-3">
        <h2 id="queues-heading" className="font-semibold text-lg">
          Queues
        </h2>
        <QueuesTable status={status} />
      </section>
    </div>
  );
}
