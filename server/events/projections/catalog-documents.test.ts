import { describe, it } from 'vitest';
import { eventLog, projectionSpec } from '@/server/testing/projection-spec';
import type { EventDetails } from '../domain/domain-events';
import { eventStreamId } from '../domain/domain-events';
import { EVENT_DETAILS, REGISTRATIONS, REGISTRATIONS_BY_DAY } from '../read-models/read-model-docs';
import { catalogDocuments } from './catalog-documents';

const spec = projectionSpec(catalogDocuments);
const E = 'e1';
const organizer = { userId: 'org', name: 'Olga' };
const details: EventDetails = { title: 'CQRS', description: 'Deep dive', venue: 'Hall A', startsAt: '2030-03-01T10:00:00.000Z', endsAt: null, capacity: 2 };

function eventStream() {
  const append = eventLog();
  const stream = eventStreamId(E);
  return {
    created: () => append(stream, { type: 'EventCreated', data: { ...details, eventId: E, organizer } }),
    updated: (change: Partial<EventDetails>) => append(stream, { type: 'EventUpdated', data: { ...details, ...change, eventId: E } }),
    deleted: () => append(stream, { type: 'EventDeleted', data: { eventId: E } }),
    registered: (userId: string, registeredCount: number, registeredAt = '2030-02-01T00:00:00.000Z') =>
      append(stream, {
        type: 'ParticipantRegistered',
        data: { eventId: E, registrationId: `r-${userId}`, userId, name: `User ${userId.toUpperCase()}`, registeredAt, registeredCount },
      }),
    cancelled: (userId: string, registeredCount: number, cancelledAt = CANCELLED_AT) =>
      append(stream, {
        type: 'RegistrationCancelled',
        data: { eventId: E, registrationId: `r-${userId}`, userId, cancelledAt, registeredCount },
      }),
  };
}

const detailsDoc = {
  _id: E,
  title: 'CQRS',
  description: 'Deep dive',
  venue: 'Hall A',
  capacity: 2,
  organizer,
  organizerId: 'org',
  startsAt: new Date(details.startsAt),
  month: '2030-03',
  endsAt: null,
  registeredCount: 0,
  status: 'scheduled',
  search: 'cqrs\nhall a\ndeep dive',
  version: 1,
};
const CANCELLED_AT = '2030-02-02T00:00:00.000Z';
const registration = (userId: string, eventVersion: number, extra: object = {}) => ({
  _id: `${E}:${userId}`,
  eventId: E,
  userId,
  name: `User ${userId.toUpperCase()}`,
  nameLower: `user ${userId}`,
  title: 'CQRS',
  venue: 'Hall A',
  startsAt: new Date(details.startsAt),
  status: 'registered',
  registeredAt: new Date('2030-02-01T00:00:00.000Z'),
  cancelledAt: null,
  eventVersion,
  ...extra,
});
const cancelledAt = new Date(CANCELLED_AT);

