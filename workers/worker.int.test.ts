import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { afterAll, describe, expect, it } from 'vitest';
import { pool } from '@/db/client';
import { readDb } from '@/db/mongo';
import { allProjectors } from '@/server/contexts';
import { loadCheckpoint } from '@/server/cqrs/checkpoints';
import { readEventsAfter } from '@/server/cqrs/event-store';
import { dropGeneration, rebuildProjection } from '@/server/cqrs/rebuild-projection';
import { env } from '@/server/env';
import { cancelRegistration } from '@/server/events/commands/cancel-registration';
import { createEvent } from '@/server/events/commands/create-event';
import { registerParticipant } from '@/server/events/commands/register-participant';
import { updateEvent } from '@/server/events/commands/update-event';
import { catchUpJob, projectionsQueue } from '@/server/jobs/queues';
import { getOpsStatus } from '@/server/ops/queries/get-ops-status';
import { command, newUser, query } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { kill, killAllWorkers, sleep, startWorker, waitUntil } from '@/server/testing/worker-process';

/** True when every projector has applied every committed event. */
async function projectionsAtHead(): Promise<boolean> {
  const db = await readDb();
  for (const p of allProjectors) {
    const behind = await readEventsAfter(pool(), await loadCheckpoint(db, p.name), 1);
    if (behind.length) return false;
  }
  return true;
}

afterAll(killAllWorkers);

describe('the worker process', () => {
  it('loses nothing when SIGKILLed at random moments: the read models equal a clean replay', async () => {
    const organizer = await newUser(['organizer']);
    const attendees = await Promise.all(Array.from({ length: 12 }, () => newUser()));
    const eventIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await command(createEvent, organizer, { title: `Crash test ${randomUUID()}`, startsAt: inDays(5 + i), capacity: 8 });
      eventIds.push(res.body.eventId);
    }
    let worker = startWorker();
    let kills = 0;
    const chaos = (async () => {
      for (let i = 0; i < 3; i++) {
        await sleep(500 + Math.random() * 2000);
        await kill(worker, 'SIGKILL');
        kills++;
        worker = startWorker();
      }
    })();
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(attendees.map((a, i) => command(registerParticipant, a, { eventId: eventIds[(i + round) % eventIds.length] })));
      statuses.push(...results.map((r) => r.status));
      await Promise.all(attendees.slice(0, 4).map((a, i) => command(cancelRegistration, a, { eventId: eventIds[(i + round) % eventIds.length] })));
      await command(updateEvent, organizer, { eventId: eventIds[round], title: `Renamed ${round} ${randomUUID()}` });
    }
    await chaos;
    expect(kills).toBe(3);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(10);

    await waitUntil('the restarted worker to catch up', projectionsAtHead);
    const db = await readDb();
    for (const projector of allProjectors) {
      const replay = await rebuildProjection(pool(), db, projector, { swap: false });
      await dropGeneration(db, replay.to);
      for (const diff of Object.values(replay.diffs)) expect(diff).toMatchObject({ total: 0 });
    }
    await kill(worker, 'SIGTERM');
  });

  it("fails a job whose payload it cannot read into its own queue's dead-letter queue, shown by ops status", async () => {
    const worker = startWorker();
    const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 1, supervise: false, schedule: false, migrate: false });
    await boss.start();
    const events = catchUpJob(projectionsQueue('events'));
    const social = catchUpJob(projectionsQueue('social'));
    const deadIn = async (queue: string) =>
      (await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'created'`, [queue])).rows[0].n;
    const socialDeadBefore = await deadIn(social.deadLetter);
    const marker = `unreadable-${randomUUID()}`;
    // Sent around `sendJob`, which would refuse it: a bug upstream, as a worker would meet it.
    await boss.send(events.name, { token: marker }, { retryLimit: 1, retryDelay: 1 });
    await waitUntil('the job to be dead-lettered', async () => {
      const { rows } = await pool().query(`SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>'token' = $2`, [events.deadLetter, marker]);
      return rows.length === 1;
    });
    const { rows } = await pool().query<{ retry_count: number; state: string; output: { message: string } }>(
      `SELECT retry_count, state, output FROM pgboss.job WHERE name = $1 AND data->>'token' = $2`,
      [events.name, marker],
    );
    expect(rows[0]).toMatchObject({ retry_count: 1, state: 'failed' });
    expect(rows[0].output.message).toMatch(/unreadable projections\.events payload/);
    expect(await deadIn(social.deadLetter)).toBe(socialDeadBefore);
    const reader = await newUser(['admin']);
    await waitUntil('ops status to count the dead letter', async () => {
      const status = await query(getOpsStatus, reader);
      const catalog = status.body.projections.find((p: { name: string }) => p.name === 'events.catalog');
      const queue = status.body.queues.find((q: { name: string }) => q.name === events.name);
      return status.status === 200 && catalog?.deadLetters >= 1 && queue?.deadLetters >= 1;
    });
    await boss.stop({ graceful: false, wait: true });
    await kill(worker, 'SIGTERM');
  });
});
