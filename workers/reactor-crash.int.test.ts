import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pool } from '@/db/client';
import { createEvent } from '@/server/events/commands/create-event';
import { ANNOUNCE, announceEventsReactor } from '@/server/testing/announce-events-reactor';
import { command, newUser } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { kill, startWorker, prepareTestingContextWorkers, waitUntil } from '@/server/testing/worker-process';

const EVENTS = 80;
prepareTestingContextWorkers();

/** Announcement posts per event of this organizer. */
async function announcements(organizerId: string): Promise<number[]> {
  const { rows } = await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM posts WHERE author_id = $1 GROUP BY text', [organizerId]);
  return rows.map((r) => r.n);
}

describe('a reactor in the worker process', () => {
  it('issues each command once when the worker is SIGKILLed in the middle of a batch', async () => {
    const organizer = await newUser(['organizer']);
    const organizerId = organizer.actor.userId;
    // A backlog, written while no worker runs, that the reactor takes in one batch.
    for (let i = 0; i < EVENTS; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          command(createEvent, organizer, { title: `${ANNOUNCE} crash ${i + j} ${randomUUID()}`, startsAt: inDays(10), capacity: 2 }),
        ),
      );
    }
    let worker = startWorker({ extraContexts: true });
    await waitUntil('the reactor to have started the batch', async () => (await announcements(organizerId)).length > 0, 60_000, 5);
    await kill(worker, 'SIGKILL');
    const atKill = (await announcements(organizerId)).length;
    expect(atKill).toBeLessThan(EVENTS);

    worker = startWorker({ extraContexts: true });
    await waitUntil('every event to be announced', async () => (await announcements(organizerId)).length === EVENTS, 60_000);
    const { rows } = await pool().query<{ position: number }>(
      `SELECT max(position)::int AS position FROM domain_events WHERE type = 'EventCreated' AND data->'organizer'->>'userId' = $1`,
      [organizerId],
    );
    await waitUntil('the reactor to pass the last event', async () => {
      const checkpoint = await pool().query<{ position: number }>('SELECT position FROM reactor_checkpoints WHERE name = $1', [announceEventsReactor.name]);
      return checkpoint.rows[0].position >= rows[0].position;
    });
    expect(await announcements(organizerId)).toEqual(Array(EVENTS).fill(1));
    await kill(worker, 'SIGTERM');
  });
});
