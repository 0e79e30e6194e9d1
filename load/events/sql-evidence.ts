/** Evidence for the bottleneck hunt after the run: table sizes and the plans of the hot SQL. */
import type { SqlEvidence } from './types';

export async function sqlEvidence(): Promise<SqlEvidence> {
  const { pool } = await import('@/db/client');
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await pool().query(sql, params)).rows as T[];
  const plan = async (sql: string, params: unknown[] = []) =>
    (await q<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${sql}`, params)).map((r) => r['QUERY PLAN']);
  const [last] = await q<{ transaction_id: string; position: string }>(
    'SELECT transaction_id, position FROM domain_events ORDER BY position DESC LIMIT 1 OFFSET 50',
  );
  const after = [last?.transaction_id ?? 0, last?.position ?? 0];
  return {
    rows: await q(
      `SELECT relname AS table, n_live_tup::int AS rows, pg_size_pretty(pg_total_relation_size(relid)) AS size
         FROM pg_stat_user_tables WHERE schemaname IN ('public','pgboss') ORDER BY n_live_tup DESC LIMIT 8`,
    ),
    // The worker runs this every second (ops status: queue depth).
    opsQueueDepth: await plan('SELECT name, state, count(*)::int AS count FROM pgboss.job GROUP BY name, state'),
    // The worker runs this every second per projection (ops status: lag).
    opsLag: await plan('SELECT count(*)::int AS events, min(occurred_at) AS oldest FROM domain_events WHERE (transaction_id, position) > ($1, $2)', after),
    // The projector's read.
    readEventsAfter: await plan(
      `SELECT position FROM domain_events WHERE (transaction_id, position) > ($1, $2)
          AND transaction_id < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint ORDER BY transaction_id, position LIMIT 500`,
      after,
    ),
    commits: (
      await q<Record<string, number>>(
        `SELECT xact_commit::int, xact_rollback::int, blks_read::int, blks_hit::int FROM pg_stat_database WHERE datname = current_database()`,
      )
    )[0],
  };
}
