import { type Collection, type Filter, MongoServerError } from 'mongodb';
import { type ProjectionStore, versionGuard } from './projector';
import type { DomainEvent, StoredEvent } from './types';

export interface KeyedDoc {
  _id: string;
}

/**
 * One read model whose documents each follow the events through a pure `evolve`: which documents
 * an event touches, how one of them changes (no I/O), and which field guards the write. The same
 * object runs in the worker (`documentsIn`), in a bulk build and in unit tests (`DocumentsInMemory`),
 * so they cannot disagree.
 */
export interface DocumentProjection<D extends KeyedDoc, E extends DomainEvent> {
  /** Logical collection name (`<ctx>_<model>`). */
  collection: string;
  /** Event types it evolves on; every other event leaves its documents alone. */
  handles: readonly E['type'][];
  /** The documents an event touches: their ids, or a top-level equality (an indexed lookup in the read store). */
  select(event: StoredEvent<E>): string[] | { where: Partial<D> };
  /**
   * The document after the event; `null` is "no document" (never created, or deleted). Returns
   * `doc` itself when the event changes nothing, e.g. a replay its version guard recognizes: then
   * nothing is written.
   */
  evolve(doc: D | null, event: StoredEvent<E>): D | null;
  /** The field holding the stream version applied (the write is conditional on it being older). */
  guard?(event: StoredEvent<E>): (keyof D & string) | null;
  /**
   * `evolve(null, event)` is the document whatever is stored (a member of a keyed set, a record
   * never changed): the read store writes it without reading first, and reports `before: null`.
   */
  blind?: boolean;
}

export interface DocumentChange<D> {
  id: string;
  before: D | null;
  after: D | null;
}

/** Applies one projection to one event wherever its documents live, and says what changed. */
export type ApplyDocuments = <D extends KeyedDoc, E extends DomainEvent>(
  projection: DocumentProjection<D, E>,
  event: StoredEvent,
) => Promise<DocumentChange<D>[]>;

const handled = <D extends KeyedDoc, E extends DomainEvent>(projection: DocumentProjection<D, E>, event: StoredEvent): event is StoredEvent<E> =>
  (projection.handles as readonly string[]).includes(event.type);

/** An upsert whose guard rejects a newer document fails on the duplicate _id: that is a replay. */
const ignoreReplay = (err: unknown) => {
  if (err instanceof MongoServerError && err.code === 11000) return;
  throw err;
};

/**
 * The worker's side: load each selected document, evolve it, write it back if it changed (`$set`
 * upsert, guarded by the stream version when the projection names a guard field; `null` deletes).
 * Read-modify-write is safe because one projection runs in one process at a time (catch-up's
 * advisory lock); the guard and the pure evolve's own version check make replays no-ops.
 */
export function documentsIn(store: ProjectionStore): ApplyDocuments {
  return async function apply<D extends KeyedDoc, E extends DomainEvent>(projection: DocumentProjection<D, E>, event: StoredEvent) {
    if (!handled(projection, event)) return [];
    const collection = store.collection<KeyedDoc>(projection.collection);
    const selected = projection.select(event);
    const load = async (id: string) => (projection.blind ? null : ((await collection.findOne({ _id: id })) as D | null));
    const loaded = Array.isArray(selected)
      ? await Promise.all(selected.map(async (id) => ({ id, doc: await load(id) })))
      : (await collection.find(selected.where as Filter<KeyedDoc>).toArray()).map((doc) => ({ id: doc._id, doc: doc as D }));
    const changes: DocumentChange<D>[] = [];
    for (const { id, doc: before } of loaded) {
      const after = projection.evolve(before, event);
      if (projection.blind || after !== before) await write(collection, id, after, projection.guard?.(event) ?? null, event.streamVersion);
      changes.push({ id, before, after });
    }
    return changes;
  };
}

async function write(collection: Collection<KeyedDoc>, id: string, after: KeyedDoc | null, guard: string | null, version: number) {
  const filter: Filter<KeyedDoc> = guard ? versionGuard(id, version, guard) : { _id: id };
  if (after === null) {
    await collection.deleteOne(filter);
    return;
  }
  const { _id, ...fields } = after;
  await collection.updateOne(filter, { $set: fields }, { upsert: true }).catch(ignoreReplay);
}

/**
 * Read models held in memory: a bulk build folds the whole log here, and unit tests check
 * projections without a database, with the very projections the worker applies.
 */
export class DocumentsInMemory {
  private readonly collections = new Map<string, Map<string, KeyedDoc>>();

  readonly apply: ApplyDocuments = async <D extends KeyedDoc, E extends DomainEvent>(projection: DocumentProjection<D, E>, event: StoredEvent) => {
    if (!handled(projection, event)) return [];
    const docs = this.docsOf(projection.collection);
    const selected = projection.select(event);
    const ids = Array.isArray(selected) ? selected : [...docs.values()].filter((d) => matches(d, selected.where)).map((d) => d._id);
    return ids.map((id) => {
      // As in the read store: a blind projection never sees what is stored.
      const before = projection.blind ? null : ((docs.get(id) as D | undefined) ?? null);
      const after = projection.evolve(before, event);
      if (after === null) docs.delete(id);
      else docs.set(id, after);
      return { id, before, after };
    });
  };

  documents<D extends KeyedDoc>(collection: string): IterableIterator<D> {
    return this.docsOf(collection).values() as IterableIterator<D>;
  }

  get<D extends KeyedDoc>(collection: string, id: string): D | null {
    return (this.docsOf(collection).get(id) as D | undefined) ?? null;
  }

  private docsOf(collection: string): Map<string, KeyedDoc> {
    let docs = this.collections.get(collection);
    if (!docs) this.collections.set(collection, (docs = new Map()));
    return docs;
  }
}

const matches = (doc: KeyedDoc, where: Partial<KeyedDoc>) =>
  Object.entries(where).every(([field, value]) => (doc as unknown as Record<string, unknown>)[field] === value);
