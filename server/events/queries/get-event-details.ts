import { defineQuery } from '@/server/cqrs/define';
import { notFound } from '@/server/cqrs/errors';
import { readModel } from '@/server/cqrs/read-models';
import { eventCatalogProjector } from '../projections/event-catalog-projector';
import { EVENT_DETAILS, type EventDetailsDoc } from '../read-models/read-model-docs';
import { eventDetails, eventIdParams } from '../schemas';
import { toEventSummary } from './to-event-summary';

/** GetEventDetails: one document by _id. Deleted events still answer (status "deleted"). */
export const getEventDetails = defineQuery({
  path: '/api/queries/events/{eventId}',
  summary: 'Event details with seats left',
  access: 'public',
  params: eventIdParams,
  output: eventDetails,
  projections: [eventCatalogProjector.name],
  errors: [{ status: 404, code: 'not-found', when: 'no such event' }],
  async handle({ eventId }, { db }) {
    const doc = await (await readModel<EventDetailsDoc>(db, EVENT_DETAILS)).findOne({ _id: eventId });
    if (!doc) throw notFound('Event');
    return { ...toEventSummary(doc), description: doc.description, version: doc.version };
  },
});
