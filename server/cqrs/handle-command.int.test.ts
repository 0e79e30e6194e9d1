import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbFor, pool } from '@/db/client';
import { env } from '@/server/env';
import { dropQueue } from '@/server/jobs/ensure-queues';
import { handleCommand, inCommandTransaction, runCommand, type CommandContext } from './handle-command';

const db = () => dbFor(pool());

async function countRows(query: ReturnType<typeof sql>): Promise<number> {
  const result = await db().execute(query);
  return Number((result.rows[0] as { n: number }).n);
}

const eventsOf = (stream: string) => countRows(sql`SELECT count(*) AS n FROM domain_events WHERE stream_id = ${stream}`);
const jobsOf = (command: string, queue = TEST_QUEUE) =>
  countRows(sql`SELECT count(*) AS n FROM pgboss.job WHERE data->>'command' = ${command} AND name = ${queue}`);

// Test-only consumer queues: `TestHappened` wakes one, `TestNoted` both, `TestIgnored` none.
const TEST_QUEUE = 'projections.test-core';
const OTHER_QUEUE = 'reactions.test-core';
const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 1, supervise: false, schedule: false, migrate: false });

const routes = [
  { event: 'TestHappened', queue: TEST_QUEUE },
  { event: 'TestNoted', queue: TEST_QUEUE },
  { event: 'TestNoted', queue: OTHER_QUEUE },
];

beforeAll(async () => {
  await boss.start();
  for (const queue of [TEST_QUEUE, OTHER_QUEUE]) if (!(await boss.getQueue(queue))) await boss.createQueue(queue);
  for (const { event, queue } of routes) await boss.subscribe(event, queue);
});

afterAll(async () => {
  for (const { event, queue } of routes) await boss.unsubscribe(event, queue);
  // No worker consumes them: their jobs would wait on the ops page forever.
  for (const queue of [TEST_QUEUE, OTHER_QUEUE]) await dropQueue(boss, queue);
  await boss.stop({ graceful: false, wait: true });
});

describe('handleCommand: one transaction for state, events, job and idempotency record', () => {
  beforeAll(async () => {
    // A deferred foreign key fails at COMMIT, i.e. after the handler, the events and the job.
    await db().execute(sql`CREATE TABLE IF NOT EXISTS test_atomic_parent (id uuid PRIMARY KEY)`);
    await db().execute(sql`CREATE TABLE IF NOT EXISTS test_atomic_child (
      id uuid PRIMARY KEY, parent uuid REFERENCES test_atomic_parent(id) DEFERRABLE INITIALLY DEFERRED)`);
  });

  const writeAll = (stream: string, parent: string | null) => async (_input: unknown, ctx: CommandContext) => {
    const id = ctx.newId();
    await ctx.tx.execute(sql`INSERT INTO test_atomic_child (id, parent) VALUES (${id}, ${parent})`);
    await ctx.append(stream, 0, [{ type: 'TestHappened', data: { id } }]);
    return { status: 201 as const, body: { id } };
  };

  it('commits the row, the event and the job together', async () => {
    const stream = `test-${randomUUID()}`;
    const command = `test/${randomUUID()}`;
    const result = await handleCommand({ command, input: {}, actor: null, idempotencyKey: null, handler: writeAll(stream, null) });
    expect(result.status).toBe(201);
    expect(result.body.consistencyToken).toMatch(/^\d+\.\d+$/);
    expect(await eventsOf(stream)).toBe(1);
    expect(await jobsOf(command)).toBe(1);
    expect(await countRows(sql`SELECT count(*) AS n FROM test_atomic_child WHERE id = ${result.body.id}`)).toBe(1);
  });

  it('leaves no row, no event and no job when the transaction fails after all of them were written', async () => {
    const stream = `test-${randomUUID()}`;
    const command = `test/${randomUUID()}`;
    const before = await countRows(sql`SELECT count(*) AS n FROM test_atomic_child`);
    await expect(
      handleCommand({ command, input: {}, actor: null, idempotencyKey: `k-${randomUUID()}`, handler: writeAll(stream, randomUUID()) }),
    ).rejects.toThrow(/foreign key/);
    expect(await eventsOf(stream)).toBe(0);
    expect(await jobsOf(command)).toBe(0);
    expect(await countRows(sql`SELECT count(*) AS n FROM test_atomic_child`)).toBe(before);
    expect(await countRows(sql`SELECT count(*) AS n FROM idempotency_keys WHERE scope = ${`anonymous:${command}`}`)).toBe(0);
  });

  it('leaves nothing when the handler throws after writing', async () => {
    const stream = `test-${randomUUID()}`;
    const command = `test/${randomUUID()}`;
    await expect(
      handleCommand({
        command,
        input: {},
        actor: null,
        idempotencyKey: null,
        handler: async (input, ctx) => {
          await writeAll(stream, null)(input, ctx);
          throw new Error('boom after writing');
        },
      }),
    ).rejects.toThrow('boom after writing');
    expect(await eventsOf(stream)).toBe(0);
    expect(await jobsOf(command)).toBe(0);
  });

  it('answers concurrent requests with one Idempotency-Key once: one write, the same answer for all', async () => {
    const stream = `test-${randomUUID()}`;
    const command = `test/${randomUUID()}`;
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => handleCommand({ command, input: { same: true }, actor: null, idempotencyKey: key, handler: writeAll(stream, null) })),
    );
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await eventsOf(stream)).toBe(1);
    expect(await jobsOf(command)).toBe(1);
  });

  it('refuses the same Idempotency-Key with another body', async () => {
    const command = `test/${randomUUID()}`;
    const key = randomUUID();
    await handleCommand({ command, input: { n: 1 }, actor: null, idempotencyKey: key, handler: writeAll(`test-${randomUUID()}`, null) });
    await expect(
      handleCommand({ command, input: { n: 2 }, actor: null, idempotencyKey: key, handler: writeAll(`test-${randomUUID()}`, null) }),
    ).rejects.toMatchObject({ code: 'idempotency-key-reused', kind: 'conflict' });
  });
});

