import { defineQuery } from '@/server/cqrs/define';
import { readModel } from '@/server/cqrs/read-models';
import { eventCatalogProjector } from '../projections/event-catalog-projector';
import { EVENT_DETAILS, type EventDetailsDoc } from '../read-models/read-model-docs';
import { eventList, noParams } from '../schemas';
import { toEventSummary } from './to-event-summary';

/** The organizer's own events, past and deleted included, newest first. */
export const listOrganizedEvents = defineQuery({
  path: '/api/queries/events/organized',
  summary: 'Events the caller organizes',
  access: { roles: ['organizer'] },
  params: noParams,
  output: eventList,
  projections: [eventCatalogProjector.name],
  errors: [
    { status: 401, code: 'unauthenticated', when: 'not signed in' },
    { status: 403, code: 'forbidden', when: 'the caller is not an organizer' },
  ],
  async handle(_params, { db, actor }) {
    const docs = await (await readModel<EventDetailsDoc>(db, EVENT_DETAILS)).find({ organizerId: actor.userId }).sort({ startsAt: -1 }).toArray();
    return { items: docs.map(toEventSummary) };
  },
});
