import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { dbFor, idempotencyKeys, pool, type Db } from '@/db/client';
import { senderBoss } from '@/server/jobs/boss';
import { eventsChannel, queues } from '@/server/jobs/queues';
import { type Clock, systemClock } from './clock';
import { encodeToken, type LogPosition } from './consistency-token';
import { AppError } from './errors';
import { appendToStream } from './event-store';
import type { Actor, DomainEvent } from './types';

/**
 * What a command handler gets: the transaction, the caller (an `Actor` unless the command is
 * public), the command's time and id source, and the event log.
 */
export interface CommandContext<A extends Actor | null = Actor | null> {
  tx: Db;
  actor: A;
  /** One instant for the whole command: every row and event it writes carries the same time. */
  now: Date;
  newId: () => string;
  /** Appends events to `streamId` after `fromVersion`, in this command's transaction. */
  append(streamId: string, fromVersion: number, events: DomainEvent[]): Promise<void>;
}

export interface CommandOutcome<Body> {
  status: 200 | 201;
  body: Body;
}

export interface CommandRequest<Input, Body, A extends Actor | null = Actor | null> {
  command: string;
  input: Input;
  actor: A;
  idempotencyKey: string | null;
  correlationId?: string;
  /** Default: the system's clock and random UUIDs. */
  clock?: Clock;
  handler: (input: Input, ctx: CommandContext<A>) => Promise<CommandOutcome<Body>>;
}

export interface CommandResponse<Body> extends CommandOutcome<Body & { consistencyToken: string | null }> {
  /** True when the answer was stored under the same Idempotency-Key and nothing was written. */
  replayed: boolean;
}

// Serialization failures and deadlocks are safe to retry: the transaction left nothing behind.
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs one command: its state change, its domain events, its pg-boss job and its idempotency
 * record commit in ONE PostgreSQL transaction, or none of them do.
 * Handlers must lock the aggregate row they change before any other write: the lock then orders
 * both the stream versions and the writers' transaction ids, which is the order projectors read.
 * That is also why the idempotency record is written last rather than first.
 * Requests with the same Idempotency-Key are serialized by a transaction-scoped advisory lock (it
 * takes no transaction id), so a retry sent while the first attempt runs waits for its answer.
 */
export async function handleCommand<Input, Body, A extends Actor | null>(req: CommandRequest<Input, Body, A>): Promise<CommandResponse<Body>> {
  const scope = `${req.actor?.userId ?? 'anonymous'}:${req.command}`;
  const requestHash = hashOf(req.input);
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(req, scope, requestHash);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt < 4 && code && RETRYABLE.has(code)) continue;
      throw err;
    }
  }
}

async function runOnce<Input, Body, A extends Actor | null>(req: CommandRequest<Input, Body, A>, scope: string, requestHash: string) {
  const client = await pool().connect();
  const tx = dbFor(client);
  const correlationId = req.correlationId ?? randomUUID();
  const clock = req.clock ?? systemClock;
  const now = clock.now();
  let last: LogPosition | null = null;
  try {
    await client.query('BEGIN');
    if (req.idempotencyKey) {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${scope}\n${req.idempotencyKey}`]);
      const earlier = await findAnswer(tx, scope, req.idempotencyKey, requestHash);
      if (earlier) {
        await client.query('ROLLBACK');
        return earlier as CommandResponse<Body>;
      }
    }
    const ctx: CommandContext<A> = {
      tx,
      actor: req.actor,
      now,
      newId: clock.newId,
      append: async (streamId, fromVersion, events) => {
        const metadata = { actorId: req.actor?.userId ?? null, correlationId, command: req.command, idempotencyKey: req.idempotencyKey };
        const written = await appendToStream(tx, streamId, fromVersion, events, metadata, now);
        if (written.length) last = written[written.length - 1];
      },
    };
    const outcome = await req.handler(req.input, ctx);
    const token = last ? encodeToken(last) : null;
    if (token) {
      const boss = await senderBoss();
      const onThisTransaction = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
      await boss.send(queues.projections, { token, command: req.command }, { db: onThisTransaction });
      await client.query('SELECT pg_notify($1, $2)', [eventsChannel, token]);
    }
    const response: CommandResponse<Body> = {
      status: outcome.status,
      body: { ...outcome.body, consistencyToken: token },
      replayed: false,
    };
    if (req.idempotencyKey) {
      const stored = await tx
        .insert(idempotencyKeys)
        .values({ scope, key: req.idempotencyKey, requestHash, status: response.status, response: response.body as object })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (stored.length === 0) {
        // Cannot happen while the advisory lock is held; kept as the database's own guarantee.
        await client.query('ROLLBACK');
        const earlier = await findAnswer(dbFor(pool()), scope, req.idempotencyKey, requestHash);
        if (earlier) return earlier as CommandResponse<Body>;
        throw new AppError('conflict', 'idempotency-key-in-flight', 'A request with this Idempotency-Key is still running');
      }
    }
    await client.query('COMMIT');
    return response;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

async function findAnswer(db: Db, scope: string, key: string, requestHash: string): Promise<CommandResponse<unknown> | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!row) return null;
  if (row.requestHash !== requestHash) {
    throw new AppError('conflict', 'idempotency-key-reused', 'This Idempotency-Key was already used with a different request body');
  }
  return { status: row.status as 200 | 201, body: row.response as { consistencyToken: string | null }, replayed: true };
}

/** Stable hash of a JSON value: object keys are sorted so formatting does not matter. */
export function hashOf(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}
