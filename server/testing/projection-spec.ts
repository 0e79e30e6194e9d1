import { expect } from 'vitest';
import { type ApplyDocuments, DocumentsInMemory, type KeyedDoc } from '@/server/cqrs/document-projector';
import type { DomainEvent, StoredEvent } from '@/server/cqrs/types';

/** How a context applies its document projections to one event (the projector's pure part). */
export type DocumentStep = (apply: ApplyDocuments, event: StoredEvent) => Promise<unknown>;

/**
 * A log for tests: `append(streamId, event)` stores the event with the next global position and
 * the next version of its stream, as the event store would.
 */
export function eventLog(at = new Date('2030-01-01T00:00:00Z')) {
  let position = 0;
  const versions = new Map<string, number>();
  return function append<E extends DomainEvent>(streamId: string, event: E): StoredEvent<E> {
    const streamVersion = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, streamVersion);
    position++;
    const metadata = { actorId: null, correlationId: `c-${position}`, command: 'test', idempotencyKey: null };
    return { ...event, position, transactionId: position, streamId, streamVersion, metadata, occurredAt: at } as unknown as StoredEvent<E>;
  };
}

const byId = (docs: object[]) => ([...docs] as KeyedDoc[]).sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));

async function fold(step: DocumentStep, events: StoredEvent[], memory = new DocumentsInMemory()) {
  for (const event of events) await step(memory.apply, event);
  return memory;
}

/**
 * Events in, documents out: `projectionSpec(step).given(...events).expect({collection: docs})`
 * folds the events through the step in memory and compares every listed collection (all its
 * documents, in any order). It also re-applies every suffix of the events on top, as a worker
 * does after a crash between its writes and its checkpoint, and expects nothing to change.
 */
export function projectionSpec(step: DocumentStep) {
  return {
    given(...events: StoredEvent[]) {
      return {
        async expect(expected: Record<string, object[]>): Promise<void> {
          const snapshot = (memory: DocumentsInMemory) => Object.fromEntries(Object.keys(expected).map((c) => [c, byId([...memory.documents(c)])] as const));
          const once = snapshot(await fold(step, events));
          expect(once).toEqual(Object.fromEntries(Object.entries(expected).map(([c, docs]) => [c, byId(docs)])));
          for (let from = 0; from < events.length; from++) {
            const replayed = snapshot(await fold(step, events.slice(from), await fold(step, events)));
            expect(replayed, `replaying from event ${from + 1} (${events[from].type}) changed the documents`).toEqual(once);
          }
        },
      };
    },
  };
}
