import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbFor, pool } from '@/db/client';
import { handleCommand, type CommandContext } from './handle-command';

const db = () => dbFor(pool());

async function countRows(query: ReturnType<typeof sql>): Promise<number> {
  const result = await db().execute(query);
  return Number((result.rows[0] as { n: number }).n);
}

const eventsOf = (stream: string) => countRows(sql`SELECT count(*) AS n FROM domain_events WHERE stream_id = ${stream}`);
const jobsOf = (command: string) => countRows(sql`SELECT count(*) AS n FROM pgboss.job WHERE data->>'command' = ${command}`);

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
