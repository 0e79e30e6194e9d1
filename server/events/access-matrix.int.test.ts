import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, command, newUser, query, type ApiResponse, type Caller } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { cancelRegistration } from './commands/cancel-registration';
import { createEvent } from './commands/create-event';
import { deleteEvent } from './commands/delete-event';
import { registerParticipant } from './commands/register-participant';
import { updateEvent } from './commands/update-event';
import { getEventDetails } from './queries/get-event-details';
import { listMyRegistrations } from './queries/list-my-registrations';
import { listOrganizedEvents } from './queries/list-organized-events';
import { listUpcomingEvents } from './queries/list-upcoming-events';

/**
 * Every events command and query for every kind of caller. The event belongs to "organizer";
 * "other organizer" has the role but not the event. Each cell gets a fresh, projected event.
 */
const roles = ['anonymous', 'bad token', 'attendee', 'organizer', 'other organizer'] as const;
type Role = (typeof roles)[number];
const callers = {} as Record<Role, Caller>;

beforeAll(async () => {
  const [attendee, organizer, otherOrganizer] = await Promise.all([newUser(['attendee']), newUser(['organizer']), newUser(['organizer'])]);
  Object.assign(callers, {
    anonymous,
    'bad token': { actor: null, token: 'not-a-jwt' },
    attendee,
    organizer,
    'other organizer': otherOrganizer,
  });
});

type Call = (caller: Caller, eventId: string) => Promise<ApiResponse>;
const routes: { route: string; call: Call; expect: Record<Role, number> }[] = [
  {
    route: 'POST create-event',
    call: (c) => command(createEvent, c, { title: `Matrix ${randomUUID()}`, startsAt: inDays(3), capacity: 5 }),
    expect: { anonymous: 401, 'bad token': 401, attendee: 403, organizer: 201, 'other organizer': 201 },
  },
  {
    route: 'POST update-event',
    call: (c, eventId) => command(updateEvent, c, { eventId, title: 'Edited' }),
    expect: { anonymous: 401, 'bad token': 401, attendee: 403, organizer: 200, 'other organizer': 403 },
  },
  {
    route: 'POST delete-event',
    call: (c, eventId) => command(deleteEvent, c, { eventId }),
    expect: { anonymous: 401, 'bad token': 401, attendee: 403, organizer: 200, 'other organizer': 403 },
  },
  {
    route: 'POST register-participant',
    call: (c, eventId) => command(registerParticipant, c, { eventId }),
    expect: { anonymous: 401, 'bad token': 401, attendee: 201, organizer: 201, 'other organizer': 201 },
  },
  {
    route: 'POST cancel-registration (after registering)',
    call: async (c, eventId) => {
      await command(registerParticipant, c, { eventId });
      return command(cancelRegistration, c, { eventId });
    },
    expect: { anonymous: 401, 'bad token': 401, attendee: 200, organizer: 200, 'other organizer': 200 },
  },
  {
    route: 'GET {eventId}',
    call: (c, eventId) => query(getEventDetails, c, { eventId }),
    expect: { anonymous: 200, 'bad token': 401, attendee: 200, organizer: 200, 'other organizer': 200 },
  },
  {
    route: 'GET upcoming',
    call: (c) => query(listUpcomingEvents, c, { limit: '1' }),
    expect: { anonymous: 200, 'bad token': 401, attendee: 200, organizer: 200, 'other organizer': 200 },
  },
  {
    route: 'GET my-registrations',
    call: (c) => query(listMyRegistrations, c),
    expect: { anonymous: 401, 'bad token': 401, attendee: 200, organizer: 200, 'other organizer': 200 },
  },
  {
    route: 'GET organized',
    call: (c) => query(listOrganizedEvents, c),
    expect: { anonymous: 401, 'bad token': 401, attendee: 403, organizer: 200, 'other organizer': 200 },
  },
];

/** The same routes on an event id that does not exist: access is checked first, then existence. */
const unknownEvent: { route: string; call: Call; expect: Record<Role, number> }[] = [
  {
    route: 'POST update-event',
    call: (c) => command(updateEvent, c, { eventId: randomUUID(), title: 'x' }),
    expect: { anonymous: 401, 'bad token': 401, attendee: 403, organizer: 404, 'other organizer': 404 },
  },
  {
    route: 'POST delete-event',
    call: (c) => command(deleteEvent, c, { eventId: randomUUID() }),
    expect: { anonymous: 401, 'bad token': 401, attendee: 403, organizer: 404, 'other organizer': 404 },
  },
  {
    route: 'POST register-participant',
    call: (c) => command(registerParticipant, c, { eventId: randomUUID() }),
    expect: { anonymous: 401, 'bad token': 401, attendee: 404, organizer: 404, 'other organizer': 404 },
  },
  {
    route: 'POST cancel-registration',
    call: (c) => command(cancelRegistration, c, { eventId: randomUUID() }),
    expect: { anonymous: 401, 'bad token': 401, attendee: 404, organizer: 404, 'other organizer': 404 },
  },
  {
    route: 'GET {eventId}',
    call: (c) => query(getEventDetails, c, { eventId: randomUUID() }),
    expect: { anonymous: 404, 'bad token': 401, attendee: 404, organizer: 404, 'other organizer': 404 },
  },
];

const CODES: Record<number, string[]> = { 401: ['unauthenticated'], 403: ['forbidden', 'not-organizer'], 404: ['not-found'] };

function expectAnswer(res: ApiResponse, status: number, role: Role, route: string) {
  expect(res.status, `${role} → ${route}`).toBe(status);
  if (status >= 400) {
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(CODES[status]).toContain(res.body.code);
    // the role check says "forbidden"; only a caller with the role meets the ownership rule
    if (status === 403) expect(res.body.code).toBe(role === 'attendee' ? 'forbidden' : 'not-organizer');
  }
}

const cells = (table: typeof routes) => table.flatMap(({ route, call, expect: byRole }) => roles.map((role) => ({ route, role, call, status: byRole[role] })));

describe('events access matrix', () => {
  // one projected event per cell: a delete or an edit in one cell must not change the next one
  const freshEvent = async () => {
    const res = await command(createEvent, callers.organizer, { title: `Matrix ${randomUUID()}`, startsAt: inDays(3), capacity: 5 });
    await projectAll();
    return res.body.eventId as string;
  };

  it.each(cells(routes))('$role → $route: $status', async ({ role, route, call, status }) => {
    expectAnswer(await call(callers[role], await freshEvent()), status, role, route);
  });

  it.each(cells(unknownEvent))('$role → $route on an unknown event: $status', async ({ role, route, call, status }) => {
    expectAnswer(await call(callers[role], ''), status, role, route);
  });
});
