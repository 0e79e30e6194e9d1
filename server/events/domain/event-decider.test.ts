import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/cqrs/errors';
import { eventDecider, MAX_CAPACITY, type EventCommand, type EventDecisionState } from './event-decider';
import type { EventDetails, EventsDomainEvent } from './event-types';

// A fixed clock: the decider never reads one, time arrives in the command.
const NOW = '2030-01-01T12:00:00.000Z';
const LATER = '2030-01-10T18:00:00.000Z';
const EVEN_LATER = '2030-01-10T21:00:00.000Z';
const EVENT_ID = 'e-1';
const ORGANIZER = { userId: 'u-organizer', name: 'Olga' };
const ALICE = 'u-alice';

const details: EventDetails = { title: 'Meetup', description: 'Talks', venue: 'Hall 1', startsAt: LATER, endsAt: EVEN_LATER, capacity: 2 };

const created = (overrides: Partial<EventDetails> = {}): EventsDomainEvent => ({
  type: 'EventCreated',
  data: { eventId: EVENT_ID, organizer: ORGANIZER, ...details, ...overrides },
});
const registered = (userId: string, registrationId: string, registeredCount: number): EventsDomainEvent => ({
  type: 'ParticipantRegistered',
  data: { eventId: EVENT_ID, registrationId, userId, registeredAt: NOW, registeredCount },
});
const deleted: EventsDomainEvent = { type: 'EventDeleted', data: { eventId: EVENT_ID } };

/** The state a history folds into, as the command handlers rebuild it from rows. */
const given = (...history: EventsDomainEvent[]): EventDecisionState => history.reduce(eventDecider.evolve, { event: null });
/** The decision state for a registration command by `userId` (no active registration unless given). */
const forParticipant = (state: EventDecisionState, userId: string, registrationId: string | null = null): EventDecisionState => ({
  ...state,
  participant: { userId, registrationId },
});

const create = (overrides: Partial<EventDetails> = {}, now = NOW): EventCommand => ({
  type: 'CreateEvent',
  data: { eventId: EVENT_ID, organizer: ORGANIZER, ...details, ...overrides, now },
});
const update = (changes: Partial<EventDetails> & { expectedVersion?: number }, actorId = ORGANIZER.userId, now = NOW): EventCommand => ({
  type: 'UpdateEvent',
  data: { ...changes, actorId, now },
});
const register = (userId = ALICE, now = NOW): EventCommand => ({ type: 'RegisterParticipant', data: { registrationId: `r-${userId}`, userId, now } });
const cancel = (userId = ALICE, now = NOW): EventCommand => ({ type: 'CancelRegistration', data: { userId, now } });

