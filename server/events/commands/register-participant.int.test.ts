import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbFor, events, pool, registrations } from '@/db/client';
import { getEventDetails } from '@/server/events/queries/get-event-details';
import { listMyRegistrations } from '@/server/events/queries/list-my-registrations';
import { anonymous, command, newUser, query, type Caller, expectRefusal } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { createEvent } from './create-event';
import { deleteEvent } from './delete-event';
import { registerParticipant } from './register-participant';

let organizer: Caller;
beforeAll(async () => {
  organizer = await newUser(['organizer']);
});

async function newEvent(capacity = 5) {
  const title = `Register ${randomUUID()}`;
  const res = await command(createEvent, organizer, { title, venue: 'Room 2', startsAt: inDays(8), capacity });
  expect(res.status).toBe(201);
  return { eventId: res.body.eventId as string, title };
}
const register = (caller: Caller, eventId: string) => command(registerParticipant, caller, { eventId });
const details = async (eventId: string) => (await query(getEventDetails, anonymous, { eventId })).body;
const activeRows = (eventId: string) =>
  dbFor(pool())
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'registered')));

describe('register-participant', () => {
  it('takes a seat: 201, one registration row, and the read models show it', async () => {
    const { eventId, title } = await newEvent(5);
    const attendee = await newUser(['attendee']);
    const res = await register(attendee, eventId);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ registrationId: expect.any(String), consistencyToken: expect.stringMatching(/^\d+\.\d+$/) });
    expect(await activeRows(eventId)).toEqual([expect.objectContaining({ id: res.body.registrationId, userId: attendee.actor.userId })]);

    await projectAll();
    expect(await details(eventId)).toMatchObject({ capacity: 5, registeredCount: 1, seatsLeft: 4, version: 2 });
    const mine = await query(listMyRegistrations, attendee);
    expect(mine.body.items).toEqual([{ eventId, title, venue: 'Room 2', startsAt: inDays(8), status: 'registered', registeredAt: expect.any(String) }]);
    expect(Math.abs(Date.parse(mine.body.items[0].registeredAt) - Date.now())).toBeLessThan(60_000);
  });

  it('refuses a second registration of the same user with already-registered', async () => {
    const { eventId } = await newEvent();
    const attendee = await newUser();
    await register(attendee, eventId);
    expectRefusal(await register(attendee, eventId), 409, 'already-registered');
    expect(await activeRows(eventId)).toHaveLength(1);
  });

  it('refuses when no seat is left with event-full, and the count stays at capacity', async () => {
    const { eventId } = await newEvent(2);
    for (const _ of [1, 2]) expect((await register(await newUser(), eventId)).status).toBe(201);
    expectRefusal(await register(await newUser(), eventId), 409, 'event-full');
    await projectAll();
    expect(await details(eventId)).toMatchObject({ capacity: 2, registeredCount: 2, seatsLeft: 0 });
  });

  it('refuses a deleted event with event-deleted', async () => {
    const { eventId } = await newEvent();
    await command(deleteEvent, organizer, { eventId });
    expectRefusal(await register(await newUser(), eventId), 409, 'event-deleted');
    expect(await activeRows(eventId)).toHaveLength(0);
  });

  it('refuses an event that has started with event-past', async () => {
    const { eventId } = await newEvent();
    // The API cannot create a past event; time passes by moving the start in the write model.
    await dbFor(pool())
      .update(events)
      .set({ startsAt: new Date(Date.now() - 60_000) })
      .where(eq(events.id, eventId));
    expectRefusal(await register(await newUser(), eventId), 409, 'event-past');
  });

  it('refuses an unknown event with 404 and an anonymous caller with 401', async () => {
    expectRefusal(await register(await newUser(), randomUUID()), 404, 'not-found');
    const { eventId } = await newEvent();
    expectRefusal(await register(anonymous, eventId), 401, 'unauthenticated');
  });
});
