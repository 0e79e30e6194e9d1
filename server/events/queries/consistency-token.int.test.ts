import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '@/server/env';
import { createEvent } from '@/server/events/commands/create-event';
import { registerParticipant } from '@/server/events/commands/register-participant';
import { updateEvent } from '@/server/events/commands/update-event';
import { anonymous, command, newUser, query, type Caller } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { getEventDetails } from './get-event-details';
import { listMyRegistrations } from './list-my-registrations';

/**
 * Read-your-own-writes: a query carrying a command's consistency token waits (bounded) for the
 * projection and says whether its answer is fresh. No worker runs here: only projectAll() projects.
 */
const WAIT_MS = 300;
const defaultWait = env.CONSISTENCY_WAIT_MS;
let organizer: Caller;
beforeAll(async () => {
  // env is parsed at import; the query route reads this field on every request.
  env.CONSISTENCY_WAIT_MS = WAIT_MS;
  organizer = await newUser(['organizer']);
});
afterAll(() => {
  env.CONSISTENCY_WAIT_MS = defaultWait;
});

async function projectedEvent() {
  const res = await command(createEvent, organizer, { title: `Token ${randomUUID()}`, startsAt: inDays(5), capacity: 4 });
  await projectAll();
  return res.body.eventId as string;
}
async function timed<T>(work: () => Promise<T>) {
  const start = Date.now();
  const result = await work();
  return { result, ms: Date.now() - start };
}
const withToken = (token: string) => ({ 'x-consistency-token': token });

describe('consistency token', () => {
  it('comes with every command answer, in the body and the X-Consistency-Token header', async () => {
    const eventId = await projectedEvent();
    const res = await command(updateEvent, organizer, { eventId, capacity: 5 });
    expect(res.body.consistencyToken).toMatch(/^\d+\.\d+$/);
    expect(res.headers.get('x-consistency-token')).toBe(res.body.consistencyToken);
  });

  it('makes a query wait, then answer stale before the projection ran and fresh after', async () => {
    const eventId = await projectedEvent();
    const newTitle = `Changed ${randomUUID()}`;
    const { body } = await command(updateEvent, organizer, { eventId, title: newTitle });

    const stale = await timed(() => query(getEventDetails, anonymous, { eventId }, withToken(body.consistencyToken)));
    expect(stale.result.status).toBe(200);
    expect(stale.result.headers.get('x-consistency')).toBe('stale');
    expect(stale.ms).toBeGreaterThanOrEqual(WAIT_MS - 20);
    expect(stale.result.body).toMatchObject({ version: 1 }); // the old data, honestly labelled
    expect(stale.result.body.title).not.toBe(newTitle);

    await projectAll();
    const fresh = await timed(() => query(getEventDetails, anonymous, { eventId }, withToken(body.consistencyToken)));
    expect(fresh.result.headers.get('x-consistency')).toBe('fresh');
    expect(fresh.ms).toBeLessThan(WAIT_MS);
    expect(fresh.result.body).toMatchObject({ title: newTitle, version: 2 });
  });

  it('reads the caller’s own registration once the projection has caught up', async () => {
    const eventId = await projectedEvent();
    const attendee = await newUser();
    const { body } = await command(registerParticipant, attendee, { eventId });
    const stale = await query(listMyRegistrations, attendee, {}, withToken(body.consistencyToken));
    expect(stale.headers.get('x-consistency')).toBe('stale');
    expect(stale.body.items).toEqual([]);

    await projectAll();
    const fresh = await query(listMyRegistrations, attendee, {}, withToken(body.consistencyToken));
    expect(fresh.headers.get('x-consistency')).toBe('fresh');
    expect(fresh.body.items).toEqual([expect.objectContaining({ eventId, status: 'registered' })]);
  });

  it('says nothing about consistency when no token is sent', async () => {
    const res = await query(getEventDetails, anonymous, { eventId: await projectedEvent() });
    expect(res.headers.get('x-consistency')).toBeNull();
  });

  it.each(['not-a-token', '12', '1.2.3', '-1.5', '1.x'])('refuses the malformed token %j with 400', async (token) => {
    const res = await query(getEventDetails, anonymous, { eventId: randomUUID() }, withToken(token));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.code).toBe('invalid-request');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'X-Consistency-Token' })]);
  });
});
