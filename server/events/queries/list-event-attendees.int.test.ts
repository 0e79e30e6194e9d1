import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handleCommand } from '@/server/cqrs/handle-command';
import { cancelRegistration } from '@/server/events/commands/cancel-registration';
import { createEvent } from '@/server/events/commands/create-event';
import { deleteEvent } from '@/server/events/commands/delete-event';
import { registerParticipant } from '@/server/events/commands/register-participant';
import { command, expectProblem, expectRefusal, invalidRequest, type Member, newUser, query } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { getRegistrationsByDay } from './get-registrations-by-day';
import { listEventAttendees } from './list-event-attendees';

interface Row {
  userId: string;
  name: string;
  status: string;
  registeredAt: string;
  cancelledAt: string | null;
}

/** Runs a command as `caller` at a given time: registrations on other days than today. */
const at = <I, O>(when: string, definition: typeof registerParticipant | typeof cancelRegistration, caller: Member, input: I) =>
  handleCommand({
    command: definition.name,
    input,
    actor: caller.actor,
    idempotencyKey: null,
    clock: { now: () => new Date(when), newId: randomUUID },
    handler: definition.handle as never,
  }) as Promise<O>;

async function eventWithAttendees() {
  const organizer = await newUser(['organizer']);
  const eventId = (await command(createEvent, organizer, { title: `Attendees ${randomUUID()}`, startsAt: inDays(10), capacity: 10 })).body.eventId as string;
  const [zoe, ada, bob] = await Promise.all([newUser(['attendee'], 'Zoe Zimmer'), newUser(['attendee'], 'ada Lee'), newUser(['attendee'], 'Bob Brown')]);
  const day = (d: number, h = 9) => {
    const t = new Date(Date.now() - d * 86_400_000);
    t.setUTCHours(h, 0, 0, 0);
    return t.toISOString();
  };
  await at(day(3), registerParticipant, zoe, { eventId });
  await at(day(3, 15), registerParticipant, ada, { eventId });
  await at(day(1), registerParticipant, bob, { eventId });
  await at(day(1, 10), cancelRegistration, zoe, { eventId });
  await projectAll();
  return { organizer, eventId, zoe, ada, bob, day };
}

describe('who registered (the organizer’s attendee list)', () => {
  it('lists names, times and status, oldest registration first by default, and pages with a cursor', async () => {
    const { organizer, eventId, zoe, ada, bob, day } = await eventWithAttendees();
    const all = await query(listEventAttendees, organizer, { eventId });
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items).toEqual([
      { userId: zoe.actor.userId, name: 'Zoe Zimmer', status: 'cancelled', registeredAt: day(3), cancelledAt: day(1, 10) },
      { userId: ada.actor.userId, name: 'ada Lee', status: 'registered', registeredAt: day(3, 15), cancelledAt: null },
      { userId: bob.actor.userId, name: 'Bob Brown', status: 'registered', registeredAt: day(1), cancelledAt: null },
    ]);
    expect(all.body.nextCursor).toBeNull();

    const first = await query(listEventAttendees, organizer, { eventId, limit: '2', sort: '-registeredAt' });
    expect(first.body.items.map((r: Row) => r.name)).toEqual(['Bob Brown', 'ada Lee']);
    const second = await query(listEventAttendees, organizer, { eventId, limit: '2', sort: '-registeredAt', cursor: first.body.nextCursor });
    expect(second.body.items.map((r: Row) => r.name)).toEqual(['Zoe Zimmer']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('sorts by name ignoring case and filters by status', async () => {
    const { organizer, eventId } = await eventWithAttendees();
    const byName = await query(listEventAttendees, organizer, { eventId, sort: 'name' });
    expect(byName.body.items.map((r: Row) => r.name)).toEqual(['ada Lee', 'Bob Brown', 'Zoe Zimmer']);
    const cancelled = await query(listEventAttendees, organizer, { eventId, status: 'cancelled' });
    expect(cancelled.body.items.map((r: Row) => r.name)).toEqual(['Zoe Zimmer']);
    expect(cancelled.body.total).toBe(1);
  });

  it('keeps the list after the event is deleted: standing registrations read event-deleted', async () => {
    const { organizer, eventId } = await eventWithAttendees();
    await command(deleteEvent, organizer, { eventId });
    await projectAll();
    const res = await query(listEventAttendees, organizer, { eventId, sort: 'name' });
    expect(res.body.items.map((r: Row) => [r.name, r.status])).toEqual([
      ['ada Lee', 'event-deleted'],
      ['Bob Brown', 'event-deleted'],
      ['Zoe Zimmer', 'cancelled'],
    ]);
  });

  it('answers 403 not-organizer to anyone else, 404 for an unknown event, 400 for a cursor of another sort', async () => {
    const { eventId, ada, organizer } = await eventWithAttendees();
    expectRefusal(await query(listEventAttendees, ada, { eventId }), 403, 'not-organizer');
    expectRefusal(await query(listEventAttendees, await newUser(['organizer']), { eventId }), 403, 'not-organizer');
    expectRefusal(await query(listEventAttendees, organizer, { eventId: randomUUID() }), 404, 'not-found');
    const page = await query(listEventAttendees, organizer, { eventId, limit: '1', sort: 'name' });
    expectProblem(await query(listEventAttendees, organizer, { eventId, cursor: page.body.nextCursor }), invalidRequest('cursor'));
    expectProblem(await query(listEventAttendees, organizer, { eventId, sort: 'age' }), invalidRequest('sort'));
  });
});

describe('registrations by day', () => {
  it('counts registrations and cancellations per day, quiet days as zeros', async () => {
    const { organizer, eventId, ada, day } = await eventWithAttendees();
    const res = await query(getRegistrationsByDay, organizer, { eventId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.registrationsByDay).toEqual([
      { day: day(3).slice(0, 10), registered: 2, cancelled: 0 },
      { day: day(2).slice(0, 10), registered: 0, cancelled: 0 },
      { day: day(1).slice(0, 10), registered: 1, cancelled: 1 },
    ]);
    expectRefusal(await query(getRegistrationsByDay, ada, { eventId }), 403, 'not-organizer');
  });

  it('is empty for an event nobody registered for', async () => {
    const organizer = await newUser(['organizer']);
    const eventId = (await command(createEvent, organizer, { title: `Quiet ${randomUUID()}`, startsAt: inDays(4), capacity: 3 })).body.eventId as string;
    await projectAll();
    expect((await query(getRegistrationsByDay, organizer, { eventId })).body).toEqual({ registrationsByDay: [] });
  });
});
