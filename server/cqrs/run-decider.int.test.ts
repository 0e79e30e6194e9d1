import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbFor, events, pool, registrations } from '@/db/client';
import { cancelRegistration } from '@/server/events/commands/cancel-registration';
import { createEvent } from '@/server/events/commands/create-event';
import { registerParticipant } from '@/server/events/commands/register-participant';
import { eventStreamId } from '@/server/events/domain/domain-events';
import { newUser } from '@/server/testing/api';
import type { Clock } from './clock';
import type { CommandDefinition } from './define';
import { DomainError } from './errors';
import { readStream } from './event-store';
import { handleCommand } from './handle-command';
import type { Actor } from './types';

const db = () => dbFor(pool());

/** A clock stopped at `iso` whose ids count up from a prefix: every value the command uses is chosen here. */
function fixedClock(iso: string): Clock & { issued: string[] } {
  const issued: string[] = [];
  const prefix = crypto.randomUUID().slice(0, 24);
  return {
    issued,
    now: () => new Date(iso),
    newId: () => {
      const id = `${prefix}${String(issued.length).padStart(12, '0')}`;
      issued.push(id);
      return id;
    },
  };
}

const run = <I, O>(definition: CommandDefinition<I, O>, actor: Actor, input: I, clock: Clock) =>
  handleCommand({ command: definition.name, input, actor, idempotencyKey: null, clock, handler: definition.handle });

let organizer: Actor;
let attendee: Actor;
beforeAll(async () => {
  [organizer, attendee] = (await Promise.all([newUser(['organizer']), newUser(['attendee'])])).map((c) => c.actor);
});

describe('the decider runner with an injected clock and id source', () => {
  it('decides with the command time, not the machine time, and stores that time and those ids', async () => {
    const clock = fixedClock('2040-03-01T09:00:00.000Z');
    // In 2026 this start is in the future; at the injected time it is in the past.
    const refused = run(createEvent, organizer, { title: 'Too late', startsAt: '2039-01-01T10:00:00Z', capacity: 3 }, clock);
    await expect(refused).rejects.toMatchObject({ code: 'starts-in-past' });

    const created = await run(createEvent, organizer, { title: 'On time', startsAt: '2040-04-01T10:00:00Z', capacity: 3 }, clock);
    const eventId = created.body.eventId;
    // The refused attempt took an id too: ids come only from the injected source.
    expect(clock.issued).toEqual([expect.any(String), eventId]);
    const [stored] = await readStream(db(), eventStreamId(eventId));
    expect(stored.occurredAt.toISOString()).toBe('2040-03-01T09:00:00.000Z');

    const registered = await run(registerParticipant, attendee, { eventId }, clock);
    expect(registered.body.registrationId).toBe(clock.issued.at(-1));
    const [row] = await db().select().from(registrations).where(eq(registrations.id, registered.body.registrationId));
    expect(row.registeredAt.toISOString()).toBe('2040-03-01T09:00:00.000Z');
  });

  it('a refusal writes nothing: no row, no event, no job', async () => {
    const clock = fixedClock('2040-03-01T09:00:00.000Z');
    const { body } = await run(createEvent, organizer, { title: 'Tiny', startsAt: '2040-05-01T10:00:00Z', capacity: 1 }, clock);
    await run(registerParticipant, organizer, { eventId: body.eventId }, clock);
    const jobs = async () => (await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pgboss.job`)).rows[0].n;
    const before = { jobs: await jobs(), events: (await readStream(db(), eventStreamId(body.eventId))).length };

    const full = run(registerParticipant, attendee, { eventId: body.eventId }, clock);
    await expect(full).rejects.toBeInstanceOf(DomainError);
    await expect(full).rejects.toMatchObject({ code: 'event-full', kind: 'conflict' });
    expect({ jobs: await jobs(), events: (await readStream(db(), eventStreamId(body.eventId))).length }).toEqual(before);
    const rows = await db().select().from(registrations).where(eq(registrations.eventId, body.eventId));
    expect(rows.map((r) => r.userId)).toEqual([organizer.userId]);
  });

  it('every row change comes from an event: the rows equal what the log says', async () => {
    const clock = fixedClock('2040-03-01T09:00:00.000Z');
    const { body } = await run(createEvent, organizer, { title: 'Ledger', startsAt: '2040-05-01T10:00:00Z', capacity: 5 }, clock);
    const { eventId } = body;
    await run(registerParticipant, attendee, { eventId }, clock);
    await run(cancelRegistration, attendee, { eventId }, fixedClock('2040-03-02T09:00:00.000Z'));
    await run(registerParticipant, attendee, { eventId }, fixedClock('2040-03-03T09:00:00.000Z'));

    const log = await readStream(db(), eventStreamId(eventId));
    expect(log.map((e) => e.type)).toEqual(['EventCreated', 'ParticipantRegistered', 'RegistrationCancelled', 'ParticipantRegistered']);
    const [event] = await db().select().from(events).where(eq(events.id, eventId));
    const last = log.at(-1)!.data as { registeredCount: number };
    expect({ count: event.registeredCount, version: event.version }).toEqual({ count: last.registeredCount, version: log.length });
    const rows = await db().select().from(registrations).where(eq(registrations.eventId, eventId)).orderBy(registrations.registeredAt);
    expect(rows.map((r) => [r.status, r.registeredAt.toISOString(), r.cancelledAt?.toISOString() ?? null])).toEqual([
      ['cancelled', '2040-03-01T09:00:00.000Z', '2040-03-02T09:00:00.000Z'],
      ['registered', '2040-03-03T09:00:00.000Z', null],
    ]);
  });
});
