import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@/server/events/commands/create-event';
import { registerParticipant } from '@/server/events/commands/register-participant';
import { anonymous, command, newUser, query, type Member } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { getEventDetails } from './get-event-details';

let organizer: Member;
beforeAll(async () => {
  organizer = await newUser(['organizer'], 'Dora Details');
});

describe('event details', () => {
  it('answers anyone with capacity, registeredCount, seatsLeft, organizer and version', async () => {
    const { body: created } = await command(createEvent, organizer, { title: `Details ${randomUUID()}`, startsAt: inDays(5), capacity: 3 });
    for (const _ of [1, 2]) await command(registerParticipant, await newUser(), { eventId: created.eventId });
    await projectAll();
    const res = await query(getEventDetails, anonymous, { eventId: created.eventId });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({
      eventId: created.eventId,
      capacity: 3,
      registeredCount: 2,
      seatsLeft: 1,
      organizer: { userId: organizer.actor.userId, name: 'Dora Details' },
      version: 3,
    });
  });

  it.each([
    ['malformed', 'not-a-uuid', 400, 'invalid-request'],
    ['a UUID with a trailing character', `${randomUUID()}x`, 400, 'invalid-request'],
    ['unknown', randomUUID(), 404, 'not-found'],
  ])('answers a %s eventId with %i', async (_label, eventId, status, code) => {
    const res = await query(getEventDetails, anonymous, { eventId });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.code).toBe(code);
    if (status === 400) expect(res.body.errors).toEqual([expect.objectContaining({ path: 'eventId' })]);
  });
});
