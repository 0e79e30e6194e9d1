import { pool } from '@/db/client';
import { readDb } from '@/db/mongo';
import { allProjectors } from '@/server/contexts';
import { catchUp } from '@/server/cqrs/catch-up';
import { comparePositions, type LogPosition, startOfLog } from '@/server/cqrs/consistency-token';
import { liveGenerations, storeFor } from '@/server/cqrs/read-models';

/** The last event committed so far, in projector order. */
async function headOfLog(): Promise<LogPosition> {
  const { rows } = await pool().query<{ transaction_id: string; position: string }>(
    'SELECT transaction_id::text, position::text FROM domain_events ORDER BY transaction_id DESC, position DESC LIMIT 1',
  );
  return rows[0] ? { transactionId: Number(rows[0].transaction_id), position: Number(rows[0].position) } : startOfLog;
}

/**
 * Runs every projector to the head of the log in this process, as the worker would. Tests use it
 * instead of waiting for a worker; the worker itself is tested separately by spawning it.
 * "The head" is the last event committed when it is called, and it waits until each projector's
 * checkpoint is there: a projector sees only transactions older than every open one (decision
 * 0001), so while another test file holds a transaction open, one pass can stop short of events
 * this test has already written.
 */
export async function projectAll(timeoutMs = 30_000): Promise<void> {
  const db = await readDb();
  const head = await headOfLog();
  const deadline = Date.now() + timeoutMs;
  for (const projector of allProjectors) {
    await projector.setup(storeFor(db, await liveGenerations(db, projector.collections)));
    for (;;) {
      const result = await catchUp(pool(), db, projector, async () => storeFor(db, await liveGenerations(db, projector.collections)));
      if (result.ran && comparePositions(result.checkpoint, head) >= 0) break;
      if (Date.now() > deadline) throw new Error(`projectAll: ${projector.name} did not reach ${head.transactionId}.${head.position} in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
