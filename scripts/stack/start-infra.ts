import { mkdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import path from 'node:path';
import { startPostgres } from './postgres';
import { claimDataDir, consoleLog, reapMarked, type Child, type Log } from './processes';
import { ensureFerretdbBinary, findMongod, startFerretdb, startMongod, type FerretBackend } from './read-store';

export interface InfraOptions {
  /** Everything persistent lives here: pg/ (write store), pg-read/ + ferretdb-* (read store), run/. */
  dataDir: string;
  pgPort: number;
  mongoPort: number;
  /** Port of the read store's own PostgreSQL (FerretDB's backend); default pgPort + 1. */
  readPgPort?: number;
  log?: Log;
  /** Tests: PostgreSQL without fsync. Never for data you want to keep. */
  fast?: boolean;
  /** Default: FERRETDB_BACKEND or 'postgresql' (docs/decisions/0002-ferretdb-backend.md). */
  ferretBackend?: FerretBackend;
}

export interface Infra {
  databaseUrl: string;
  mongodbUrl: string;
  /** Pass as ChildOptions.marker to the app's processes so a crashed run's leftovers get reaped. */
  marker: string;
  /** Stops what this call started (read store first, PostgreSQL last), by pid. */
  stop(): Promise<void>;
}

export const APP_DATABASE = 'quadrant';
const FERRET_DATABASE = 'ferretdb';

/**
 * Starts the two stores the product needs, or uses external ones:
 * - write store: `DATABASE_URL` if set, else embedded PostgreSQL (dataDir/pg, pgPort);
 * - read store: `MONGODB_URL` if set, else a real `mongod` from the PATH, else FerretDB. FerretDB
 *   keeps its data in a second embedded PostgreSQL cluster of its own (dataDir/pg-read): as fast
 *   as sharing the write server, without letting a read flood take the write server's CPU,
 *   connections and buffers (measurements in docs/reports/ferretdb-backends.md).
 */
export async function startInfra(opts: InfraOptions): Promise<Infra> {
  const log = opts.log ?? consoleLog;
  const dataDir = path.resolve(opts.dataDir);
  const runDir = path.join(dataDir, 'run');
  mkdirSync(runDir, { recursive: true });
  const release = claimDataDir(runDir);
  const marker = dataDir;
  await reapMarked(marker, log);
  const started: Child[] = [];
  const stop = async () => {
    for (const child of started.reverse()) await child.stop();
    started.length = 0;
    release();
  };

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      log(`postgres: using external DATABASE_URL`);
    } else {
      log(`postgres: starting embedded PostgreSQL on 127.0.0.1:${opts.pgPort}`);
      const pg = await startPostgres({ dataDir: path.join(dataDir, 'pg'), port: opts.pgPort, log, fast: opts.fast, databases: [APP_DATABASE], marker });
      started.push(pg.child);
      databaseUrl = pg.urlFor(APP_DATABASE);
    }

    let mongodbUrl = process.env.MONGODB_URL;
    const mongod = findMongod();
    if (mongodbUrl) {
      log(`read store: using external MONGODB_URL`);
    } else if (mongod) {
      log(`read store: starting mongod (${mongod}) on 127.0.0.1:${opts.mongoPort}`);
      started.push(await startMongod({ binary: mongod, port: opts.mongoPort, dataDir, log, marker }));
    } else {
      const backend: FerretBackend = opts.ferretBackend ?? (process.env.FERRETDB_BACKEND as FerretBackend | undefined) ?? 'postgresql';
      const binary = await ensureFerretdbBinary(log);
      let postgresUrl: string | undefined;
      if (backend === 'postgresql') {
        const port = opts.readPgPort ?? opts.pgPort + 1;
        log(`read store: starting its PostgreSQL on 127.0.0.1:${port}`);
        const readPg = await startPostgres({
          name: 'postgres-read',
          dataDir: path.join(dataDir, 'pg-read'),
          port,
          log,
          fast: opts.fast,
          databases: [FERRET_DATABASE],
          marker,
          portEnv: 'READ_PG_PORT',
        });
        started.push(readPg.child);
        postgresUrl = readPg.urlFor(FERRET_DATABASE);
        await installGinTwins(postgresUrl);
      }
      log(`read store: starting FerretDB (${backend} backend) on 127.0.0.1:${opts.mongoPort}`);
      started.push(await startFerretdb({ binary, port: opts.mongoPort, dataDir, backend, postgresUrl, log, marker }));
    }
    mongodbUrl ??= `mongodb://127.0.0.1:${opts.mongoPort}/`;
    return { databaseUrl, mongodbUrl, marker, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Makes FerretDB's pushed-down equality filters use indexes (see ferretdb-gin-indexes.sql and
 * docs/decisions/0002-ferretdb-backend.md) and keeps documents up to 8 kB out of TOAST
 * (ferretdb-inline-documents.sql). Idempotent; runs on every start.
 */
async function installGinTwins(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const file of ['./ferretdb-gin-indexes.sql', './ferretdb-inline-documents.sql']) {
      await client.query(readFileSync(new URL(file, import.meta.url), 'utf8'));
    }
  } finally {
    await client.end();
  }
}
