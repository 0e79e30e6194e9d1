import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbFor, events, pool } from '@/db/client';
import { readStream } from '@/server/cqrs/event-store';
import { eventStreamId } from '@/server/events/domain/domain-events';
import { getEventDetails } from '@/server/events/queries/get-event-details';
import { listOrganizedEvents } from '@/server/events/queries/list-organized-events';
import { listUpcomingEvents } from '@/server/events/queries/list-upcoming-events';
import { anonymous, command, query, newUser, type Member } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { createEvent } from './create-event';

let organizer: Member;
beforeAll(async () => {
  organizer = await newUser(['organizer'], 'Olga Organizer');
});

const uniqueTitle = () => `Create ${randomUUID()}`;

describe('create-event', () => {
  it('answers 201 with the id, version 1 and a consistency token', async () => {
    const res = await command(createEvent, organizer, { title: uniqueTitle(), startsAt: inDays(10), capacity: 5 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ eventId: expect.any(String), version: 1, consistencyToken: expect.stringMatching(/^\d+\.\d+$/) });
    expect(res.headers.get('x-consistency-token')).toBe(res.body.consistencyToken);
  });

  it('writes the row and one EventCreated with the caller in its metadata', async () => {
    const title = uniqueTitle();
    const { body } = await command(createEvent, organizer, { title, startsAt: inDays(10), capacity: 5 });
    const [row] = await dbFor(pool()).select().from(events).where(eq(events.id, body.eventId));
    expect(row).toMatchObject({ title, organizerId: organizer.actor.userId, capacity: 5, registeredCount: 0, status: 'scheduled', version: 1 });
    const stream = await readStream(dbFor(pool()), eventStreamId(body.eventId));
    expect(stream.map((e) => [e.type, e.streamVersion])).toEqual([['EventCreated', 1]]);
    expect(stream[0].metadata).toMatchObject({ actorId: organizer.actor.userId, command: 'events/create-event' });
  });

  it('is projected into details, upcoming and the organizer’s list', async () => {
    const title = uniqueTitle();
    const startsAt = inDays(12);
    const input = { title: `  ${title}  `, description: 'Long talk', venue: 'Hall 7', startsAt, endsAt: inDays(12, 14), capacity: 40 };
    const { body } = await command(createEvent, organizer, input);
    await projectAll();

    const details = await query(getEventDetails, anonymous, { eventId: body.eventId });
    expect(details.status).toBe(200);
    expect(details.body).toEqual({
      eventId: body.eventId,
      title, // trimmed
      description: 'Long talk',
      venue: 'Hall 7',
      startsAt,
      endsAt: inDays(12, 14),
      capacity: 40,
      registeredCount: 0,
      seatsLeft: 40,
      organizer: { userId: organizer.actor.userId, name: 'Olga Organizer' },
      status: 'scheduled',
      version: 1,
    });

    const upcoming = await query(listUpcomingEvents, anonymous, { q: title });
    expect(upcoming.body.items.map((e: { eventId: string }) => e.eventId)).toEqual([body.eventId]);
    const organized = await query(listOrganizedEvents, organizer);
    expect(organized.body.items.map((e: { eventId: string }) => e.eventId)).toContain(body.eventId);
  });

  it('normalizes times with an offset to UTC and defaults description, venue and end', async () => {
    const { body } = await command(createEvent, organizer, { title: uniqueTitle(), startsAt: '2099-05-01T20:00:00+02:00', capacity: 1 });
    await projectAll();
    const { body: details } = await query(getEventDetails, anonymous, { eventId: body.eventId });
    expect(details).toMatchObject({ startsAt: '2099-05-01T18:00:00.000Z', endsAt: null, description: '', venue: '' });
  });

  it.each([
    ['a 200-character title', { title: 'x'.repeat(200) }],
    ['a 5000-character description', { description: 'd'.repeat(5000) }],
    ['capacity 1', { capacity: 1 }],
    ['capacity 100000', { capacity: 100_000 }],
  ])('accepts the boundary: %s', async (_label, overrides) => {
    const res = await command(createEvent, organizer, { title: uniqueTitle(), startsAt: inDays(3), capacity: 10, ...overrides });
    expect(res.status).toBe(201);
  });
});
