import { MongoClient, type Db as MongoDb } from 'mongodb';
import { env } from '@/server/env';

export type ReadDb = MongoDb;

const globalForMongo = globalThis as unknown as { quadrantMongo?: Promise<MongoClient> };

/** The read store (MongoDB, or FerretDB speaking its wire protocol); one client per process. */
export async function readDb(): Promise<ReadDb> {
  globalForMongo.quadrantMongo ??= new MongoClient(env.MONGODB_URL, { maxPoolSize: 50 }).connect();
  return (await globalForMongo.quadrantMongo).db(env.MONGODB_DB);
}

export async function closeReadDb(): Promise<void> {
  const client = globalForMongo.quadrantMongo;
  globalForMongo.quadrantMongo = undefined;
  if (client) await (await client).close();
}
