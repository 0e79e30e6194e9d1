import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { cancelRegistration } from '@/server/events/commands/cancel-registration';
import { createEvent } from '@/server/events/commands/create-event';
import { deleteEvent } from '@/server/events/commands/delete-event';
import { registerParticipant } from '@/server/events/commands/register-participant';
import { anonymous, command, newUser, query, type Caller } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { listMyRegistrations } from './list-my-registrations';

let organizer: Caller;
beforeAll(async () => {
  organizer = await newUser(['organizer']);
});

async function newEvent(day: number) {
  const title = `Mine ${randomUUID()}`;
  const res = await command(createEvent, organizer, { title, startsAt: inDays(day), capacity: 5 });
  return { eventId: res.body.eventId as string, title };
}
const register = (caller: Caller, eventId: string) => command(registerParticipant, caller, { eventId });

describe('my registrations', () => {
  it('lists only the caller’s registrations, soonest first, with their status', async () => {
    const [me, someoneElse] = [await newUser(), await newUser()];
    const later = await newEvent(25);
    const soon = await newEvent(3);
    const middle = await newEvent(10);
    const notMine = await newEvent(4);
    for (const e of [later, soon, middle]) await register(me, e.eventId);
    await register(someoneElse, notMine.eventId);
    await command(cancelRegistration, me, { eventId: soon.eventId });
    await command(deleteEvent, organizer, { eventId: middle.eventId });
    await projectAll();

    const res = await query(listMyRegistrations, me);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { eventId: string; title: string; status: string }) => [r.title, r.status])).toEqual([
      [soon.title, 'cancelled'],
      [middle.title, 'event-deleted'],
      [later.title, 'registered'],
    ]);
    expect(res.body.items[0]).toEqual({
      eventId: soon.eventId,
      title: soon.title,
      venue: '',
      startsAt: inDays(3),
      status: 'cancelled',
      registeredAt: expect.any(String),
    });
  });

  it('is empty for a user without registrations and 401 without a caller', async () => {
    expect((await query(listMyRegistrations, await newUser())).body).toEqual({ items: [] });
    const res = await query(listMyRegistrations, anonymous);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
  });
});
