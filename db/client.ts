import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '@/server/env';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;

// pg returns bigint (int8) as strings; our int8 values (positions, xids) fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

const globalForPg = globalThis as unknown as { quadrantPool?: pg.Pool };

/** One pool per process (kept on globalThis so Next.js dev reloads do not leak pools). */
export function pool(): pg.Pool {
  globalForPg.quadrantPool ??= new pg.Pool({ connectionString: env.DATABASE_URL, max: env.PG_POOL_SIZE });
  return globalForPg.quadrantPool;
}

export function dbFor(client: pg.Pool | pg.PoolClient): Db {
  return drizzle(client, { schema });
}

export { schema };
export * from './schema';
