import type pg from 'pg';
import { dbFor } from '@/db/client';
import type { ReadDb } from '@/db/mongo';
import { catchUp } from '@/server/cqrs/catch-up';
import { catchUpReactor } from '@/server/cqrs/catch-up-reactor';
import { loadCheckpoint } from '@/server/cqrs/checkpoints';
import type { LogPosition } from '@/server/cqrs/consistency-token';
import { loadReactorCheckpoint } from '@/server/cqrs/reactor-checkpoints';
import { liveGenerations, storeFor } from '@/server/cqrs/read-models';
import type { ContextConsumers } from '@/server/jobs/queue-routes';
import { projectionsQueue, reactionsQueue } from '@/server/jobs/queues';

/** A projector or a reactor as the worker runs it: catch up, report the checkpoint, wait on its queue's jobs. */
export interface LogConsumer {
  name: string;
  kind: 'projection' | 'reaction';
  /** The queue whose jobs wait for this consumer: its context's projections or reactions queue. */
  queue: string;
  setup(): Promise<void>;
  catchUp(): Promise<{ ran: boolean; applied: number }>;
  checkpoint(): Promise<LogPosition>;
}

export function logConsumers(pool: pg.Pool, db: ReadDb, contexts: readonly ContextConsumers[]): LogConsumer[] {
  return contexts.flatMap((c) => [
    ...c.projectors.map(
      (p): LogConsumer => ({
        name: p.name,
        kind: 'projection',
        queue: projectionsQueue(c.name),
        setup: async () => p.setup(storeFor(db, await liveGenerations(db, p.collections))),
        // The store is resolved under the projection's lock, so a generation swap never lands mid-pass.
        catchUp: () => catchUp(pool, db, p, async () => storeFor(db, await liveGenerations(db, p.collections))),
        checkpoint: () => loadCheckpoint(db, p.name),
      }),
    ),
    ...c.reactors.map(
      (r): LogConsumer => ({
        name: r.name,
        kind: 'reaction',
        queue: reactionsQueue(c.name),
        setup: async () => {},
        catchUp: () => catchUpReactor(r),
        checkpoint: () => loadReactorCheckpoint(dbFor(pool), r.name),
      }),
    ),
  ]);
}
