import type { OpsStatus } from '@/components/api/ops-types';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatAge } from './format-age';
import { formatCount } from './format-count';

type Consumer = OpsStatus['projections'][number];

/** Projectors or reactors: where each is in the log, how far behind, its queue's dead letters, its last error. */
export function ConsumersCard({ title, label, consumers, now }: { title: string; label: string; consumers: Consumer[]; now: number }) {
  const id = title.toLowerCase();
  return (
    <Card aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="card-title">
        {title}
      </h2>
      {consumers.length === 0 ? (
        <EmptyState title={`No ${id} registered.`} />
      ) : (
        <ConsumerTable label={label} consumers={consumers} now={now} testId={`${id}-table`} />
      )}
    </Card>
  );
}

function ConsumerTable({ label, consumers, now, testId }: { label: string; consumers: Consumer[]; now: number; testId: string }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col" className="num">
              Checkpoint
            </th>
            <th scope="col" className="num">
              Lag
            </th>
            <th scope="col" className="num">
              Applied
            </th>
            <th scope="col" className="num">
              Dead letters
            </th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {consumers.map((c) => (
            <tr key={c.name}>
              <th scope="row">
                <code>{c.name}</code>
                <span className="muted small block">queue {c.queue}</span>
              </th>
              <td className="num">
                <code>{c.checkpoint}</code>
                <span className="muted small block">updated {formatAge(c.updatedAt, now)}</span>
              </td>
              <td className="num">
                {c.lagEvents > 0 ? (
                  <Badge tone="warning">
                    {formatCount(c.lagEvents)} {c.lagEvents === 1 ? 'event' : 'events'}
                  </Badge>
                ) : (
                  'none'
                )}
                {c.lagEvents > 0 ? <span className="muted small block">{formatCount(c.lagMs)} ms behind</span> : null}
              </td>
              <td className="num">{formatCount(c.applied)}</td>
              <td className="num">{c.deadLetters > 0 ? <Badge tone="danger">{formatCount(c.deadLetters)}</Badge> : formatCount(c.deadLetters)}</td>
              <td className="error-cell">
                {c.lastError ? (
                  <>
                    <span className="error-text" title={c.lastError}>
                      {c.lastError}
                    </span>
                    <span className="muted small block">{formatAge(c.lastErrorAt, now)}</span>
                  </>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