describe('routing and shared transactions', () => {
  const appendOnly = (stream: string, types: string[]) => async (_input: unknown, ctx: CommandContext) => {
    await ctx.append(
      stream,
      0,
      types.map((type) => ({ type, data: {} })),
    );
    return { status: 201 as const, body: {} };
  };
  const request = (command: string, stream: string, types: string[], idempotencyKey: string | null = null) => ({
    command,
    input: { stream },
    actor: null,
    idempotencyKey,
    handler: appendOnly(stream, types),
  });

  it('sends one job to each queue whose consumers handle an appended event type, and none to the others', async () => {
    const command = `test/${randomUUID()}`;
    const result = await handleCommand(request(command, `test-${randomUUID()}`, ['TestHappened', 'TestNoted', 'TestHappened']));
    expect(await jobsOf(command, TEST_QUEUE)).toBe(1);
    expect(await jobsOf(command, OTHER_QUEUE)).toBe(1);
    expect(await countRows(sql`SELECT count(*) AS n FROM pgboss.job WHERE data->>'command' = ${command}`)).toBe(2);
    const [job] = (await db().execute(sql`SELECT data FROM pgboss.job WHERE name = ${TEST_QUEUE} AND data->>'command' = ${command}`)).rows;
    expect(job).toEqual({ data: { token: result.body.consistencyToken, command } });
  });

  it('sends no job for events that no consumer handles', async () => {
    const command = `test/${randomUUID()}`;
    const result = await handleCommand(request(command, `test-${randomUUID()}`, ['TestIgnored']));
    expect(result.body.consistencyToken).not.toBeNull();
    expect(await countRows(sql`SELECT count(*) AS n FROM pgboss.job WHERE data->>'command' = ${command}`)).toBe(0);
  });

  it('runs several commands in one transaction with one job for all, each answering its own token', async () => {
    const cause = `test/${randomUUID()}`;
    const [first, second] = await inCommandTransaction(cause, async (t) => [
      await runCommand(t, request('test/first', `test-${randomUUID()}`, ['TestHappened'])),
      await runCommand(t, request('test/second', `test-${randomUUID()}`, ['TestHappened'])),
    ]);
    expect(first.body.consistencyToken).not.toEqual(second.body.consistencyToken);
    const jobs = (await db().execute(sql`SELECT data->>'token' AS token FROM pgboss.job WHERE data->>'command' = ${cause}`)).rows;
    expect(jobs).toEqual([{ token: second.body.consistencyToken }]);
  });

  it('undoes a command that threw under a savepoint, its events and its job, and commits the rest', async () => {
    const cause = `test/${randomUUID()}`;
    const kept = `test-${randomUUID()}`;
    const undone = `test-${randomUUID()}`;
    await inCommandTransaction(cause, async (t) => {
      await runCommand(t, request('test/kept', kept, ['TestHappened']));
      await expect(
        t.savepoint(() =>
          runCommand(t, {
            ...request('test/undone', undone, ['TestNoted']),
            handler: async (input, ctx) => {
              await appendOnly(undone, ['TestNoted'])(input, ctx);
              throw new Error('refused after writing');
            },
          }),
        ),
      ).rejects.toThrow('refused after writing');
    });
    expect(await eventsOf(kept)).toBe(1);
    expect(await eventsOf(undone)).toBe(0);
    expect(await jobsOf(cause, TEST_QUEUE)).toBe(1);
    // Only the undone command's event type was routed to the other queue.
    expect(await jobsOf(cause, OTHER_QUEUE)).toBe(0);
  });

  it('answers a repeated idempotency key inside a shared transaction without writing again', async () => {
    const stream = `test-${randomUUID()}`;
    const key = randomUUID();
    const first = await handleCommand(request('test/once', stream, ['TestHappened'], key));
    const again = await inCommandTransaction('test/replay', (t) => runCommand(t, request('test/once', stream, ['TestHappened'], key)));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await eventsOf(stream)).toBe(1);
  });
});
