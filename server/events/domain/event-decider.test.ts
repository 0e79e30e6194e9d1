import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@/server/testing/decider-spec';
import { eventDecider, type EventCommand, type EventDecisionState } from './event-decider';
import type { EventDetails, EventsDomainEvent } from './domain-events';
import { MAX_CAPACITY } from './limits';

const spec = deciderSpec(eventDecider);

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
const given = (...history: EventsDomainEvent[]): EventDecisionState => spec.fold({ event: null }, ...history);
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
const register = (userId = ALICE, now = NOW): EventCommand => ({
  type: 'RegisterParticipant',
  data: { registrationId: `r-${userId}`, userId, name: `Name of ${userId}`, now },
});
const cancel = (userId = ALICE, now = NOW): EventCommand => ({ type: 'CancelRegistration', data: { userId, now } });

const decide = eventDecider.decide;

describe('event decider: creation', () => {
  it('creates a scheduled event with the given details and organizer', () => {
    const events = decide(create(), given());
    expect(events).toEqual([{ type: 'EventCreated', data: { eventId: EVENT_ID, organizer: ORGANIZER, ...details } }]);
    expect(given(...events).event).toMatchObject({ ...details, organizerId: ORGANIZER.userId, status: 'scheduled', registeredCount: 0, version: 1 });
  });

  it('refuses an id that already exists', () => {
    expect(spec.given(given(created())).when(create()).thenRefuses('event-exists')).toMatchObject({ kind: 'conflict' });
  });

  it.each([
    ['in the past', '2029-12-31T12:00:00.000Z'],
    ['exactly now', NOW],
  ])('refuses an event that starts %s', (_label, startsAt) => {
    expect(
      spec
        .given(given())
        .when(create({ startsAt, endsAt: null }))
        .thenRefuses('starts-in-past'),
    ).toMatchObject({ kind: 'conflict' });
  });

  it.each([
    ['before it starts', '2030-01-10T17:00:00.000Z'],
    ['when it starts', LATER],
  ])('refuses an end %s', (_label, endsAt) => {
    expect(spec.given(given()).when(create({ endsAt })).thenRefuses('ends-before-start')).toMatchObject({ kind: 'conflict' });
  });

  it('accepts an event without an end', () => {
    expect(decide(create({ endsAt: null }), given())[0].data).toMatchObject({ endsAt: null });
  });

  it.each([0, -1, 1.5, MAX_CAPACITY + 1, Number.NaN])('refuses capacity %s', (capacity) => {
    expect(spec.given(given()).when(create({ capacity })).thenRefuses('invalid-capacity')).toMatchObject({ kind: 'conflict' });
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
    expect(
      spec
        .given(given())
        .when(update({ title: 'x' }))
        .thenRefuses('not-found'),
    ).toMatchObject({ kind: 'not-found' });
  });

  it('refuses anyone but the organizer', () => {
    expect(
      spec
        .given(given(created()))
        .when(update({ title: 'x' }, 'u-someone-else'))
        .thenRefuses('not-organizer'),
    ).toMatchObject({ kind: 'forbidden' });
  });

  it('refuses a stale expectedVersion and accepts the current one', () => {
    const state = given(created(), registered(ALICE, 'r-1', 1)); // version 2
    expect(
      spec
        .given(state)
        .when(update({ title: 'x', expectedVersion: 1 }))
        .thenRefuses('version-conflict'),
    ).toMatchObject({ kind: 'conflict' });
    spec
      .given(state)
      .when(update({ title: 'x', expectedVersion: 3 }))
      .thenRefuses('version-conflict');
    expect(decide(update({ title: 'x', expectedVersion: 2 }), state)).toHaveLength(1);
  });

  it('refuses changes to a deleted event', () => {
    expect(
      spec
        .given(given(created(), deleted))
        .when(update({ title: 'x' }))
        .thenRefuses('event-deleted'),
    ).toMatchObject({ kind: 'conflict' });
  });

  it('never drops capacity below the current registrations', () => {
    const state = given(created(), registered(ALICE, 'r-1', 1), registered('u-bob', 'r-2', 2));
    expect(
      spec
        .given(state)
        .when(update({ capacity: 1 }))
        .thenRefuses('capacity-below-registrations'),
    ).toMatchObject({ kind: 'conflict' });
    expect(decide(update({ capacity: 2 }), state)[0].data).toMatchObject({ capacity: 2 });
  });

  it.each([0, 1.5, MAX_CAPACITY + 1])('refuses capacity %s', (capacity) => {
    spec.given(given(created())).when(update({ capacity })).thenRefuses('invalid-capacity');
  });

  it('re-checks times when they change: a start in the past, or an end before the start', () => {
    const state = given(created());
    spec
      .given(state)
      .when(update({ startsAt: '2029-06-01T00:00:00.000Z', endsAt: null }))
      .thenRefuses('starts-in-past');
    // moving the start after the existing end
    spec
      .given(state)
      .when(update({ startsAt: '2030-01-11T00:00:00.000Z' }))
      .thenRefuses('ends-before-start');
    spec
      .given(state)
      .when(update({ endsAt: '2030-01-10T17:00:00.000Z' }))
      .thenRefuses('ends-before-start');
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
      expect(
        spec
          .given(state)
          .when({ type: 'DeleteEvent', data: { actorId: ALICE } })
          .thenRefuses('not-organizer'),
      ).toMatchObject({ kind: 'forbidden' });
    }
  });

  it('refuses a missing event as not found', () => {
    expect(
      spec
        .given(given())
        .when({ type: 'DeleteEvent', data: { actorId: ALICE } })
        .thenRefuses('not-found'),
    ).toMatchObject({ kind: 'not-found' });
  });
});

