import { defineErrors, type ErrorCodeOf } from '@/server/cqrs/errors';

/** Every refusal of the events context; commands document the codes their decider can raise. */
export const eventsErrors = defineErrors({
  'not-found': { status: 404, when: 'no such event' },
  'not-organizer': { status: 403, when: 'the caller does not organize this event' },
  'event-exists': { status: 409, when: 'an event with this id exists' },
  'starts-in-past': { status: 409, when: 'startsAt is not in the future' },
  'ends-before-start': { status: 409, when: 'endsAt is not after startsAt' },
  'invalid-capacity': { status: 409, when: 'capacity is not a whole number from 1 to 100,000' },
  'version-conflict': { status: 409, when: 'expectedVersion is not the current version' },
  'capacity-below-registrations': { status: 409, when: 'capacity is below the current registrations' },
  'event-deleted': { status: 409, when: 'the event was deleted' },
  'event-past': { status: 409, when: 'the event has started' },
  'already-registered': { status: 409, when: 'the caller holds a registration' },
  'event-full': { status: 409, when: 'no seats are left' },
  'not-registered': { status: 409, when: 'the caller holds no registration' },
});

export type EventsErrorCode = ErrorCodeOf<typeof eventsErrors>;
