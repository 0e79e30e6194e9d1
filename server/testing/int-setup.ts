import { afterAll } from 'vitest';
import { pool } from '@/db/client';
import { closeReadDb } from '@/db/mongo';

if (!process.env.DATABASE_URL || !process.env.MONGODB_URL) {
  throw new Error('Integration tests need DATABASE_URL and MONGODB_URL (make test starts both)');
}

afterAll(async () => {
  await closeReadDb();
  await pool().end();
  (globalThis as { quadrantPool?: unknown }).quadrantPool = undefined;
});
