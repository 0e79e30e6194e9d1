/**
 * `npm run test:stack`: the databases of `make test` (PostgreSQL and the read store, migrated) on
 * a private data directory, kept running until Ctrl-C, for running single test files while you work:
 *
 *   npm run test:stack            # prints the two URLs, then waits
 *   DATABASE_URL=... MONGODB_URL=... npx vitest run --project int server/events
 *
 * TEST_PG_PORT / TEST_MONGO_PORT move the ports (defaults 54369 / 27069, apart from `make test`'s).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { appEnv, npmRun } from './stack/app';
import { consoleLog } from './stack/processes';
import { startInfra } from './stack/start-infra';

const pgPort = Number(process.env.TEST_PG_PORT ?? 54369);
const mongoPort = Number(process.env.TEST_MONGO_PORT ?? 27069);
const say = (line: string) => consoleLog(line.startsWith('[') ? line : `[test-stack] ${line}`);

const dataDir = mkdtempSync('/var/tmp/quadrant-test-stack-');
chmodSync(dataDir, 0o755); // PostgreSQL runs as `postgres` and must enter it
const infra = await startInfra({ dataDir, pgPort, mongoPort, log: say, fast: true });
const env = appEnv({ ...infra, port: 0, publicUrl: 'http://127.0.0.1', secret: 'test-stack', demo: true });
if ((await npmRun('migrate', env, say, infra.marker)) !== 0) throw new Error('migrations failed');
say('ready; run tests with:');
console.log(`export DATABASE_URL='${infra.databaseUrl}' MONGODB_URL='${infra.mongodbUrl}'`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await infra.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}
setInterval(() => {}, 1 << 30);
