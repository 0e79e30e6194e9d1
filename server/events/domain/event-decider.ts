import type { Decider } from '@/server/cqrs/types';
import { type EventsErrorCode, eventsErrors } from './errors';
import type { EventDetails, EventsDomainEvent } from './domain-events';
import { MAX_CAPACITY } from './limits';

const { refuse } = eventsErrors;

export interface EventState extends EventDetails {
  eventId: string;
  organizerId: string;
  status: 'scheduled' | 'deleted';
  registeredCount: number;
  version: number;
}

/** The aggregate as the decider sees it: the event (null before creation) and, for registration
 *  commands, whether the participant in question holds a registration. */
export interface EventDecisionState {
  event: EventState | null;
  participant?: { userId: string; registrationId: string | null };
}

export type EventCommand =
  | { type: 'CreateEvent'; data: EventDetails & { eventId: string; organizer: { userId: string; name: string }; now: string } }
  | { type: 'UpdateEvent'; data: Partial<EventDetails> & { actorId: string; expectedVersion?: number; now: string } }
  | { type: 'DeleteEvent'; data: { actorId: string } }
  | { type: 'RegisterParticipant'; data: { registrationId: string; userId: string; name: string; now: string } }
  | { type: 'CancelRegistration'; data: { userId: string; now: string } };

/**
 * Rules of an event:
 * - it starts in the future when created, and ends (if it says so) after it starts;
 * - capacity is 1..100,000 and never drops below the current registrations;
 * - only its organizer changes or deletes it; an `expectedVersion` must match (optimistic lock);
 * - a deleted event cannot change; deleting twice is harmless;
 * - registration: not deleted, not started, one active registration per user, never above capacity;
 * - cancellation needs an active registration of that user, before the event starts.
 */
export const eventDecider: Decider<EventCommand, EventsDomainEvent, EventDecisionState, EventsErrorCode> = {
  refusals: {
    CreateEvent: ['event-exists', 'starts-in-past', 'ends-before-start', 'invalid-capacity'],
    UpdateEvent: [
      'not-found',
      'not-organizer',
      'version-conflict',
      'event-deleted',
      'starts-in-past',
      'ends-before-start',
      'invalid-capacity',
      'capacity-below-registrations',
    ],
    DeleteEvent: ['not-found', 'not-organizer'],
    RegisterParticipant: ['not-found', 'event-deleted', 'event-past', 'already-registered', 'event-full'],
    CancelRegistration: ['not-found', 'event-deleted', 'event-past', 'not-registered'],
  },

  decide(command, { event, participant }) {
    switch (command.type) {
      case 'CreateEvent': {
        const { now, eventId, organizer, ...details } = command.data;
        if (event) throw refuse('event-exists', 'An event with this id already exists');
        checkDetails(details, now);
        return [{ type: 'EventCreated', data: { eventId, organizer, ...details } }];
      }
      case 'UpdateEvent': {
        const { actorId, expectedVersion, now, ...changes } = command.data;
        const current = mustExist(event);
        mustOrganize(current, actorId);
        if (expectedVersion !== undefined && expectedVersion !== current.version) {
          throw refuse('version-conflict', `The event changed since version ${expectedVersion}; it is at version ${current.version}`);
        }
        mustBeScheduled(current);
        const next: EventDetails = { ...pickDetails(current), ...definedOnly(changes) };
        if (next.startsAt !== current.startsAt || next.endsAt !== current.endsAt) checkTimes(next, now);
        checkCapacity(next.capacity);
        if (next.capacity < current.registeredCount) {
          throw refuse('capacity-below-registrations', `Capacity cannot drop below the ${current.registeredCount} current registrations`);
        }
        return [{ type: 'EventUpdated', data: { eventId: current.eventId, ...next } }];
      }
      case 'DeleteEvent': {
        const current = mustExist(event);
        mustOrganize(current, command.data.actorId);
        if (current.status === 'deleted') return [];
        return [{ type: 'EventDeleted', data: { eventId: current.eventId } }];
      }
      case 'RegisterParticipant': {
        const current = mustExist(event);
        mustBeScheduled(current);
        mustNotHaveStarted(current, command.data.now);
        if (participant?.registrationId) throw refuse('already-registered', 'You are already registered for this event');
        if (current.registeredCount >= current.capacity) throw refuse('event-full', 'This event is full');
        const { registrationId, userId, name, now } = command.data;
        return [
          {
            type: 'ParticipantRegistered',
            data: { eventId: current.eventId, registrationId, userId, name, registeredAt: now, registeredCount: current.registeredCount + 1 },
          },
        ];
      }
      case 'CancelRegistration': {
        const current = mustExist(event);
        mustBeScheduled(current);
        mustNotHaveStarted(current, command.data.now);
        if (!participant?.registrationId) throw refuse('not-registered', 'You are not registered for this event');
        return [
          {
            type: 'RegistrationCancelled',
            data: {
              eventId: current.eventId,
              registrationId: participant.registrationId,
              userId: command.data.userId,
              cancelledAt: command.data.now,
              registeredCount: current.registeredCount - 1,
            },
          },
        ];
      }
    }
  },

  evolve(state, e) {
    const version = (state.event?.version ?? 0) + 1;
    switch (e.type) {
      case 'EventCreated': {
        const { organizer, ...rest } = e.data;
        return { ...state, event: { ...rest, organizerId: organizer.userId, status: 'scheduled', registeredCount: 0, version } };
      }
      case 'EventUpdated':
        return { ...state, event: { ...state.event!, ...e.data, version } };
      case 'EventDeleted':
        return { ...state, event: { ...state.event!, status: 'deleted', version } };
      case 'ParticipantRegistered':
        return {
          event: { ...state.event!, registeredCount: e.data.registeredCount, version },
          participant: { userId: e.data.userId, registrationId: e.data.registrationId },
        };
      case 'RegistrationCancelled':
        return {
          event: { ...state.event!, registeredCount: e.data.registeredCount, version },
          participant: { userId: e.data.userId, registrationId: null },
        };
    }
  },
};

function mustExist(event: EventState | null): EventState {
  if (!event) throw refuse('not-found', 'Event was not found');
  return event;
}

function mustOrganize(event: EventState, actorId: string) {
  if (event.organizerId !== actorId) throw refuse('not-organizer', 'Only the event’s organizer can change it');
}

function mustBeScheduled(event: EventState) {
  if (event.status === 'deleted') throw refuse('event-deleted', 'This event was deleted');
}

function mustNotHaveStarted(event: EventState, now: string) {
  if (Date.parse(event.startsAt) <= Date.parse(now)) throw refuse('event-past', 'This event has already started');
}

function checkDetails(details: EventDetails, now: string) {
  checkTimes(details, now);
  checkCapacity(details.capacity);
}

function checkTimes({ startsAt, endsAt }: EventDetails, now: string) {
  if (Date.parse(startsAt) <= Date.parse(now)) throw refuse('starts-in-past', 'An event must start in the future');
  if (endsAt !== null && Date.parse(endsAt) <= Date.parse(startsAt)) throw refuse('ends-before-start', 'An event must end after it starts');
}

function checkCapacity(capacity: number) {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
    throw refuse('invalid-capacity', `Capacity must be a whole number from 1 to ${MAX_CAPACITY}`);
  }
}

const pickDetails = ({ title, description, venue, startsAt, endsAt, capacity }: EventState): EventDetails => ({
  title,
  description,
  venue,
  startsAt,
  endsAt,
  capacity,
});

const definedOnly = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
