import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pool } from '@/db/client';
import { readDb } from '@/db/mongo';
import { loadCheckpoint } from '@/server/cqrs/checkpoints';
import { comparePositions, decodeToken } from '@/server/cqrs/consistency-token';
import { createEvent } from '@/server/events/commands/create-event';
import { getEventDetails } from '@/server/events/queries/get-event-details';
import { catchUpJob, projectionsQueue, reactionsQueue } from '@/server/jobs/queues';
import { getOpsStatus } from '@/server/ops/queries/get-ops-status';
import { command, newUser, query } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { kill, startWorker, prepareTestingContextWorkers, waitUntil } from '@/server/testing/worker-process';
import { POISON } from '@/server/testing/worker-test-contexts';

prepareTestingContextWorkers();

const jobsFor = async (token: string) =>
  (await pool().query<{ name: string; state: string }>(`SELECT name, state::text FROM pgboss.job WHERE data->>'token' = $1 ORDER BY name`, [token])).rows;

describe('queues per context', () => {
  it('a failing projector of one context neither holds back nor dead-letters the projections of another', async () => {
    const worker = startWorker({ extraContexts: true });
    const organizer = await newUser(['organizer']);
    const poisoned = await command(createEvent, organizer, { title: `${POISON} ${randomUUID()}`, startsAt: inDays(6), capacity: 3 });
    const healthy = await command(createEvent, organizer, { title: `Healthy ${randomUUID()}`, startsAt: inDays(7), capacity: 3 });
    const [poisonToken, healthyToken] = [poisoned.body.consistencyToken as string, healthy.body.consistencyToken as string];

    // The events context projects past the poisoned event as if nothing happened.
    const db = await readDb();
    await waitUntil(
      'events.catalog to pass both events',
      async () => comparePositions(await loadCheckpoint(db, 'events.catalog'), decodeToken(healthyToken)!) >= 0,
    );
    const details = await query(getEventDetails, organizer, { eventId: healthy.body.eventId });
    expect(details.status).toBe(200);

    const testing = catchUpJob(projectionsQueue('testing'));
    const events = catchUpJob(projectionsQueue('events'));
    await waitUntil('the poisoned job to be dead-lettered in its own context', async () =>
      (await jobsFor(poisonToken)).some((j) => j.name === testing.deadLetter),
    );
    // Every job of the other queues, the same context's reactions included, completed; none was dead-lettered.
    await waitUntil('the other queues to complete their jobs', async () => {
      const jobs = [...(await jobsFor(poisonToken)), ...(await jobsFor(healthyToken))].filter((j) => !j.name.startsWith(testing.name));
      return jobs.every((j) => j.state === 'completed');
    });
    const others = [...(await jobsFor(poisonToken)), ...(await jobsFor(healthyToken))].filter((j) => !j.name.startsWith(testing.name));
    expect(others.map((j) => j.name).sort()).toEqual([events.name, events.name, reactionsQueue('testing'), reactionsQueue('testing')]);

    const reader = await newUser(['admin']);
    await waitUntil('ops status to show the broken projector apart from the healthy one', async () => {
      const status = (await query(getOpsStatus, reader)).body;
      const byName = (name: string) => status.projections.find((p: { name: string }) => p.name === name);
      return (
        /poisoned event/.test(byName('testing.poisoned')?.lastError ?? '') &&
        byName('testing.poisoned').deadLetters >= 1 &&
        byName('events.catalog')?.lastError === null
      );
    });
    await kill(worker, 'SIGTERM');
  });
});
