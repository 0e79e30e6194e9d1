import type { Projector } from '@/server/cqrs/projector';
import type { StoredEvent } from '@/server/cqrs/types';
import type { EventCreated } from '@/server/events/domain/event-types';
import type { ContextConsumers } from '@/server/jobs/queue-routes';
import { queueRoutes } from '@/server/jobs/queue-routes';
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

/** Its queues, for `ensureQueues` in the tests that spawn such a worker. */
export const extraRoutes = queueRoutes(extraContexts);