describe('event decider: registration', () => {
  it('takes a seat and records the count after it, with the participant’s name for the attendee list', () => {
    const events = decide(register(), forParticipant(given(created()), ALICE));
    expect(events).toEqual([
      {
        type: 'ParticipantRegistered',
        data: { eventId: EVENT_ID, registrationId: `r-${ALICE}`, userId: ALICE, name: `Name of ${ALICE}`, registeredAt: NOW, registeredCount: 1 },
      },
    ]);
    const next = given(created(), ...events);
    expect(next.event).toMatchObject({ registeredCount: 1, version: 2 });
    expect(next.participant).toEqual({ userId: ALICE, registrationId: `r-${ALICE}` });
  });

  it('refuses a second active registration of the same user', () => {
    const state = forParticipant(given(created(), registered(ALICE, 'r-1', 1)), ALICE, 'r-1');
    expect(spec.given(state).when(register()).thenRefuses('already-registered')).toMatchObject({ kind: 'conflict' });
  });

  it('never goes above capacity', () => {
    const full = given(created(), registered('u-1', 'r-1', 1), registered('u-2', 'r-2', 2));
    expect(spec.given(forParticipant(full, ALICE)).when(register()).thenRefuses('event-full')).toMatchObject({ kind: 'conflict' });
  });

  it('refuses a deleted event', () => {
    spec
      .given(forParticipant(given(created(), deleted), ALICE))
      .when(register())
      .thenRefuses('event-deleted');
  });

  it.each([
    ['has started', '2030-01-10T19:00:00.000Z'],
    ['starts right now', LATER],
  ])('refuses an event that %s', (_label, now) => {
    spec
      .given(forParticipant(given(created()), ALICE))
      .when(register(ALICE, now))
      .thenRefuses('event-past');
  });

  it('refuses a missing event as not found', () => {
    expect(spec.given(forParticipant(given(), ALICE)).when(register()).thenRefuses('not-found')).toMatchObject({ kind: 'not-found' });
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
    expect(
      spec
        .given(forParticipant(given(created(), registered(ALICE, 'r-1', 1)), 'u-bob'))
        .when(cancel('u-bob'))
        .thenRefuses('not-registered'),
    ).toMatchObject({ kind: 'conflict' });
  });

  it('refuses after the event has started', () => {
    spec.given(withAlice()).when(cancel(ALICE, '2030-01-10T19:00:00.000Z')).thenRefuses('event-past');
  });

  it('refuses on a deleted event', () => {
    const state = forParticipant(given(created(), registered(ALICE, 'r-1', 1), deleted), ALICE, 'r-1');
    spec.given(state).when(cancel()).thenRefuses('event-deleted');
  });

  it('refuses a missing event as not found', () => {
    expect(
      spec
        .given(forParticipant(given(), ALICE, 'r-1'))
        .when(cancel())
        .thenRefuses('not-found'),
    ).toMatchObject({ kind: 'not-found' });
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

spec.itRaisesEveryDeclaredRefusal();
