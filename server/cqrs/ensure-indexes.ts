import type { Collection, Document, IndexDescription } from 'mongodb';

/**
 * Creates indexes one at a time. FerretDB v1.24 drops the connection (a server-side panic, "slice
 * bounds out of range") when one createIndexes command repeats two or more existing indexes, and
 * projector setup runs on every worker start, so batching them is not an option.
 */
export async function ensureIndexes<T extends Document>(collection: Collection<T>, indexes: IndexDescription[]): Promise<void> {
  for (const { key, ...options } of indexes) await collection.createIndex(key, options);
}
