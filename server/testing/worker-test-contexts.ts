import type PgBoss from 'pg-boss';
import { contextRoutes } from '@/server/contexts';
import type { Projector } from '@/server/cqrs/projector';
import type { StoredEvent } from '@/server/cqrs/types';
import type { EventCreated } from '@/server/events/domain/domain-events';
import { ensureQueues } from '@/server/jobs/ensure-queues';
import { type ContextConsumers, queueRoutes } from '@/server/jobs/queue-routes';
import { catchUpJob } from '@/server/jobs/queues';
import { announceEventsReactor } from './announce-events-reactor';

/** Events titled with this break the poisoned projector. */
export const POISON = '[poison]';

/** A projector that fails on poisoned events forever: the isolation test's broken context. */
const poisonedProjector: Projector = {
  name: 'testing.poisoned',
  collections: [],
  handles: ['EventCreated'],
  async setup() {},
  async apply(event) {
    if ((event as StoredEvent<EventCreated>).data.title.startsWith(POISON)) throw new Error(`poisoned event ${event.position}`);
  },
};

/**
 * The `testing` context, loaded only by worker processes that tests spawn with
 * WORKER_EXTRA_CONTEXTS=server/testing/worker-test-contexts.ts (see workers/index.ts).
 */
export const extraContexts: ContextConsumers[] = [{ name: 'testing', projectors: [poisonedProjector], reactors: [announceEventsReactor] }];

const extraRoutes = queueRoutes(extraContexts);

/**
 * Routes the `testing` context's queues for a test file, as migrations do for the registry's, with
 * one quick retry so a failing job reaches the dead-letter queue within a test. Returns the undo.
 */
export async function routeTestingContext(boss: PgBoss): Promise<() => Promise<void>> {
  await ensureQueues(boss, [...contextRoutes, ...extraRoutes]);
  for (const { queue } of extraRoutes) {
    const job = catchUpJob(queue);
    await boss.updateQueue(job.name, { name: job.name, ...job.options, retryLimit: 1, retryBackoff: false, deadLetter: job.deadLetter });
  }
  return () => ensureQueues(boss);
}
