import { spawn, type ChildProcess } from 'node:child_process';
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
import { queues } from '@/server/jobs/queues';
import { getOpsStatus } from '@/server/ops/queries/get-ops-status';
import { command, newUser, query } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const children = new Set<ChildProcess>();

/** The real worker as a separate OS process, so it can be killed like a crashed one. */
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/index.ts'], { env: process.env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** True when every projector has applied every committed event. */
async function projectionsAtHead(): Promise<boolean> {
  const db = await readDb();
  for (const p of allProjectors) {
    const behind = await readEventsAfter(pool(), await loadCheckpoint(db, p.name), 1);
    if (behind.length) return false;
  }
  return true;
}

afterAll(async () => {
  for (const child of children) await kill(child, 'SIGKILL');
});

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

  it('retries a failing job with backoff, then moves it to the dead-letter queue shown by ops status', async () => {
    const worker = startWorker();
    const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 1, supervise: false, schedule: false, migrate: false });
    await boss.start();
    const marker = `unreadable-${randomUUID()}`;
    await boss.send(queues.projections, { token: marker }, { retryLimit: 1, retryDelay: 1 });
    await waitUntil('the job to be dead-lettered', async () => {
      const { rows } = await pool().query(`SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>'token' = $2`, [queues.projectionsDead, marker]);
      return rows.length === 1;
    });
    const { rows } = await pool().query<{ retry_count: number; state: string }>(
      `SELECT retry_count, state FROM pgboss.job WHERE name = $1 AND data->>'token' = $2`,
      [queues.projections, marker],
    );
    expect(rows[0]).toMatchObject({ retry_count: 1, state: 'failed' });
    const reader = await newUser();
    await waitUntil('ops status to count the dead letter', async () => {
      const status = await query(getOpsStatus, reader);
      return status.status === 200 && status.body.projections.every((p: { deadLetters: number }) => p.deadLetters >= 1);
    });
    await boss.stop({ graceful: false, wait: true });
    await kill(worker, 'SIGTERM');
  });
});
