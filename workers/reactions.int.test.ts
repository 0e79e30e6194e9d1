import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pool } from '@/db/client';
import { loadActor } from '@/server/auth/authenticate';
import { catchUpReactor } from '@/server/cqrs/catch-up-reactor';
import { issue, type Reactor } from '@/server/cqrs/reactor';
import type { EventCreated } from '@/server/events/domain/event-types';
import { createEvent } from '@/server/events/commands/create-event';
import { createPost } from '@/server/social/commands/create-post';
import { followUser } from '@/server/social/commands/follow-user';
import { ANNOUNCE, announceEventsReactor } from '@/server/testing/announce-events-reactor';
import { command, newUser } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';

/** A fresh copy of the test reactor: its own checkpoint, so each test starts from the log's beginning. */
const freshAnnouncer = (): Reactor<EventCreated> => ({ ...announceEventsReactor, name: `testing.announce-${randomUUID()}` });

async function announcedEvent(organizer: Awaited<ReturnType<typeof newUser>>, title = `${ANNOUNCE} ${randomUUID()}`) {
  const res = await command(createEvent, organizer, { title, startsAt: inDays(9), capacity: 5 });
  expect(res.status).toBe(201);
  return res.body.eventId as string;
}

const postsAbout = async (eventId: string) =>
  (await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM posts WHERE text LIKE '%' || $1 || '%'`, [eventId])).rows[0].n;

const checkpointOf = async (reactor: Reactor) =>
  (await pool().query<{ transaction_id: number; position: number }>('SELECT transaction_id, position FROM reactor_checkpoints WHERE name = $1', [reactor.name]))
    .rows[0];

describe('the reactor runtime', () => {
  it('issues a reaction once, through redelivery and a lost checkpoint', async () => {
    const reactor = freshAnnouncer();
    const organizer = await newUser(['organizer']);
    const eventId = await announcedEvent(organizer);

    const first = await catchUpReactor(reactor);
    expect(first).toMatchObject({ ran: true, refused: 0 });
    expect(first.applied).toBeGreaterThanOrEqual(1);
    expect(await postsAbout(eventId)).toBe(1);
    const [post] = (await pool().query('SELECT author_id, tags FROM posts WHERE text LIKE $1', [`%${eventId}%`])).rows;
    expect(post).toEqual({ author_id: organizer.actor!.userId, tags: ['events'] });

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
    const reactor = freshAnnouncer();
    const organizer = await newUser(['organizer']);
    const eventIds = await Promise.all(Array.from({ length: 5 }, () => announcedEvent(organizer)));
    const passes = await Promise.all(Array.from({ length: 4 }, () => catchUpReactor(reactor)));
    await catchUpReactor(reactor);
    expect(passes.some((p) => p.ran)).toBe(true);
    for (const id of eventIds) expect(await postsAbout(id)).toBe(1);
  });

  it('moves on past a refused command, keeping the reaction’s other commands and undoing the refused one', async () => {
    const marker = `[refusal] ${randomUUID()}`;
    const reactor: Reactor<EventCreated> = {
      name: `testing.refusal-${randomUUID()}`,
      handles: ['EventCreated'],
      async react(event) {
        if (event.data.title !== marker) return [];
        const organizer = await loadActor(event.data.organizer.userId);
        return [issue(followUser, { userId: organizer.userId }, organizer), issue(createPost, { text: `after the refusal ${event.data.eventId}` }, organizer)];
      },
    };
    const organizer = await newUser(['organizer']);
    const eventId = await announcedEvent(organizer, marker);
    const pass = await catchUpReactor(reactor);
    expect(pass).toMatchObject({ ran: true, refused: 1 });
    expect(await postsAbout(eventId)).toBe(1);
    const follows = await pool().query(`SELECT 1 FROM domain_events WHERE type = 'UserFollowed' AND metadata->>'idempotencyKey' LIKE $1`, [
      `${reactor.name}@%`,
    ]);
    expect(follows.rows).toHaveLength(0);
    expect(await checkpointOf(reactor)).toMatchObject({ position: pass.checkpoint.position });
  });

  it('stops at an event whose reaction fails, and starts there again', async () => {
    let failing = true;
    const marker = `[fails] ${randomUUID()}`;
    const reactor: Reactor<EventCreated> = {
      name: `testing.fails-${randomUUID()}`,
      handles: ['EventCreated'],
      async react(event) {
        if (event.data.title !== marker) return [];
        if (failing) throw new Error('reaction broke');
        return [];
      },
    };
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