/** The error a refused command throws (fails the test when the decider accepts it). */
function refusal(decide: () => unknown): AppError {
  try {
    decide();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected the decider to refuse the command');
}
const decide = eventDecider.decide;

describe('event decider: creation', () => {
  it('creates a scheduled event with the given details and organizer', () => {
    const events = decide(create(), given());
    expect(events).toEqual([{ type: 'EventCreated', data: { eventId: EVENT_ID, organizer: ORGANIZER, ...details } }]);
    expect(given(...events).event).toMatchObject({ ...details, organizerId: ORGANIZER.userId, status: 'scheduled', registeredCount: 0, version: 1 });
  });

  it('refuses an id that already exists', () => {
    expect(refusal(() => decide(create(), given(created())))).toMatchObject({ kind: 'conflict', code: 'event-exists' });
  });

  it.each([
    ['in the past', '2029-12-31T12:00:00.000Z'],
    ['exactly now', NOW],
  ])('refuses an event that starts %s', (_label, startsAt) => {
    expect(refusal(() => decide(create({ startsAt, endsAt: null }), given()))).toMatchObject({ kind: 'conflict', code: 'starts-in-past' });
  });

  it.each([
    ['before it starts', '2030-01-10T17:00:00.000Z'],
    ['when it starts', LATER],
  ])('refuses an end %s', (_label, endsAt) => {
    expect(refusal(() => decide(create({ endsAt }), given()))).toMatchObject({ kind: 'conflict', code: 'ends-before-start' });
  });

  it('accepts an event without an end', () => {
    expect(decide(create({ endsAt: null }), given())[0].data).toMatchObject({ endsAt: null });
  });

  it.each([0, -1, 1.5, MAX_CAPACITY + 1, Number.NaN])('refuses capacity %s', (capacity) => {
    expect(refusal(() => decide(create({ capacity }), given()))).toMatchObject({ kind: 'conflict', code: 'invalid-capacity' });
  });

  it.each([1, MAX_CAPACITY])('accepts capacity %s', (capacity) => {
    expect(decide(create({ capacity }), given())).toHaveLength(1);
  });
});

describe('event decider: update', () => {
  it('changes only the given details and carries the full details in the event', () => {
    const [event] = decide(update({ title: 'Renamed', capacity: 5 }), given(created()));
    expect(event).toEqual({ type: 'EventUpdated', data: { eventId: EVENT_ID, ...details, title: 'Renamed', capacity: 5 } });
    expect(given(created(), event).event).toMatchObject({ title: 'Renamed', capacity: 5, venue: 'Hall 1', version: 2 });
  });

  it('refuses a missing event as not found', () => {
    expect(refusal(() => decide(update({ title: 'x' }), given()))).toMatchObject({ kind: 'not-found', code: 'not-found' });
  });

  it('refuses anyone but the organizer', () => {
    expect(refusal(() => decide(update({ title: 'x' }, 'u-someone-else'), given(created())))).toMatchObject({ kind: 'forbidden', code: 'not-organizer' });
  });

  it('refuses a stale expectedVersion and accepts the current one', () => {
    const state = given(created(), registered(ALICE, 'r-1', 1)); // version 2
    expect(refusal(() => decide(update({ title: 'x', expectedVersion: 1 }), state))).toMatchObject({ kind: 'conflict', code: 'version-conflict' });
    expect(refusal(() => decide(update({ title: 'x', expectedVersion: 3 }), state))).toMatchObject({ code: 'version-conflict' });
    expect(decide(update({ title: 'x', expectedVersion: 2 }), state)).toHaveLength(1);
  });

  it('refuses changes to a deleted event', () => {
    expect(refusal(() => decide(update({ title: 'x' }), given(created(), deleted)))).toMatchObject({ kind: 'conflict', code: 'event-deleted' });
  });

  it('never drops capacity below the current registrations', () => {
    const state = given(created(), registered(ALICE, 'r-1', 1), registered('u-bob', 'r-2', 2));
    expect(refusal(() => decide(update({ capacity: 1 }), state))).toMatchObject({ kind: 'conflict', code: 'capacity-below-registrations' });
    expect(decide(update({ capacity: 2 }), state)[0].data).toMatchObject({ capacity: 2 });
  });

  it.each([0, 1.5, MAX_CAPACITY + 1])('refuses capacity %s', (capacity) => {
    expect(refusal(() => decide(update({ capacity }), given(created())))).toMatchObject({ code: 'invalid-capacity' });
  });

  it('re-checks times when they change: a start in the past, or an end before the start', () => {
    const state = given(created());
    expect(refusal(() => decide(update({ startsAt: '2029-06-01T00:00:00.000Z', endsAt: null }), state))).toMatchObject({ code: 'starts-in-past' });
    // moving the start after the existing end
    expect(refusal(() => decide(update({ startsAt: '2030-01-11T00:00:00.000Z' }), state))).toMatchObject({ code: 'ends-before-start' });
    expect(refusal(() => decide(update({ endsAt: '2030-01-10T17:00:00.000Z' }), state))).toMatchObject({ code: 'ends-before-start' });
    expect(decide(update({ endsAt: null }), state)[0].data).toMatchObject({ endsAt: null, startsAt: LATER });
  });

  it('lets the organizer edit other details of an event that has started (times unchanged)', () => {
    const afterStart = '2030-01-10T19:00:00.000Z';
    expect(decide(update({ title: 'Slides online' }, ORGANIZER.userId, afterStart), given(created()))[0].data).toMatchObject({ title: 'Slides online' });
  });
});

describe('event decider: deletion', () => {
  it('deletes a scheduled event', () => {
    const events = decide({ type: 'DeleteEvent', data: { actorId: ORGANIZER.userId } }, given(created()));
    expect(events).toEqual([deleted]);
    expect(given(created(), ...events).event).toMatchObject({ status: 'deleted', version: 2 });
  });

  it('is harmless the second time: no event, no error', () => {
    expect(decide({ type: 'DeleteEvent', data: { actorId: ORGANIZER.userId } }, given(created(), deleted))).toEqual([]);
  });

  it('refuses anyone but the organizer, even once deleted', () => {
    for (const state of [given(created()), given(created(), deleted)]) {
      expect(refusal(() => decide({ type: 'DeleteEvent', data: { actorId: ALICE } }, state))).toMatchObject({ kind: 'forbidden', code: 'not-organizer' });
    }
  });

  it('refuses a missing event as not found', () => {
    expect(refusal(() => decide({ type: 'DeleteEvent', data: { actorId: ALICE } }, given()))).toMatchObject({ kind: 'not-found' });
  });
});

describe('event decider: registration', () => {
  it('takes a seat and records the count after it', () => {
    const events = decide(register(), forParticipant(given(created()), ALICE));
    expect(events).toEqual([
      { type: 'ParticipantRegistered', data: { eventId: EVENT_ID, registrationId: `r-${ALICE}`, userId: ALICE, registeredAt: NOW, registeredCount: 1 } },
    ]);
    const next = given(created(), ...events);
    expect(next.event).toMatchObject({ registeredCount: 1, version: 2 });
    expect(next.participant).toEqual({ userId: ALICE, registrationId: `r-${ALICE}` });
  });

  it('refuses a second active registration of the same user', () => {
    const state = forParticipant(given(created(), registered(ALICE, 'r-1', 1)), ALICE, 'r-1');
    expect(refusal(() => decide(register(), state))).toMatchObject({ kind: 'conflict', code: 'already-registered' });
  });

  it('never goes above capacity', () => {
    const full = given(created(), registered('u-1', 'r-1', 1), registered('u-2', 'r-2', 2));
    expect(refusal(() => decide(register(), forParticipant(full, ALICE)))).toMatchObject({ kind: 'conflict', code: 'event-full' });
  });

  it('refuses a deleted event', () => {
    expect(refusal(() => decide(register(), forParticipant(given(created(), deleted), ALICE)))).toMatchObject({ code: 'event-deleted' });
  });

  it.each([
    ['has started', '2030-01-10T19:00:00.000Z'],
    ['starts right now', LATER],
  ])('refuses an event that %s', (_label, now) => {
    expect(refusal(() => decide(register(ALICE, now), forParticipant(given(created()), ALICE)))).toMatchObject({ code: 'event-past' });
  });

  it('refuses a missing event as not found', () => {
    expect(refusal(() => decide(register(), forParticipant(given(), ALICE)))).toMatchObject({ kind: 'not-found', code: 'not-found' });
  });
});

describe('event decider: cancellation', () => {
  const withAlice = () => forParticipant(given(created(), registered(ALICE, 'r-1', 1)), ALICE, 'r-1');

  it('frees the seat of the registration it cancels', () => {
    const events = decide(cancel(), withAlice());
    expect(events).toEqual([
      { type: 'RegistrationCancelled', data: { eventId: EVENT_ID, registrationId: 'r-1', userId: ALICE, cancelledAt: NOW, registeredCount: 0 } },
    ]);
    const next = events.reduce(eventDecider.evolve, withAlice());
    expect(next.event).toMatchObject({ registeredCount: 0, version: 3 });
    expect(next.participant).toEqual({ userId: ALICE, registrationId: null });
  });

  it('needs an active registration of that user', () => {
    expect(refusal(() => decide(cancel('u-bob'), forParticipant(given(created(), registered(ALICE, 'r-1', 1)), 'u-bob')))).toMatchObject({
      kind: 'conflict',
      code: 'not-registered',
    });
  });

  it('refuses after the event has started', () => {
    expect(refusal(() => decide(cancel(ALICE, '2030-01-10T19:00:00.000Z'), withAlice()))).toMatchObject({ code: 'event-past' });
  });

  it('refuses on a deleted event', () => {
    const state = forParticipant(given(created(), registered(ALICE, 'r-1', 1), deleted), ALICE, 'r-1');
    expect(refusal(() => decide(cancel(), state))).toMatchObject({ code: 'event-deleted' });
  });

  it('refuses a missing event as not found', () => {
    expect(refusal(() => decide(cancel(), forParticipant(given(), ALICE, 'r-1')))).toMatchObject({ kind: 'not-found' });
  });

  it('lets the user register again after cancelling, when a seat is free', () => {
    let state = withAlice();
    for (const command of [cancel(), register()]) state = decide(command, state).reduce(eventDecider.evolve, state);
    expect(state.event).toMatchObject({ registeredCount: 1, version: 4 });
    expect(state.participant).toEqual({ userId: ALICE, registrationId: `r-${ALICE}` });
  });
});

describe('event decider: purity', () => {
  it('neither decide nor evolve mutates the state it is given', () => {
    const state = withFrozen(forParticipant(given(created()), ALICE));
    const snapshot = structuredClone(state);
    const events = decide(register(), state);
    events.reduce(eventDecider.evolve, state);
    decide(update({ title: 'x' }), state);
    expect(state).toEqual(snapshot);
  });

  it('gives the same answer for the same command and state', () => {
    const state = forParticipant(given(created()), ALICE);
    expect(decide(register(), state)).toEqual(decide(register(), state));
  });

  it('counts one version per event in evolve', () => {
    const state = given(
      created(),
      registered('u-1', 'r-1', 1),
      registered('u-2', 'r-2', 2),
      { type: 'EventUpdated', data: { eventId: EVENT_ID, ...details, capacity: 3 } },
      deleted,
    );
    expect(state.event).toMatchObject({ version: 5, registeredCount: 2, capacity: 3, status: 'deleted' });
  });
});

function withFrozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) withFrozen(v);
    Object.freeze(value);
  }
  return value;
}
