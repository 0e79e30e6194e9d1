import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbFor, events, pool, registrations } from '@/db/client';
import { readStream } from '@/server/cqrs/event-store';
import { eventStreamId } from '@/server/events/domain/domain-events';
import { getEventDetails } from '@/server/events/queries/get-event-details';
import { anonymous, command, newUser, query, type Caller } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { createEvent } from './create-event';
import { deleteEvent } from './delete-event';
import { registerParticipant } from './register-participant';
import { updateEvent } from './update-event';

/** Idempotency-Key: the same key and body answer the first answer and write nothing new. */
let organizer: Caller;
beforeAll(async () => {
  organizer = await newUser(['organizer']);
});

const db = () => dbFor(pool());
const key = () => ({ 'idempotency-key': `key-${randomUUID()}` });
const newEventInput = () => ({ title: `Idem ${randomUUID()}`, startsAt: inDays(6), capacity: 5 });
const eventsTitled = (title: string) => db().select().from(events).where(eq(events.title, title));
const streamTypes = async (eventId: string) => (await readStream(db(), eventStreamId(eventId))).map((e) => e.type);

describe('Idempotency-Key on events commands', () => {
  it('create-event: a retry answers the first answer, marked as replayed, and creates nothing', async () => {
    const headers = key();
    const input = newEventInput();
    const first = await command(createEvent, organizer, input, headers);
    const retry = await command(createEvent, organizer, input, headers);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('x-consistency-token')).toBe(first.body.consistencyToken);
    expect(await eventsTitled(input.title)).toHaveLength(1);
    expect(await streamTypes(first.body.eventId)).toEqual(['EventCreated']);
  });

  it('treats the same body with other key order and spacing as the same request', async () => {
    const headers = key();
    const input = newEventInput();
    const first = await command(createEvent, organizer, input, headers);
    const reordered = JSON.stringify({ capacity: input.capacity, startsAt: input.startsAt, title: input.title }, null, 2);
    const retry = await command(createEvent, organizer, reordered, headers);
    expect(retry.body.eventId).toBe(first.body.eventId);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it('register-participant: a retry returns the same registration and takes no second seat', async () => {
    const { body: event } = await command(createEvent, organizer, newEventInput());
    const attendee = await newUser();
    const headers = key();
    const first = await command(registerParticipant, attendee, { eventId: event.eventId }, headers);
    const retry = await command(registerParticipant, attendee, { eventId: event.eventId }, headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201); // not 409 already-registered: it is the same request
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');

    expect(await streamTypes(event.eventId)).toEqual(['EventCreated', 'ParticipantRegistered']);
    expect(await db().select().from(registrations).where(eq(registrations.eventId, event.eventId))).toHaveLength(1);
    await projectAll();
    expect((await query(getEventDetails, anonymous, { eventId: event.eventId })).body).toMatchObject({ registeredCount: 1, seatsLeft: 4 });
  });

  it('refuses the same key with another body: 409 idempotency-key-reused, nothing written', async () => {
    const headers = key();
    const first = await command(createEvent, organizer, newEventInput(), headers);
    const otherInput = newEventInput();
    const reused = await command(createEvent, organizer, otherInput, headers);
    expect(first.status).toBe(201);
    expect(reused.status).toBe(409);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    expect(reused.body.code).toBe('idempotency-key-reused');
    expect(await eventsTitled(otherInput.title)).toHaveLength(0);
  });

  it('scopes keys per caller: another user with the same key gets their own answer', async () => {
    const { body: event } = await command(createEvent, organizer, newEventInput());
    const headers = key();
    const [alice, bob] = [await newUser(), await newUser()];
    const forAlice = await command(registerParticipant, alice, { eventId: event.eventId }, headers);
    const forBob = await command(registerParticipant, bob, { eventId: event.eventId }, headers);
    expect(forBob.status).toBe(201);
    expect(forBob.headers.get('idempotent-replayed')).toBeNull();
    expect(forBob.body.registrationId).not.toBe(forAlice.body.registrationId);
  });

  it('scopes keys per command: the same key on another command is a new request', async () => {
    const headers = key();
    const created = await command(createEvent, organizer, newEventInput(), headers);
    const updated = await command(updateEvent, organizer, { eventId: created.body.eventId, capacity: 9 }, headers);
    const deleted = await command(deleteEvent, organizer, { eventId: created.body.eventId }, headers);
    expect([updated.status, deleted.status]).toEqual([200, 200]);
    expect(await streamTypes(created.body.eventId)).toEqual(['EventCreated', 'EventUpdated', 'EventDeleted']);
  });
});
