'use client';

import { useOpsStatus } from '@/components/api/use-ops-status';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { eventErrorMessage } from '@/components/events/event-error-message';
import { formatAge } from './format-age';

const REFRESH_MS = 2000;
const number = new Intl.NumberFormat();

function fmt(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : number.format(n);
}

/** Projections (checkpoint, lag, dead letters, last error), queues and the worker, refreshed live. */
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

  const { projections = [], worker } = query.data.value;
  const queues = query.data.value.queues;
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
            Last heartbeat {formatAge(worker.heartbeatAt, now)}
            {worker.instances !== undefined ? ` · ${worker.instances} ${worker.instances === 1 ? 'instance' : 'instances'}` : ''}
          </span>
        </p>
      </Card>

      <Card aria-labelledby="projections-heading">
        <h2 id="projections-heading" className="card-title">
          Projections
        </h2>
        {projections.length === 0 ? (
          <EmptyState title="No projections registered." />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="projections-table">
              <thead>
                <tr>
                  <th scope="col">Projection</th>
                  <th scope="col" className="num">
                    Checkpoint
                  </th>
                  <th scope="col" className="num">
                    Lag (events)
                  </th>
                  <th scope="col" className="num">
                    Lag (ms)
                  </th>
                  <th scope="col" className="num">
                    Dead letters
                  </th>
                  <th scope="col">Last error</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {projections.map((p) => (
                  <tr key={p.name}>
                    <th scope="row">
                      <code>{p.name}</code>
                    </th>
                    <td className="num">
                      <code>{p.checkpoint ?? '–'}</code>
                    </td>
                    <td className="num">{(p.lagEvents ?? 0) > 0 ? <Badge tone="warning">{fmt(p.lagEvents)}</Badge> : fmt(p.lagEvents)}</td>
                    <td className="num">{fmt(p.lagMs)}</td>
                    <td className="num">{p.deadLetters > 0 ? <Badge tone="danger">{fmt(p.deadLetters)}</Badge> : fmt(p.deadLetters)}</td>
                    <td className="error-cell">
                      {p.lastError ? (
                        <>
                          <span className="error-text" title={p.lastError}>
                            {p.lastError}
                          </span>
                          <span className="muted small block">{formatAge(p.lastErrorAt, now)}</span>
                        </>
                      ) : (
                        <span className="muted">none</span>
                      )}
                    </td>
                    <td>{formatAge(p.updatedAt, now)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

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
                </tr>
              </thead>
              <tbody>
                {queues.map((q) => {
                  // Waiting jobs in a dead-letter queue are failures that exhausted their retries.
                  const dead = q.name.endsWith('-dead') && q.queued > 0;
                  return (
                    <tr key={q.name}>
                      <th scope="row">
                        <code>{q.name}</code>
                      </th>
                      <td className="num">{dead ? <Badge tone="danger">{fmt(q.queued)}</Badge> : fmt(q.queued)}</td>
                      <td className="num">{fmt(q.active)}</td>
                      <td className="num">{q.retrying > 0 ? <Badge tone="warning">{fmt(q.retrying)}</Badge> : fmt(q.retrying)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
