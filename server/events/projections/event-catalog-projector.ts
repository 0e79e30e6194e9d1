import { documentsIn } from '@/server/cqrs/document-projector';
import { ensureIndexes } from '@/server/cqrs/ensure-indexes';
import type { Projector } from '@/server/cqrs/projector';
import { EVENT_DETAILS, REGISTRATIONS, REGISTRATIONS_BY_DAY } from '../read-models/read-model-docs';
import { catalogDocuments, eventDetailsProjection } from './catalog-documents';

/**
 * Projects an event's stream into its details document, its participants' registration documents
 * (also the organizer's attendee list) and its registrations per day (catalog-documents.ts holds
 * the pure rules). One projector owns both so a
 * registration can copy the event's title and time from the details document of the same
 * generation (and the same point in the log).
 */
export const eventCatalogProjector: Projector = {
  name: 'events.catalog',
  collections: [EVENT_DETAILS, REGISTRATIONS, REGISTRATIONS_BY_DAY],
  handles: eventDetailsProjection.handles,
  async setup(store) {
    await ensureIndexes(store.collection(EVENT_DETAILS), [{ key: { status: 1, month: 1 } }, { key: { organizerId: 1 } }]);
    await ensureIndexes(store.collection(REGISTRATIONS), [{ key: { userId: 1 } }, { key: { eventId: 1 } }]);
  },
  async apply(event, store) {
    await catalogDocuments(documentsIn(store), event);
  },
};
