import { MongoServerError } from 'mongodb';
import { ensureIndexes } from '@/server/cqrs/ensure-indexes';
import { versionGuard, type Projector } from '@/server/cqrs/projector';
import type { StoredEvent } from '@/server/cqrs/types';
import type { EventsDomainEvent } from '../domain/event-types';
import { EVENT_DETAILS, monthOf, REGISTRATIONS, type EventDetailsDoc, type RegistrationDoc } from './read-model-docs';

const searchText = (d: { title: string; venue: string; description: string }) => `${d.title}\n${d.venue}\n${d.description}`.toLowerCase();

const toDate = (iso: string | null) => (iso ? new Date(iso) : null);

/** An upsert whose guard rejects a newer document fails on the duplicate _id: that is a replay. */
const ignoreReplay = (err: unknown) => {
  if (err instanceof MongoServerError && err.code === 11000) return;
  throw err;
};

/**
 * Projects an event's stream into its details document and its participants' registration
 * documents. One projector owns both so a registration can copy the event's title and time from
 * the details document of the same generation (and the same point in the log).
 */
export const eventCatalogProjector: Projector = {
  name: 'events.catalog',
  collections: [EVENT_DETAILS, REGISTRATIONS],
  handles: ['EventCreated', 'EventUpdated', 'EventDeleted', 'ParticipantRegistered', 'RegistrationCancelled'],

  async setup(store) {
    await ensureIndexes(store.collection(EVENT_DETAILS), [{ key: { status: 1, month: 1 } }, { key: { organizerId: 1 } }]);
    await ensureIndexes(store.collection(REGISTRATIONS), [{ key: { userId: 1 } }, { key: { eventId: 1 } }]);
  },

  async apply(stored, store) {
    const event = stored as StoredEvent<EventsDomainEvent>;
    const version = event.streamVersion;
    const details = store.collection<EventDetailsDoc>(EVENT_DETAILS);
    const registrations = store.collection<RegistrationDoc>(REGISTRATIONS);
    switch (event.type) {
      case 'EventCreated': {
        const { eventId, organizer, startsAt, endsAt, ...rest } = event.data;
        const doc = {
          ...rest,
          organizer,
          organizerId: organizer.userId,
          startsAt: new Date(startsAt),
          month: monthOf(new Date(startsAt)),
          endsAt: toDate(endsAt),
          registeredCount: 0,
          status: 'scheduled' as const,
          search: searchText(rest),
          version,
        };
        await details.updateOne(versionGuard(eventId, version), { $set: doc }, { upsert: true }).catch(ignoreReplay);
        return;
      }
      case 'EventUpdated': {
        const { eventId, startsAt, endsAt, ...rest } = event.data;
        await details.updateOne(versionGuard(eventId, version), {
          $set: { ...rest, startsAt: new Date(startsAt), month: monthOf(new Date(startsAt)), endsAt: toDate(endsAt), search: searchText(rest), version },
        });
        await registrations.updateMany(
          { eventId, eventVersion: { $lt: version } },
          { $set: { title: rest.title, venue: rest.venue, startsAt: new Date(startsAt), eventVersion: version } },
        );
        return;
      }
      case 'EventDeleted': {
        const { eventId } = event.data;
        await details.updateOne(versionGuard(eventId, version), { $set: { status: 'deleted', version } });
        await registrations.updateMany(
          { eventId, status: 'registered', eventVersion: { $lt: version } },
          { $set: { status: 'event-deleted', eventVersion: version } },
        );
        await registrations.updateMany({ eventId, eventVersion: { $lt: version } }, { $set: { eventVersion: version } });
        return;
      }
      case 'ParticipantRegistered': {
        const { eventId, userId, registeredAt, registeredCount } = event.data;
        await details.updateOne(versionGuard(eventId, version), { $set: { registeredCount, version } });
        const info = await details.findOne({ _id: eventId }, { projection: { title: 1, venue: 1, startsAt: 1 } });
        const doc = {
          eventId,
          userId,
          title: info?.title ?? '',
          venue: info?.venue ?? '',
          startsAt: info?.startsAt ?? new Date(0),
          status: 'registered' as const,
          registeredAt: new Date(registeredAt),
          eventVersion: version,
        };
        await registrations.updateOne(versionGuard(`${eventId}:${userId}`, version, 'eventVersion'), { $set: doc }, { upsert: true }).catch(ignoreReplay);
        return;
      }
      case 'RegistrationCancelled': {
        const { eventId, userId, registeredCount } = event.data;
        await details.updateOne(versionGuard(eventId, version), { $set: { registeredCount, version } });
        await registrations.updateOne(versionGuard(`${eventId}:${userId}`, version, 'eventVersion'), { $set: { status: 'cancelled', eventVersion: version } });
        return;
      }
    }
  },
};
