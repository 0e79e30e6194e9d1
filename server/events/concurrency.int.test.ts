import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbFor, events, pool, registrations } from '@/db/client';
import { readStream } from '@/server/cqrs/event-store';
import { anonymous, command, newUser, query, type ApiResponse, type Caller } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { cancelRegistration } from './commands/cancel-registration';
import { createEvent } from './commands/create-event';
import { registerParticipant } from './commands/register-participant';
import { updateEvent } from './commands/update-event';
import { eventStreamId } from './domain/domain-events';
import { getEventDetails } from './queries/get-event-details';

/** The capacity and one-registration rules under simultaneous requests, and the read model after. */
let organizer: Caller;
beforeAll(async () => {
  organizer = await newUser(['organizer']);
});

const db = () => dbFor(pool());
async function newEvent(capacity: number) {
  const res = await command(createEvent, organizer, { title: `Rush ${randomUUID()}`, startsAt: inDays(4), capacity });
  expect(res.status).toBe(201);
  return res.body.eventId as string;
}
const users = (n: number) => Promise.all(Array.from({ length: n }, () => newUser()));
const register = (caller: Caller, eventId: string, headers?: Record<string, string>) => command(registerParticipant, caller, { eventId }, headers);
/** "201", "409 event-full", ...: one tally per distinct answer. */
const tally = (answers: ApiResponse[]) =>
  answers.reduce<Record<string, number>>((acc, a) => {
    const k = a.status < 300 ? String(a.status) : `${a.status} ${a.body.code}`;
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});
const activeRegistrations = async (eventId: string) =>
  Number(
    (
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(registrations)
        .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'registered')))
    )[0].n,
  );
const details = async (eventId: string) => (await query(getEventDetails, anonymous, { eventId })).body;

/** Write row, registrations table, stream and read model all agree on the count. */
async function expectConsistentCount(eventId: string, expected: number) {
  const [row] = await db().select().from(events).where(eq(events.id, eventId));
  expect(await activeRegistrations(eventId)).toBe(expected);
  expect(row.registeredCount).toBe(expected);
  await projectAll();
  const doc = await details(eventId);
  expect(doc.registeredCount).toBe(expected);
  expect(doc.seatsLeft).toBe(Math.max(0, doc.capacity - expected));
  expect(doc.version).toBe(row.version);
  const versions = (await readStream(db(), eventStreamId(eventId))).map((e) => e.streamVersion);
  expect(versions).toEqual(Array.from({ length: row.version }, (_, i) => i + 1)); // no gap, no fork
}

describe('concurrent registrations', () => {
  it('30 distinct users for 7 seats: exactly 7 accepted, 23 event-full, and the read model agrees', async () => {
    const eventId = await newEvent(7);
    const crowd = await users(30);
    const answers = await Promise.all(crowd.map((u) => register(u, eventId)));
    expect(tally(answers)).toEqual({ '201': 7, '409 event-full': 23 });
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.registrationId)).size).toBe(7);
    await expectConsistentCount(eventId, 7);
  });

  it('one user sending 10 simultaneous registrations gets exactly one seat', async () => {
    const eventId = await newEvent(5);
    const [attendee] = await users(1);
    const answers = await Promise.all(Array.from({ length: 10 }, () => register(attendee, eventId)));
    expect(tally(answers)).toEqual({ '201': 1, '409 already-registered': 9 });
    await expectConsistentCount(eventId, 1);
  });

  it('cancellations and registrations racing for the last seat never overbook', async () => {
    const eventId = await newEvent(1);
    const [holder, ...others] = await users(6);
    await register(holder, eventId);
    const [cancelled, ...answers] = await Promise.all([command(cancelRegistration, holder, { eventId }), ...others.map((u) => register(u, eventId))]);
    expect(cancelled.status).toBe(200);
    const accepted = answers.filter((a) => a.status === 201).length;
    expect(accepted).toBeLessThanOrEqual(1);
    expect(answers.every((a) => a.status === 201 || a.body.code === 'event-full')).toBe(true);
    await expectConsistentCount(eventId, accepted);
  });

  it('a capacity cut racing with registrations keeps registrations <= capacity', async () => {
    const eventId = await newEvent(10);
    const crowd = await users(8);
    const [cut, ...answers] = await Promise.all([command(updateEvent, organizer, { eventId, capacity: 4 }), ...crowd.map((u) => register(u, eventId))]);
    const accepted = answers.filter((a) => a.status === 201).length;
    if (cut.status === 200) expect(accepted).toBeLessThanOrEqual(4);
    else expect(cut.body.code).toBe('capacity-below-registrations');
    const [row] = await db().select().from(events).where(eq(events.id, eventId));
    expect(row.capacity).toBe(cut.status === 200 ? 4 : 10);
    await expectConsistentCount(eventId, accepted);
  });

  // A retry sent while the first request still runs must wait for and replay the first answer.
  it('the same Idempotency-Key sent 10 times at once answers the first answer 10 times', async () => {
    const eventId = await newEvent(5);
    const [attendee] = await users(1);
    const headers = { 'idempotency-key': `key-${randomUUID()}` };
    const answers = await Promise.all(Array.from({ length: 10 }, () => register(attendee, eventId, headers)));
    expect(tally(answers)).toEqual({ '201': 10 });
    expect(new Set(answers.map((a) => a.body.registrationId)).size).toBe(1);
  });
});
