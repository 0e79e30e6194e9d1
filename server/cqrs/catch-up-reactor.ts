import { dbFor, pool } from '@/db/client';
import { BATCH_SIZE } from './catch-up';
import { type Clock, systemClock } from './clock';
import { comparePositions, type LogPosition } from './consistency-token';
import { ConsumerError } from './consumer-error';
import { AppError } from './errors';
import { inCommandTransaction, runCommand } from './handle-command';
import { readEventsAfter } from './event-store';
import type { Reactor } from './reactor';
import { advanceReactorCheckpoint, loadReactorCheckpoint } from './reactor-checkpoints';
import type { StoredEvent } from './types';

export interface ReactorPass {
  /** False when another process holds this reactor's lock (it is reacting instead). */
  ran: boolean;
  /** Events reacted to. */
  applied: number;
  /** Issued commands that their rules refused. */
  refused: number;
  checkpoint: LogPosition;
}

/**
 * Reacts to every committed event after the reactor's checkpoint, in log order, under an advisory
 * lock so that one worker at a time runs it (the lock is the socket's: SIGKILL releases it).
 * Each reaction is one transaction: its commands and the checkpoint past its event. Events the
 * reactor does not handle only move the checkpoint, once per batch.
 */
export async function catchUpReactor(reactor: Reactor, clock: Clock = systemClock): Promise<ReactorPass> {
  const client = await pool().connect();
  const lockId = `reactor:${reactor.name}`;
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [lockId]);
    if (!rows[0].locked) return { ran: false, applied: 0, refused: 0, checkpoint: await loadReactorCheckpoint(dbFor(client), reactor.name) };
    try {
      let saved = await loadReactorCheckpoint(dbFor(client), reactor.name);
      const pass: ReactorPass = { ran: true, applied: 0, refused: 0, checkpoint: saved };
      for (;;) {
        const batch = await readEventsAfter(client, pass.checkpoint, BATCH_SIZE);
        for (const event of batch) {
          const at = { transactionId: event.transactionId, position: event.position };
          if (reactor.handles.includes(event.type)) {
            try {
              pass.refused += await reactTo(reactor, event, saved, at, clock);
            } catch (err) {
              // Keep the way past the events before it; the failing one is tried again on the next pass.
              if (comparePositions(pass.checkpoint, saved) > 0) await moveCheckpoint(dbFor(client), reactor.name, saved, pass.checkpoint);
              throw err;
            }
            pass.applied++;
            saved = at;
          }
          pass.checkpoint = at;
        }
        if (comparePositions(pass.checkpoint, saved) > 0) {
          await moveCheckpoint(dbFor(client), reactor.name, saved, pass.checkpoint);
          saved = pass.checkpoint;
        }
        if (batch.length < BATCH_SIZE) return pass;
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockId]);
    }
  } finally {
    client.release();
  }
}

/** One reaction: its commands and the checkpoint move commit together. Returns how many were refused. */
async function reactTo(reactor: Reactor, event: StoredEvent, from: LogPosition, to: LogPosition, clock: Clock): Promise<number> {
  let commands: Awaited<ReturnType<Reactor['react']>>;
  try {
    commands = await reactor.react(event);
  } catch (err) {
    throw new ConsumerError(reactor.name, event.position, err);
  }
  return inCommandTransaction(reactor.name, async (t) => {
    let refused = 0;
    for (const [i, issued] of commands.entries()) {
      const request = {
        command: issued.command.name,
        input: issued.command.input.parse(issued.input),
        actor: issued.actor,
        // The same reaction to the same event always has the same keys: a replay is answered, not redone.
        idempotencyKey: `${reactor.name}@${event.position}#${i}`,
        correlationId: event.metadata.correlationId,
        clock,
        handler: issued.command.handle,
      };
      try {
        await t.savepoint(() => runCommand(t, request));
      } catch (err) {
        if (!(err instanceof AppError)) throw new ConsumerError(reactor.name, event.position, err);
        refused++;
        console.warn(`[reactor] ${reactor.name}: ${request.command} for event ${event.position} refused: ${err.code}`);
      }
    }
    await moveCheckpoint(t.tx, reactor.name, from, to);
    return refused;
  });
}

async function moveCheckpoint(db: Parameters<typeof advanceReactorCheckpoint>[0], name: string, from: LogPosition, to: LogPosition) {
  if (!(await advanceReactorCheckpoint(db, name, from, to))) {
    throw new Error(`${name}: checkpoint moved by another runner; this pass stops and the next one starts from there`);
  }
}
