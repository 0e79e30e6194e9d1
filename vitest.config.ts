import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

/**
 * Two projects: `unit` (pure code, no I/O) and `int` (real PostgreSQL and MongoDB/FerretDB from
 * DATABASE_URL and MONGODB_URL; files run one at a time because they share the databases).
 */
export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['**/*.test.ts'], exclude: ['**/*.int.test.ts', 'node_modules/**', 'e2e/**'] } },
      {
        resolve: { alias },
        test: {
          name: 'int',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          setupFiles: ['server/testing/int-setup.ts'],
          // A tiny pull threshold, so the hybrid feed's pulled-author paths run in every social test.
          env: { SOCIAL_PULL_THRESHOLD: '3' },
        },
      },
    ],
  },
});
