import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbFor, events, pool, registrations } from '@/db/client';
import { getEventDetails } from '@/server/events/queries/get-event-details';
import { listMyRegistrations } from '@/server/events/queries/list-my-registrations';
import { anonymous, command, newUser, query, type Caller, expectRefusal } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { cancelRegistration } from './cancel-registration';
import { createEvent } from './create-event';
import { deleteEvent } from './delete-event';
import { registerParticipant } from './register-participant';

let organizer: Caller;
beforeAll(async () => {
  organizer = await newUser(['organizer']);
});

async function newEvent(capacity = 5) {
  const res = await command(createEvent, organizer, { title: `Cancel ${randomUUID()}`, startsAt: inDays(9), capacity });
  expect(res.status).toBe(201);
  return res.body.eventId as string;
}
const register = (caller: Caller, eventId: string) => command(registerParticipant, caller, { eventId });
const cancel = (caller: Caller, eventId: string) => command(cancelRegistration, caller, { eventId });
const details = async (eventId: string) => (await query(getEventDetails, anonymous, { eventId })).body;
const myStatuses = async (caller: Caller, eventId: string) =>
  (await query(listMyRegistrations, caller)).body.items.filter((r: { eventId: string }) => r.eventId === eventId).map((r: { status: string }) => r.status);
const rowsOf = (eventId: string) => dbFor(pool()).select().from(registrations).where(eq(registrations.eventId, eventId));

describe('cancel-registration', () => {
  it('frees the seat: 200, the row is cancelled, the read models show it', async () => {
    const eventId = await newEvent(3);
    const attendee = await newUser();
    const { body: registered } = await register(attendee, eventId);
    const res = await cancel(attendee, eventId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ eventId, consistencyToken: expect.stringMatching(/^\d+\.\d+$/) });
    const [row] = await rowsOf(eventId);
    expect(row).toMatchObject({ id: registered.registrationId, status: 'cancelled', cancelledAt: expect.any(Date) });

    await projectAll();
    expect(await details(eventId)).toMatchObject({ registeredCount: 0, seatsLeft: 3, version: 3 });
    expect(await myStatuses(attendee, eventId)).toEqual(['cancelled']);
  });

  it('gives the freed seat of a full event to someone else', async () => {
    const eventId = await newEvent(1);
    const [first, second] = [await newUser(), await newUser()];
    await register(first, eventId);
    expectRefusal(await register(second, eventId), 409, 'event-full');
    await cancel(first, eventId);
    expect((await register(second, eventId)).status).toBe(201);
    await projectAll();
    expect(await details(eventId)).toMatchObject({ registeredCount: 1, seatsLeft: 0 });
  });

  it('lets the same user register again after cancelling, with a new registration', async () => {
    const eventId = await newEvent();
    const attendee = await newUser();
    const firstRegistration = (await register(attendee, eventId)).body.registrationId;
    await cancel(attendee, eventId);
    const again = await register(attendee, eventId);
    expect(again.status).toBe(201);
    expect(again.body.registrationId).not.toBe(firstRegistration);
    expect((await rowsOf(eventId)).map((r) => r.status).sort()).toEqual(['cancelled', 'registered']);

    await projectAll();
    expect(await details(eventId)).toMatchObject({ registeredCount: 1, version: 4 });
    expect(await myStatuses(attendee, eventId)).toEqual(['registered']);
  });

  it('refuses a caller without a registration, and a second cancellation, with not-registered', async () => {
    const eventId = await newEvent();
    const attendee = await newUser();
    expectRefusal(await cancel(attendee, eventId), 409, 'not-registered');
    await register(attendee, eventId);
    expect((await cancel(attendee, eventId)).status).toBe(200);
    expectRefusal(await cancel(attendee, eventId), 409, 'not-registered');
  });

  it('only cancels the caller’s own registration', async () => {
    const eventId = await newEvent();
    const [holder, other] = [await newUser(), await newUser()];
    await register(holder, eventId);
    expectRefusal(await cancel(other, eventId), 409, 'not-registered');
    expect((await rowsOf(eventId)).map((r) => r.status)).toEqual(['registered']);
  });

  it('refuses on a deleted event (event-deleted) and after the start (event-past)', async () => {
    const attendee = await newUser();
    const deletedId = await newEvent();
    await register(attendee, deletedId);
    await command(deleteEvent, organizer, { eventId: deletedId });
    expectRefusal(await cancel(attendee, deletedId), 409, 'event-deleted');

    const startedId = await newEvent();
    await register(attendee, startedId);
    await dbFor(pool())
      .update(events)
      .set({ startsAt: new Date(Date.now() - 60_000) })
      .where(eq(events.id, startedId));
    expectRefusal(await cancel(attendee, startedId), 409, 'event-past');
  });

  it('refuses an unknown event with 404 and an anonymous caller with 401', async () => {
    expectRefusal(await cancel(await newUser(), randomUUID()), 404, 'not-found');
    expectRefusal(await cancel(anonymous, await newEvent()), 401, 'unauthenticated');
  });
});
