import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type pg from 'pg';
import { dbFor, idempotencyKeys, pool, type Db } from '@/db/client';
import { wakeConsumers } from '@/server/jobs/wake-consumers';
import { type Clock, systemClock } from './clock';
import { encodeToken, type LogPosition } from './consistency-token';
import { AppError } from './errors';
import { appendToStream } from './event-store';
import type { Actor, DomainEvent, EventMetadata } from './types';

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

/** An open transaction that commands run in (see `inCommandTransaction`). */
export interface CommandTransaction {
  client: pg.PoolClient;
  tx: Db;
  /** Appends to the log and remembers what was written, for the transaction's job. */
  append(streamId: string, fromVersion: number, events: DomainEvent[], metadata: EventMetadata, occurredAt: Date): Promise<LogPosition | null>;
  /**
   * Runs `work` under a savepoint: if it throws, its writes and its events are undone and the
   * transaction goes on (a reaction outlives a command that was refused).
   */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
}

// Serialization failures and deadlocks are safe to retry: the transaction left nothing behind.
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs one command: its state change, its domain events, its pg-boss jobs and its idempotency
 * record commit in ONE PostgreSQL transaction, or none of them do.
 */
export function handleCommand<Input, Body, A extends Actor | null>(req: CommandRequest<Input, Body, A>): Promise<CommandResponse<Body>> {
  return inCommandTransaction(req.command, (t) => runCommand(t, req));
}

/**
 * Opens a transaction, lets `work` run commands in it, then sends one job to each queue whose
 * consumers handle an event type it appended, and one NOTIFY, before committing: all of it, or
 * nothing. Retried whole on a serialization failure or deadlock, so `work` must be repeatable.
 * `cause` names what wrote the events in the jobs (a command, or a reactor).
 */
export async function inCommandTransaction<T>(cause: string, work: (t: CommandTransaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transactionOnce(cause, work);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt < 4 && code && RETRYABLE.has(code)) continue;
      throw err;
    }
  }
}

async function transactionOnce<T>(cause: string, work: (t: CommandTransaction) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let written = { types: new Set<string>(), last: null as LogPosition | null };
  const t: CommandTransaction = {
    client,
    tx: dbFor(client),
    async append(streamId, fromVersion, events, metadata, occurredAt) {
      const positions = await appendToStream(t.tx, streamId, fromVersion, events, metadata, occurredAt);
      for (const e of events) written.types.add(e.type);
      written.last = positions.at(-1) ?? written.last;
      return positions.at(-1) ?? null;
    },
    async savepoint(inner) {
      const before = { types: new Set(written.types), last: written.last };
      await client.query('SAVEPOINT command');
      try {
        const result = await inner();
        await client.query('RELEASE SAVEPOINT command');
        return result;
      } catch (err) {
        await client.query('ROLLBACK TO SAVEPOINT command');
        written = before;
        throw err;
      }
    },
  };
  try {
    await client.query('BEGIN');
    const result = await work(t);
    if (written.last) await wakeConsumers(client, [...written.types], { token: encodeToken(written.last), command: cause });
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Runs one command inside a transaction someone else opened (`handleCommand`, or a reactor that
 * commits its checkpoint with the commands it issues).
 * Handlers must lock the aggregate row they change before any other write: the lock then orders
 * both the stream versions and the writers' transaction ids, which is the order projectors read.
 * That is also why the idempotency record is written last rather than first.
 * Requests with the same Idempotency-Key are serialized by a transaction-scoped advisory lock (it
 * takes no transaction id), so a retry sent while the first attempt runs waits for its answer.
 */
export async function runCommand<Input, Body, A extends Actor | null>(
  t: CommandTransaction,
  req: CommandRequest<Input, Body, A>,
): Promise<CommandResponse<Body>> {
  const scope = `${req.actor?.userId ?? 'anonymous'}:${req.command}`;
  const requestHash = hashOf(req.input);
  const correlationId = req.correlationId ?? randomUUID();
  const clock = req.clock ?? systemClock;
  const now = clock.now();
  if (req.idempotencyKey) {
    await t.client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${scope}\n${req.idempotencyKey}`]);
    const earlier = await findAnswer(t.tx, scope, req.idempotencyKey, requestHash);
    if (earlier) return earlier as CommandResponse<Body>;
  }
  let last: LogPosition | null = null;
  const metadata: EventMetadata = { actorId: req.actor?.userId ?? null, correlationId, command: req.command, idempotencyKey: req.idempotencyKey };
  const ctx: CommandContext<A> = {
    tx: t.tx,
    actor: req.actor,
    now,
    newId: clock.newId,
    append: async (streamId, fromVersion, events) => {
      last = (await t.append(streamId, fromVersion, events, metadata, now)) ?? last;
    },
  };
  const outcome = await req.handler(req.input, ctx);
  const response: CommandResponse<Body> = {
    status: outcome.status,
    body: { ...outcome.body, consistencyToken: last ? encodeToken(last) : null },
    replayed: false,
  };
  if (req.idempotencyKey) {
    const stored = await t.tx
      .insert(idempotencyKeys)
      .values({ scope, key: req.idempotencyKey, requestHash, status: response.status, response: response.body as object })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    // Cannot happen while the advisory lock is held; kept as the database's own guarantee.
    if (stored.length === 0) throw new AppError('conflict', 'idempotency-key-in-flight', 'A request with this Idempotency-Key is still running');
  }
  return response;
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
