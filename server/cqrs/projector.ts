import type { Collection, Document } from 'mongodb';
import type { StoredEvent } from './types';

/** Where a projector writes: logical read-model names resolved to one physical generation. */
export interface ProjectionStore {
  collection<T extends Document = Document>(logicalName: string): Collection<T>;
}

/**
 * A projector turns events into read-model documents. `apply` must be idempotent and must not
 * regress a document: guard each update with the stream version it applies (see `versionGuard`),
 * key fan-out entries so a replay overwrites them. Projectors may not read PostgreSQL.
 */
export interface Projector {
  /** `<context>.<model>`, also the checkpoint id. */
  name: string;
  /** Logical collection names it owns (`<ctx>_<model>`); a rebuild shadows all of them. */
  collections: string[];
  /** Event types it reacts to; every other event only advances its checkpoint. */
  handles: readonly string[];
  /** Creates indexes on a (possibly fresh, shadow) generation. */
  setup(store: ProjectionStore): Promise<void>;
  apply(event: StoredEvent, store: ProjectionStore): Promise<void>;
}

/**
 * Filter that matches a document only if it has not yet seen this stream version. Equality on
 * `_id` stays the pushed-down part (FerretDB v1 evaluates the range in memory on one document).
 */
export function versionGuard(id: string, version: number, field = 'version') {
  return { _id: id, $or: [{ [field]: { $lt: version } }, { [field]: { $exists: false } }] } as Document;
}
