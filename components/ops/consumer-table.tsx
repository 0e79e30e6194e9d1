import type { OpsStatus } from '@/components/api/ops-types';
import { Badge } from '@/components/ui/badge';
import { formatAge } from './format-age';
import { formatCount } from './format-count';

type Consumer = OpsStatus['projections'][number];

/** Projectors or reactors: where each is in the log, how far behind, its queue's dead letters, its last error. */
export function ConsumerTable({ label, consumers, now, testId }: { label: string; consumers: Consumer[]; now: number; testId: string }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col">Queue</th>
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
              Applied
            </th>
            <th scope="col" className="num">
              Dead letters
            </th>
            <th scope="col">Last error</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {consumers.map((c) => (
            <tr key={c.name}>
              <th scope="row">
                <code>{c.name}</code>
              </th>
              <td>
                <code>{c.queue}</code>
              </td>
              <td className="num">
                <code>{c.checkpoint}</code>
              </td>
              <td className="num">{c.lagEvents > 0 ? <Badge tone="warning">{formatCount(c.lagEvents)}</Badge> : formatCount(c.lagEvents)}</td>
              <td className="num">{formatCount(c.lagMs)}</td>
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
              <td>{formatAge(c.updatedAt, now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