describe('the events catalog documents', () => {
  it('creates the details document with its month bucket, search text and no registrations', async () => {
    const s = eventStream();
    await spec.given(s.created()).expect({ [EVENT_DETAILS]: [detailsDoc], [REGISTRATIONS]: [] });
  });

  it('sets registeredCount from the events and copies the details into each registration', async () => {
    const s = eventStream();
    await spec.given(s.created(), s.registered('u1', 1), s.registered('u2', 2), s.cancelled('u1', 1)).expect({
      [EVENT_DETAILS]: [{ ...detailsDoc, registeredCount: 1, version: 4 }],
      [REGISTRATIONS]: [registration('u1', 4, { status: 'cancelled', cancelledAt }), registration('u2', 3)],
    });
  });

  it('rewrites the registrations’ copy of title, venue and start when the event changes', async () => {
    const s = eventStream();
    const startsAt = '2030-04-02T09:00:00.000Z';
    await spec.given(s.created(), s.registered('u1', 1), s.updated({ title: 'CQRS 2', venue: 'Hall B', startsAt })).expect({
      [EVENT_DETAILS]: [
        {
          ...detailsDoc,
          title: 'CQRS 2',
          venue: 'Hall B',
          startsAt: new Date(startsAt),
          month: '2030-04',
          search: 'cqrs 2\nhall b\ndeep dive',
          registeredCount: 1,
          version: 3,
        },
      ],
      [REGISTRATIONS]: [registration('u1', 3, { title: 'CQRS 2', venue: 'Hall B', startsAt: new Date(startsAt) })],
    });
  });

  it('marks live registrations event-deleted on delete, and leaves cancelled ones cancelled', async () => {
    const s = eventStream();
    await spec.given(s.created(), s.registered('u1', 1), s.registered('u2', 2), s.cancelled('u2', 1), s.deleted()).expect({
      [EVENT_DETAILS]: [{ ...detailsDoc, status: 'deleted', registeredCount: 1, version: 5 }],
      [REGISTRATIONS]: [registration('u1', 5, { status: 'event-deleted' }), registration('u2', 5, { status: 'cancelled', cancelledAt })],
    });
  });

  it('lets a participant register again after cancelling: one attendee row, standing again, no cancellation time', async () => {
    const s = eventStream();
    await spec.given(s.created(), s.registered('u1', 1), s.cancelled('u1', 0), s.registered('u1', 1)).expect({
      [REGISTRATIONS]: [registration('u1', 4)],
    });
  });

  it('keeps the attendee’s name from the registration (an older event without one projects an empty name)', async () => {
    const append = eventLog();
    const stream = eventStreamId(E);
    const created = append(stream, { type: 'EventCreated', data: { ...details, eventId: E, organizer } });
    const legacy = append(stream, {
      type: 'ParticipantRegistered',
      data: { eventId: E, registrationId: 'r-u9', userId: 'u9', registeredAt: '2030-02-01T00:00:00.000Z', registeredCount: 1 },
    });
    await spec.given(created, legacy).expect({ [REGISTRATIONS]: [registration('u9', 2, { name: '', nameLower: '' })] });
  });

  it('counts registrations and cancellations per UTC day of their own times, oldest day first', async () => {
    const s = eventStream();
    await spec
      .given(
        s.created(),
        s.registered('u1', 1, '2030-02-03T23:59:00.000Z'),
        s.registered('u2', 2, '2030-02-01T08:00:00.000Z'),
        s.registered('u3', 3, '2030-02-03T00:00:00.000Z'),
        s.cancelled('u1', 2, '2030-02-03T12:00:00.000Z'),
      )
      .expect({
        [REGISTRATIONS_BY_DAY]: [
          {
            _id: E,
            days: [
              { day: '2030-02-01', registered: 1, cancelled: 0 },
              { day: '2030-02-03', registered: 2, cancelled: 1 },
            ],
            eventVersion: 5,
          },
        ],
      });
  });

  it('ignores an older event applied after a newer one (a redelivery), for details and registrations', async () => {
    const s = eventStream();
    const created = s.created();
    const registered = s.registered('u1', 1);
    const cancelled = s.cancelled('u1', 0);
    await spec.given(created, registered, cancelled, registered, created).expect({
      [EVENT_DETAILS]: [{ ...detailsDoc, version: 3 }],
      [REGISTRATIONS]: [registration('u1', 3, { status: 'cancelled', cancelledAt })],
      [REGISTRATIONS_BY_DAY]: [
        {
          _id: E,
          days: [
            { day: '2030-02-01', registered: 1, cancelled: 0 },
            { day: '2030-02-02', registered: 0, cancelled: 1 },
          ],
          eventVersion: 3,
        },
      ],
    });
  });

  it('creates nothing from an update or a delete of an event it never saw created', async () => {
    const s = eventStream();
    s.created();
    await spec.given(s.updated({ title: 'x' }), s.deleted()).expect({ [EVENT_DETAILS]: [], [REGISTRATIONS]: [], [REGISTRATIONS_BY_DAY]: [] });
  });
});
