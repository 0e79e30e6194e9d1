/** Where the social projection stands against the log, and the other projectors moved past what they ignore. */
import type { Db } from 'mongodb';
import type pg from 'pg';
import type { Log } from '../../scripts/stack/processes';
import { sleep } from '../harness/settings';

async function logEnd(pool: pg.Pool) {
  const { rows } = await pool.query<{ t: number; p: number }>(
    'SELECT transaction_id AS t, position AS p FROM domain_events ORDER BY transaction_id DESC, position DESC LIMIT 1',
  );
  return { transactionId: Number(rows[0].t), position: Number(rows[0].p) };
}

/**
 * The events catalog projector handles none of the bulk-loaded events: it only has to skip them.
 * Put its checkpoint at the end of the log, after checking that nothing it handles lies in between.
 */
export async function fastForwardOtherProjectors(db: Db, pool: pg.Pool, log: Log): Promise<void> {
  const { allProjectors } = await import('@/server/contexts');
  const { loadCheckpoint, saveCheckpoint } = await import('@/server/cqrs/checkpoints');
  const end = await logEnd(pool);
  for (const p of allProjectors) {
    if (p.name === 'social.feed') continue;
    const at = await loadCheckpoint(db, p.name);
    const pending = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM domain_events WHERE (transaction_id, position) > ($1, $2) AND type = ANY($3)',
      [at.transactionId, at.position, [...p.handles]],
    );
    if (pending.rows[0].n === 0) await saveCheckpoint(db, p.name, end);
    else log(`  ${p.name}: ${pending.rows[0].n} events to project; left to the worker`);
  }
}

/** Waits (up to 10 minutes) until the social projection's checkpoint is at the end of the log. */
export async function socialCaughtUp(db: Db, pool: pg.Pool): Promise<void> {
  const { loadCheckpoint } = await import('@/server/cqrs/checkpoints');
  const { comparePositions } = await import('@/server/cqrs/consistency-token');
  const end = await logEnd(pool);
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline && comparePositions(await loadCheckpoint(db, 'social.feed'), end) < 0) await sleep(250);
}
