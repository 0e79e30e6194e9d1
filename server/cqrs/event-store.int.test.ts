import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pool } from '@/db/client';
import { readDb } from '@/db/mongo';
import { catchUp } from './catch-up';
import { deleteCheckpoint } from './checkpoints';
import { handleCommand } from './handle-command';
import type { Projector } from './projector';
import { storeFor } from './read-models';
import type { StoredEvent } from './types';

/** A projector that only records what it saw, for streams of this test. */
function recorder(prefix: string) {
  const seen: StoredEvent[] = [];
  const projector: Projector = {
    name: `test.recorder-${randomUUID()}`,
    collections: [],
    handles: ['TestOrdered'],
    setup: async () => {},
    apply: async (e) => {
      if (e.streamId.startsWith(prefix)) seen.push(e);
    },
  };
  return { projector, seen };
}

/** One committed command that appends a TestOrdered event to `stream`. */
const appendInCommand = (stream: string) =>
  handleCommand({
    command: 'test/ordered',
    input: {},
    actor: null,
    idempotencyKey: null,
    handler: async (_i, ctx) => {
      await ctx.append(stream, 0, [{ type: 'TestOrdered', data: {} }]);
      return { status: 200, body: {} };
    },
  });

describe('reading the event log in projector order', () => {
  it('never skips an event whose transaction took its position earlier but committed later', async () => {
    const prefix = `test-${randomUUID()}`;
    const { projector, seen } = recorder(prefix);
    const db = await readDb();
    const run = () => catchUp(pool(), db, projector, async () => storeFor(db, {}));

    // Transaction A takes a position and stays open.
    const slow = await pool().connect();
    await slow.query('BEGIN');
    const { rows } = await slow.query<{ position: number }>(
      `INSERT INTO domain_events (stream_id, stream_version, type, data, metadata, occurred_at)
       VALUES ($1, 1, 'TestOrdered', '{}', '{}', now()) RETURNING position`,
      [`${prefix}-slow`],
    );
    // Transaction B takes a later position and commits first.
    const fast = await appendInCommand(`${prefix}-fast`);
    const fastPosition = Number(fast.body.consistencyToken!.split('.')[1]);
    expect(rows[0].position).toBeLessThan(fastPosition);

    // While A is open the reader must not move past it: a "last position seen" reader would have
    // read B, checkpointed B's position and skipped A forever.
    await run();
    expect(seen.map((e) => e.streamId)).toEqual([]);

    await slow.query('COMMIT');
    slow.release();
    await run();
    expect(seen.map((e) => e.streamId)).toEqual([`${prefix}-slow`, `${prefix}-fast`]);
    await deleteCheckpoint(db, projector.name);
  });

  it('does not hold back on a transaction that rolls back', async () => {
    const prefix = `test-${randomUUID()}`;
    const { projector, seen } = recorder(prefix);
    const db = await readDb();
    const aborted = await pool().connect();
    await aborted.query('BEGIN');
    await aborted.query(
      `INSERT INTO domain_events (stream_id, stream_version, type, data, metadata, occurred_at) VALUES ($1, 1, 'TestOrdered', '{}', '{}', now())`,
      [`${prefix}-aborted`],
    );
    await aborted.query('ROLLBACK');
    aborted.release();
    await appendInCommand(`${prefix}-after`);
    await catchUp(pool(), db, projector, async () => storeFor(db, {}));
    expect(seen.map((e) => e.streamId)).toEqual([`${prefix}-after`]);
    await deleteCheckpoint(db, projector.name);
  });
});
