import { describe, expect, it } from 'vitest';
import type { ReadDb } from '@/db/mongo';
import { checkpointWatcher } from './checkpoint-watcher';

/** A read store holding one checkpoint that the test moves by hand. */
function fakeStore() {
  const at = { transactionId: 1, position: 1 };
  const db = { collection: () => ({ findOne: async () => ({ _id: 'p', ...at }) }) } as unknown as ReadDb;
  return { db: async () => db, move: () => at.position++ };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Resolves with the next tick, or 'none' if none comes within `ms`. */
const nextTick = (it: AsyncIterator<void>, ms: number) => Promise.race([it.next().then((r) => (r.done ? 'done' : 'tick')), sleep(ms).then(() => 'none')]);

describe('checkpointWatcher.changes', () => {
  it('keeps moves made while the consumer is busy as one pending tick, and loses none', async () => {
    const store = fakeStore();
    const gone = new AbortController();
    const ticks = checkpointWatcher(store.db, 'p').changes(gone.signal)[Symbol.asyncIterator]();
    expect(await nextTick(ticks, 1000)).toBe('tick'); // the first poll sees the checkpoint
    // busy: nobody waits while the checkpoint moves twice
    store.move();
    await sleep(300);
    store.move();
    await sleep(300);
    expect(await nextTick(ticks, 50)).toBe('tick');
    expect(await nextTick(ticks, 400)).toBe('none');
    gone.abort();
  });

  it('ends when the client goes away, also while it waits', async () => {
    const store = fakeStore();
    const gone = new AbortController();
    const ticks = checkpointWatcher(store.db, 'p').changes(gone.signal)[Symbol.asyncIterator]();
    await ticks.next();
    const waiting = ticks.next();
    gone.abort();
    expect(await waiting).toEqual({ done: true, value: undefined });
  });
});
