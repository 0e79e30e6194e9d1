import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbFor, pool } from '@/db/client';
import { readStream } from '@/server/cqrs/event-store';
import { eventStreamId } from '@/server/events/domain/domain-events';
import { getEventDetails } from '@/server/events/queries/get-event-details';
import { listMyRegistrations } from '@/server/events/queries/list-my-registrations';
import { listUpcomingEvents } from '@/server/events/queries/list-upcoming-events';
import { anonymous, command, newUser, query, type Caller, expectRefusal } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { createEvent } from './create-event';
import { deleteEvent } from './delete-event';
import { registerParticipant } from './register-participant';
import { updateEvent } from './update-event';

let organizer: Caller;
let otherOrganizer: Caller;
beforeAll(async () => {
  [organizer, otherOrganizer] = await Promise.all([newUser(['organizer']), newUser(['organizer'])]);
});

const original = () => ({
  title: `Update ${randomUUID()}`,
  description: 'First draft',
  venue: 'Old hall',
  startsAt: inDays(20),
  endsAt: inDays(20, 12),
  capacity: 5,
});
async function newEvent() {
  const input = original();
  const res = await command(createEvent, organizer, input);
  expect(res.status).toBe(201);
  return { eventId: res.body.eventId as string, input };
}
const update = (eventId: string, changes: object, caller = organizer) => command(updateEvent, caller, { eventId, ...changes });
const details = async (eventId: string) => (await query(getEventDetails, anonymous, { eventId })).body;
const streamLength = async (eventId: string) => (await readStream(dbFor(pool()), eventStreamId(eventId))).length;

describe('update-event', () => {
  it('changes the details and the version; details, upcoming and registrations follow', async () => {
    const { eventId } = await newEvent();
    const attendee = await newUser();
    await command(registerParticipant, attendee, { eventId });
    const newTitle = `Renamed ${randomUUID()}`;
    const changes = { title: newTitle, description: 'Final', venue: 'New hall', startsAt: inDays(21), endsAt: inDays(21, 15), capacity: 8 };

    const res = await update(eventId, { ...changes, expectedVersion: 2 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ eventId, version: 3, consistencyToken: expect.stringMatching(/^\d+\.\d+$/) });

    await projectAll();
    expect(await details(eventId)).toMatchObject({ ...changes, registeredCount: 1, seatsLeft: 7, version: 3, status: 'scheduled' });
    const upcoming = await query(listUpcomingEvents, anonymous, { q: newTitle });
    expect(upcoming.body.items).toEqual([expect.objectContaining({ eventId, title: newTitle, venue: 'New hall' })]);
    const mine = await query(listMyRegistrations, attendee);
    expect(mine.body.items).toEqual([expect.objectContaining({ eventId, title: newTitle, venue: 'New hall', startsAt: inDays(21), status: 'registered' })]);
  });

  it('keeps the fields it is not given, and endsAt: null removes the end', async () => {
    const { eventId, input } = await newEvent();
    expect((await update(eventId, { venue: 'Annex' })).status).toBe(200);
    expect((await update(eventId, { endsAt: null })).status).toBe(200);
    await projectAll();
    expect(await details(eventId)).toMatchObject({
      title: input.title,
      description: input.description,
      venue: 'Annex',
      startsAt: input.startsAt,
      endsAt: null,
      capacity: 5,
      version: 3,
    });
  });

  it('refuses a stale expectedVersion with version-conflict and writes nothing', async () => {
    const { eventId } = await newEvent();
    await update(eventId, { title: `First edit ${randomUUID()}`, expectedVersion: 1 });
    expectRefusal(await update(eventId, { title: 'Lost edit', expectedVersion: 1 }), 409, 'version-conflict');
    expect(await streamLength(eventId)).toBe(2);
    await projectAll();
    expect(await details(eventId)).toMatchObject({ version: 2, title: expect.stringMatching(/^First edit/) });
  });

  it('never drops capacity below the registrations: below is refused, equal is accepted', async () => {
    const { eventId } = await newEvent();
    for (const _ of [1, 2, 3]) await command(registerParticipant, await newUser(), { eventId });
    expectRefusal(await update(eventId, { capacity: 2 }), 409, 'capacity-below-registrations');
    expect((await update(eventId, { capacity: 3 })).status).toBe(200);
    await projectAll();
    expect(await details(eventId)).toMatchObject({ capacity: 3, registeredCount: 3, seatsLeft: 0 });
  });

  it('refuses another organizer with 403 not-organizer and writes nothing', async () => {
    const { eventId, input } = await newEvent();
    expectRefusal(await update(eventId, { title: 'Hijacked' }, otherOrganizer), 403, 'not-organizer');
    expect(await streamLength(eventId)).toBe(1);
    await projectAll();
    expect((await details(eventId)).title).toBe(input.title);
  });

  it('refuses a deleted event with event-deleted', async () => {
    const { eventId } = await newEvent();
    await command(deleteEvent, organizer, { eventId });
    expectRefusal(await update(eventId, { title: 'Too late' }), 409, 'event-deleted');
  });

  it.each([
    ['a start in the past', { startsAt: '2020-01-01T00:00:00Z', endsAt: null }, 'starts-in-past'],
    ['an end before the start', { endsAt: inDays(19) }, 'ends-before-start'],
    ['a start after the existing end', { startsAt: inDays(22) }, 'ends-before-start'],
  ])('refuses %s', async (_label, changes, code) => {
    const { eventId } = await newEvent();
    expectRefusal(await update(eventId, changes), 409, code);
  });

  it('refuses an unknown event with 404', async () => {
    expectRefusal(await update(randomUUID(), { title: 'Ghost' }), 404, 'not-found');
  });
});
