import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pool } from '@/db/client';
import { loadActor } from '@/server/auth/authenticate';
import { catchUpReactor } from '@/server/cqrs/catch-up-reactor';
import { issue, type Reactor } from '@/server/cqrs/reactor';
import type { EventCreated } from '@/server/events/domain/domain-events';
import { createEvent } from '@/server/events/commands/create-event';
import { createPost } from '@/server/social/commands/create-post';
import { followUser } from '@/server/social/commands/follow-user';
import { announceEvents } from '@/server/testing/announce-events-reactor';
import { command, newUser } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';

/** A fresh announcer: its own checkpoint and its own title prefix, so each test starts from the log's beginning alone. */
function freshAnnouncer() {
  const id = randomUUID();
  return { reactor: announceEvents(`testing.announce-${id}`, `[${id}]`), title: () => `[${id}] ${randomUUID()}` };
}

async function announcedEvent(organizer: Awaited<ReturnType<typeof newUser>>, title: string) {
  const res = await command(createEvent, organizer, { title, startsAt: inDays(9), capacity: 5 });
  expect(res.status).toBe(201);
  return res.body.eventId as string;
}

/** A one-off reactor for the event titled `marker` only. */
const markedReactor = (marker: string, react: Reactor<EventCreated>['react']): Reactor<EventCreated> => ({
  name: `testing.marked-${randomUUID()}`,
  handles: ['EventCreated'],
  react: async (event) => (event.data.title === marker ? react(event) : []),
});

const postsAbout = async (eventId: string) =>
  (await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM posts WHERE text LIKE '%' || $1 || '%'`, [eventId])).rows[0].n;

const checkpointOf = async (reactor: Reactor) =>
  (await pool().query<{ transaction_id: number; position: number }>('SELECT transaction_id, position FROM reactor_checkpoints WHERE name = $1', [reactor.name]))
    .rows[0];

describe('the reactor runtime', () => {
  it('issues a reaction once, through redelivery and a lost checkpoint', async () => {
    const { reactor, title } = freshAnnouncer();
    const organizer = await newUser(['organizer']);
    const eventId = await announcedEvent(organizer, title());

    const first = await catchUpReactor(reactor);
    expect(first).toMatchObject({ ran: true, refused: 0 });
    expect(first.applied).toBeGreaterThanOrEqual(1);
    expect(await postsAbout(eventId)).toBe(1);
    const [post] = (await pool().query('SELECT author_id, tags FROM posts WHERE text LIKE $1', [`%${eventId}%`])).rows;
    expect(post).toEqual({ author_id: organizer.actor.userId, tags: ['events'] });

    // Redelivery: the same job again finds the checkpoint past the event and does nothing.
    expect(await catchUpReactor(reactor)).toMatchObject({ ran: true, applied: 0 });
    expect(await postsAbout(eventId)).toBe(1);

    // A lost checkpoint: the reactor reacts to every event again, and each command is answered from its idempotency record.
    await pool().query('DELETE FROM reactor_checkpoints WHERE name = $1', [reactor.name]);
    const replay = await catchUpReactor(reactor);
    expect(replay.applied).toBe(first.applied);
    expect(await postsAbout(eventId)).toBe(1);
  });

  it('gives each event to one of several runners racing for it', async () => {
    const { reactor, title } = freshAnnouncer();
    const organizer = await newUser(['organizer']);
    const eventIds = await Promise.all(Array.from({ length: 5 }, () => announcedEvent(organizer, title())));
    const passes = await Promise.all(Array.from({ length: 4 }, () => catchUpReactor(reactor)));
    await catchUpReactor(reactor);
    expect(passes.some((p) => p.ran)).toBe(true);
    for (const id of eventIds) expect(await postsAbout(id)).toBe(1);
  });

  it('moves on past a refused command, keeping the reaction’s other commands', async () => {
    const marker = `[refusal] ${randomUUID()}`;
    const reactor = markedReactor(marker, async (event) => {
      const organizer = await loadActor(event.data.organizer.userId);
      return [issue(followUser, { userId: organizer.userId }, organizer), issue(createPost, { text: `after the refusal ${event.data.eventId}` }, organizer)];
    });
    const organizer = await newUser(['organizer']);
    const eventId = await announcedEvent(organizer, marker);
    const pass = await catchUpReactor(reactor);
    expect(pass).toMatchObject({ ran: true, refused: 1 });
    expect(await postsAbout(eventId)).toBe(1);
    // The post's answer is stored under its key; the refusal stores none, so a replay asks again.
    const answered = await pool().query<{ key: string }>('SELECT key FROM idempotency_keys WHERE key LIKE $1', [`${reactor.name}@%`]);
    expect(answered.rows.map((r) => r.key.split('#')[1])).toEqual(['1']);
    expect(await checkpointOf(reactor)).toMatchObject({ position: pass.checkpoint.position });
  });

  it('stops at an event whose reaction fails, and starts there again', async () => {
    let failing = true;
    const marker = `[fails] ${randomUUID()}`;
    const reactor = markedReactor(marker, async () => {
      if (failing) throw new Error('reaction broke');
      return [];
    });
    const organizer = await newUser(['organizer']);
    await announcedEvent(organizer, marker);
    await expect(catchUpReactor(reactor)).rejects.toThrow(/reaction broke/);
    const stuck = await checkpointOf(reactor);
    const [event] = (await pool().query<{ position: number }>(`SELECT position FROM domain_events WHERE data->>'title' = $1`, [marker])).rows;
    // The events before the failing one were passed and saved; the failing one was not.
    expect(stuck.position).toBeLessThan(event.position);
    expect(stuck.position).toBeGreaterThan(0);
    failing = false;
    const resumed = await catchUpReactor(reactor);
    expect(resumed.checkpoint.position).toBeGreaterThanOrEqual(event.position);
  });
});
