import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbFor, pool } from '@/db/client';
import { readStream } from '@/server/cqrs/event-store';
import { eventStreamId } from '@/server/events/domain/domain-events';
import { getEventDetails } from '@/server/events/queries/get-event-details';
import { listMyRegistrations } from '@/server/events/queries/list-my-registrations';
import { listOrganizedEvents } from '@/server/events/queries/list-organized-events';
import { listUpcomingEvents } from '@/server/events/queries/list-upcoming-events';
import { anonymous, command, newUser, query, type Caller, expectRefusal } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { cancelRegistration } from './cancel-registration';
import { createEvent } from './create-event';
import { deleteEvent } from './delete-event';
import { registerParticipant } from './register-participant';

let organizer: Caller;
let otherOrganizer: Caller;
beforeAll(async () => {
  [organizer, otherOrganizer] = await Promise.all([newUser(['organizer']), newUser(['organizer'])]);
});

async function newEvent() {
  const title = `Delete ${randomUUID()}`;
  const res = await command(createEvent, organizer, { title, startsAt: inDays(15), capacity: 5 });
  expect(res.status).toBe(201);
  return { eventId: res.body.eventId as string, title };
}
const remove = (eventId: string, caller = organizer) => command(deleteEvent, caller, { eventId });
const typesOf = async (eventId: string) => (await readStream(dbFor(pool()), eventStreamId(eventId))).map((e) => e.type);
const myStatus = async (caller: Caller, eventId: string) =>
  (await query(listMyRegistrations, caller)).body.items.find((r: { eventId: string }) => r.eventId === eventId)?.status;

describe('delete-event', () => {
  it('marks the event deleted, drops it from upcoming, keeps it for its organizer', async () => {
    const { eventId, title } = await newEvent();
    const res = await remove(eventId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ eventId, version: 2, consistencyToken: expect.stringMatching(/^\d+\.\d+$/) });

    await projectAll();
    const details = await query(getEventDetails, anonymous, { eventId });
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ status: 'deleted', version: 2 });
    expect((await query(listUpcomingEvents, anonymous, { q: title })).body.items).toEqual([]);
    const organized = await query(listOrganizedEvents, organizer);
    expect(organized.body.items).toContainEqual(expect.objectContaining({ eventId, status: 'deleted' }));
  });

  it('shows active registrations as event-deleted and leaves cancelled ones cancelled', async () => {
    const { eventId } = await newEvent();
    const [stays, left] = [await newUser(), await newUser()];
    await command(registerParticipant, stays, { eventId });
    await command(registerParticipant, left, { eventId });
    await command(cancelRegistration, left, { eventId });
    await remove(eventId);
    await projectAll();
    expect(await myStatus(stays, eventId)).toBe('event-deleted');
    expect(await myStatus(left, eventId)).toBe('cancelled');
  });

  it('is harmless the second time: 200, no new event, no consistency token', async () => {
    const { eventId } = await newEvent();
    await remove(eventId);
    const again = await remove(eventId);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ eventId, version: 2, consistencyToken: null });
    expect(again.headers.get('x-consistency-token')).toBeNull();
    expect(await typesOf(eventId)).toEqual(['EventCreated', 'EventDeleted']);
  });

  it('refuses another organizer with 403 not-organizer and writes nothing', async () => {
    const { eventId } = await newEvent();
    expectRefusal(await remove(eventId, otherOrganizer), 403, 'not-organizer');
    expect(await typesOf(eventId)).toEqual(['EventCreated']);
  });

  it('refuses an attendee with 403, an anonymous caller with 401, an unknown event with 404', async () => {
    const { eventId } = await newEvent();
    expectRefusal(await remove(eventId, await newUser(['attendee'])), 403, 'forbidden');
    expectRefusal(await remove(eventId, anonymous), 401, 'unauthenticated');
    expectRefusal(await remove(randomUUID()), 404, 'not-found');
    expect(await typesOf(eventId)).toEqual(['EventCreated']);
  });
});
