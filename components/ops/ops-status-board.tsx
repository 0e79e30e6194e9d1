'use client';

import { useOpsStatus } from '@/components/api/use-ops-status';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { eventErrorMessage } from '@/components/events/event-error-message';
import { ConsumersCard } from './consumers-card';
import { formatAge } from './format-age';
import { formatCount } from './format-count';

const REFRESH_MS = 2000;

/** Projectors and reactors (checkpoint, lag, dead letters, last error), queues per context and the worker, refreshed live. */
export function OpsStatusBoard() {
  const query = useOpsStatus(REFRESH_MS);

  if (query.isPending) {
    return (
      <div className="center-block">
        <Spinner label="Loading status…" />
      </div>
    );
  }
  if (!query.data) return <Alert title="Could not load the ops status">{eventErrorMessage(query.error)}</Alert>;

  const { projections, reactors, queues, worker } = query.data.value;
  const now = Date.now();

  return (
    <div className="stack">
      <div className="toolbar">
        <p className="muted small" aria-live="off">
          Refreshes every {REFRESH_MS / 1000} s · last update {new Date(query.dataUpdatedAt).toLocaleTimeString()}
        </p>
        {query.isError ? <Badge tone="warning">Refresh failed: showing the last answer</Badge> : null}
      </div>

      <Card aria-labelledby="worker-heading">
        <h2 id="worker-heading" className="card-title">
          Worker
        </h2>
        <p className="worker-line" data-testid="worker-status">
          {worker.alive ? <Badge tone="success">Alive</Badge> : <Badge tone="danger">Not responding</Badge>}
          <span className="muted small">
            Last heartbeat {formatAge(worker.heartbeatAt, now)} · {worker.instances} {worker.instances === 1 ? 'instance' : 'instances'}
          </span>
        </p>
      </Card>

      <ConsumersCard title="Projections" label="Projection" consumers={projections} now={now} />
      <ConsumersCard title="Reactors" label="Reactor" consumers={reactors} now={now} />

      <Card aria-labelledby="queues-heading">
        <h2 id="queues-heading" className="card-title">
          Queues
        </h2>
        {queues.length === 0 ? (
          <EmptyState title="No queues." />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="queues-table">
              <thead>
                <tr>
                  <th scope="col">Queue</th>
                  <th scope="col" className="num">
                    Queued
                  </th>
                  <th scope="col" className="num">
                    Active
                  </th>
                  <th scope="col" className="num">
                    Retrying
                  </th>
                  <th scope="col" className="num">
                    Dead letters
                  </th>
                </tr>
              </thead>
              <tbody>
                {queues.map((q) => (
                  <tr key={q.name}>
                    <th scope="row">
                      <code>{q.name}</code>
                    </th>
                    <td className="num">{formatCount(q.queued)}</td>
                    <td className="num">{formatCount(q.active)}</td>
                    <td className="num">{q.retrying > 0 ? <Badge tone="warning">{formatCount(q.retrying)}</Badge> : formatCount(q.retrying)}</td>
                    {/* Jobs that exhausted their retries: replay with `npm run jobs:replay-dead` once the cause is fixed. */}
                    <td className="num">{q.deadLetters > 0 ? <Badge tone="danger">{formatCount(q.deadLetters)}</Badge> : formatCount(q.deadLetters)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
