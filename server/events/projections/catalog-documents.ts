import type { ApplyDocuments, DocumentProjection } from '@/server/cqrs/document-projector';
import type { StoredEvent } from '@/server/cqrs/types';
import type { EventsDomainEvent } from '../domain/domain-events';
import {
  type DayCount,
  dayOf,
  EVENT_DETAILS,
  type EventDetailsDoc,
  monthOf,
  REGISTRATIONS,
  REGISTRATIONS_BY_DAY,
  type RegistrationDoc,
  type RegistrationsByDayDoc,
  registrationDocId,
} from '../read-models/read-model-docs';

const searchText = (d: { title: string; venue: string; description: string }) => `${d.title}\n${d.venue}\n${d.description}`.toLowerCase();
const toDate = (iso: string | null) => (iso ? new Date(iso) : null);

/** An event's details document, guarded by its stream version; counts are set from the events. */
export const eventDetailsProjection: DocumentProjection<EventDetailsDoc, EventsDomainEvent> = {
  collection: EVENT_DETAILS,
  handles: ['EventCreated', 'EventUpdated', 'EventDeleted', 'ParticipantRegistered', 'RegistrationCancelled'],
  select: (event) => [event.data.eventId],
  guard: () => 'version',
  evolve(doc, event) {
    const version = event.streamVersion;
    if (doc && doc.version >= version) return doc;
    if (event.type === 'EventCreated') {
      const { eventId, organizer, startsAt, endsAt, ...rest } = event.data;
      const at = new Date(startsAt);
      const status = 'scheduled' as const;
      return {
        _id: eventId,
        ...rest,
        organizer,
        organizerId: organizer.userId,
        startsAt: at,
        month: monthOf(at),
        endsAt: toDate(endsAt),
        registeredCount: 0,
        status,
        search: searchText(rest),
        version,
      };
    }
    if (!doc) return null;
    switch (event.type) {
      case 'EventUpdated': {
        const { eventId, startsAt, endsAt, ...rest } = event.data;
        const at = new Date(startsAt);
        return { ...doc, ...rest, startsAt: at, month: monthOf(at), endsAt: toDate(endsAt), search: searchText(rest), version };
      }
      case 'EventDeleted':
        return { ...doc, status: 'deleted', version };
      case 'ParticipantRegistered':
      case 'RegistrationCancelled':
        return { ...doc, registeredCount: event.data.registeredCount, version };
    }
  },
};

/**
 * A participant's registration, guarded by the event stream's version. It copies the event's
 * title, venue and start from `details` (the details document at the same point of the log),
 * which is why one projector owns both read models.
 */
export function registrationProjection(details: EventDetailsDoc | null): DocumentProjection<RegistrationDoc, EventsDomainEvent> {
  return {
    collection: REGISTRATIONS,
    handles: ['EventUpdated', 'EventDeleted', 'ParticipantRegistered', 'RegistrationCancelled'],
    select: (event) =>
      event.type === 'ParticipantRegistered' || event.type === 'RegistrationCancelled'
        ? [registrationDocId(event.data.eventId, event.data.userId)]
        : { where: { eventId: event.data.eventId } },
    guard: () => 'eventVersion',
    evolve: (doc, event) => evolveRegistration(doc, event, details),
  };
}

function evolveRegistration(doc: RegistrationDoc | null, event: StoredEvent<EventsDomainEvent>, details: EventDetailsDoc | null): RegistrationDoc | null {
  const eventVersion = event.streamVersion;
  if (doc && doc.eventVersion >= eventVersion) return doc;
  if (event.type === 'ParticipantRegistered') {
    const { eventId, userId, registeredAt } = event.data;
    const name = event.data.name ?? '';
    return {
      _id: registrationDocId(eventId, userId),
      eventId,
      userId,
      name,
      nameLower: name.toLowerCase(),
      title: details?.title ?? '',
      venue: details?.venue ?? '',
      startsAt: details?.startsAt ?? new Date(0),
      status: 'registered',
      registeredAt: new Date(registeredAt),
      cancelledAt: null,
      eventVersion,
    };
  }
  if (!doc) return null;
  switch (event.type) {
    case 'RegistrationCancelled':
      return { ...doc, status: 'cancelled', cancelledAt: new Date(event.data.cancelledAt), eventVersion };
    case 'EventUpdated':
      return { ...doc, title: event.data.title, venue: event.data.venue, startsAt: new Date(event.data.startsAt), eventVersion };
    case 'EventDeleted':
      return { ...doc, status: doc.status === 'registered' ? 'event-deleted' : doc.status, eventVersion };
    default:
      return doc;
  }
}

/**
 * An event's registrations and cancellations per UTC day (of `registeredAt` / `cancelledAt`), one
 * document per event guarded by the stream version: counts are added, so the guard is what keeps
 * a redelivered event from counting twice.
 */
export const registrationsByDayProjection: DocumentProjection<RegistrationsByDayDoc, EventsDomainEvent> = {
  collection: REGISTRATIONS_BY_DAY,
  handles: ['ParticipantRegistered', 'RegistrationCancelled'],
  select: (event) => [event.data.eventId],
  guard: () => 'eventVersion',
  evolve(doc, event) {
    const eventVersion = event.streamVersion;
    if (doc && doc.eventVersion >= eventVersion) return doc;
    if (event.type !== 'ParticipantRegistered' && event.type !== 'RegistrationCancelled') return doc;
    const registered = event.type === 'ParticipantRegistered';
    const day = dayOf(new Date(registered ? event.data.registeredAt : event.data.cancelledAt));
    const days = doc?.days ?? [];
    const current: DayCount = days.find((d) => d.day === day) ?? { day, registered: 0, cancelled: 0 };
    const next: DayCount = registered ? { ...current, registered: current.registered + 1 } : { ...current, cancelled: current.cancelled + 1 };
    return {
      _id: event.data.eventId,
      days: [...days.filter((d) => d.day !== day), next].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)),
      eventVersion,
    };
  },
};

/** The catalog's documents for one event: the details first, so a registration copies them as of this event. */
export async function catalogDocuments(apply: ApplyDocuments, event: StoredEvent): Promise<void> {
  const [details] = await apply(eventDetailsProjection, event);
  await apply(registrationProjection(details?.after ?? null), event);
  await apply(registrationsByDayProjection, event);
}
