import type { Collection, Document } from 'mongodb';
import type { ReadDb } from '@/db/mongo';
import type { ProjectionStore } from './projector';

/**
 * Logical read-model names point at physical generations (`<name>_v<N>`) through the
 * `read_model_aliases` collection, so a rebuild can fill `_v<N+1>` and swap it in while queries
 * keep answering from `_v<N>`.
 */
export const ALIASES = 'read_model_aliases';

interface AliasDoc {
  _id: string;
  generation: number;
}

const CACHE_MS = 1000;
const cache = new Map<string, { generation: number; at: number }>();

export const physicalName = (logical: string, generation: number) => `${logical}_v${generation}`;

export async function currentGeneration(db: ReadDb, logical: string): Promise<number> {
  const hit = cache.get(logical);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.generation;
  const doc = await db.collection<AliasDoc>(ALIASES).findOne({ _id: logical });
  const generation = doc?.generation ?? 1;
  cache.set(logical, { generation, at: Date.now() });
  return generation;
}

/** The live collection behind a logical name, for query handlers. */
export async function readModel<T extends Document = Document>(db: ReadDb, logical: string): Promise<Collection<T>> {
  return db.collection<T>(physicalName(logical, await currentGeneration(db, logical)));
}

/** A store writing into fixed generations (live ones for the worker, shadow ones for a rebuild). */
export function storeFor(db: ReadDb, generations: Record<string, number>): ProjectionStore {
  return {
    collection<T extends Document>(logical: string) {
      const generation = generations[logical];
      if (generation === undefined) throw new Error(`read model ${logical} is not owned by this projector`);
      return db.collection<T>(physicalName(logical, generation));
    },
  };
}

export async function liveGenerations(db: ReadDb, logicals: string[]): Promise<Record<string, number>> {
  cache.clear();
  const entries = await Promise.all(logicals.map(async (l) => [l, await currentGeneration(db, l)] as const));
  return Object.fromEntries(entries);
}

export async function swapGenerations(db: ReadDb, generations: Record<string, number>): Promise<void> {
  for (const [logical, generation] of Object.entries(generations)) {
    await db.collection<AliasDoc>(ALIASES).updateOne({ _id: logical }, { $set: { generation } }, { upsert: true });
  }
  cache.clear();
}
