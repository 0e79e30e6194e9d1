import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextRoutes } from '@/server/contexts';
import { env } from '@/server/env';
import { ensureQueues } from './ensure-queues';
import { catchUpJob, legacyQueues } from './queues';

const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 1, supervise: false, schedule: false, migrate: false });
const subscriptions = async () =>
  (await boss.getDb().executeSql('SELECT event, name FROM pgboss.subscription ORDER BY name, event', [])).rows as { event: string; name: string }[];

beforeAll(() => boss.start());
afterAll(async () => {
  await ensureQueues(boss);
  await boss.stop({ graceful: false, wait: true });
});

describe('ensureQueues', () => {
  it('gives each context queue its retries and own dead-letter queue, and routes exactly the event types its consumers handle', async () => {
    await boss.subscribe('NobodyHandlesThis', 'projections.events');
    await ensureQueues(boss);
    for (const { queue } of contextRoutes) {
      const job = catchUpJob(queue);
      expect(await boss.getQueue(job.name)).toMatchObject({ deadLetter: job.deadLetter, retryLimit: job.options.retryLimit, retryBackoff: true });
      expect(await boss.getQueue(job.deadLetter)).not.toBeNull();
    }
    const expected = contextRoutes.flatMap((r) => r.eventTypes.map((event) => ({ event, name: r.queue })));
    expect(await subscriptions()).toEqual(expect.arrayContaining(expected));
    expect((await subscriptions()).length).toBe(expected.length);
    expect((await subscriptions()).find((s) => s.event === 'NobodyHandlesThis')).toBeUndefined();
  });

  it('removes the single projections queue of old, jobs and dead letters included', async () => {
    const [queue, dead] = legacyQueues;
    if (!(await boss.getQueue(dead))) await boss.createQueue(dead);
    if (!(await boss.getQueue(queue))) await boss.createQueue(queue, { name: queue, deadLetter: dead });
    await boss.send(queue, { token: '1.1', command: 'old' });
    await boss.send(dead, { token: '1.1', command: 'old' });
    await ensureQueues(boss);
    expect(await boss.getQueue(queue)).toBeNull();
    expect(await boss.getQueue(dead)).toBeNull();
  });
});
