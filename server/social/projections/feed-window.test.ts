import { describe, expect, it } from 'vitest';
import { dedupe, entryKey, KEY_PATTERN, newestFirst, PAGE_SIZE, WINDOW_ENTRIES, WINDOW_PAGES } from '../read-models/feed-layout';
import type { FeedEntry } from '../read-models/read-model-docs';
import { chunkWindow, rewindow, rollHead } from './feed-window';

const T0 = new Date('2030-01-01T00:00:00Z');
/** An entry at log place (tx, pos); the post id defaults to one per place. */
const entry = (tx: number, pos: number, authorId = 'a', postId = `p-${tx}-${pos}`): FeedEntry => ({
  key: entryKey(tx, pos),
  postId,
  authorId,
  createdAt: new Date(T0.getTime() + pos),
  tags: [],
});
/** `n` entries by `authorId` in increasing log order, starting at transaction `from`. */
const run = (n: number, authorId = 'a', from = 1): FeedEntry[] => Array.from({ length: n }, (_, i) => entry(from + i, from + i, authorId));
const keys = (entries: FeedEntry[]) => entries.map((e) => e.key);
const isNewestFirst = (entries: FeedEntry[]) => entries.every((e, i) => i === 0 || entries[i - 1].key > e.key);

/** A tiny deterministic PRNG, so the property checks are reproducible. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('entryKey', () => {
  it('is 24 digits that KEY_PATTERN accepts', () => {
    for (const [tx, pos] of [
      [0, 0],
      [1, 1],
      [123_456_789_012, 999_999_999_999],
      [42, 7],
    ]) {
      const key = entryKey(tx, pos);
      expect(key).toHaveLength(24);
      expect(key).toMatch(KEY_PATTERN);
    }
    expect(KEY_PATTERN.test(`${entryKey(1, 2)}.3`)).toBe(false);
    expect(KEY_PATTERN.test(entryKey(1, 2).slice(1))).toBe(false);
  });

  it('orders by transaction id first, whatever the positions', () => {
    // A transaction that took position 1000 first but has the older xid sorts before a newer
    // transaction's smaller position: the projector reads the log in this order.
    expect(entryKey(9, 1000) < entryKey(10, 5)).toBe(true);
    expect(entryKey(99, 1) < entryKey(100, 1)).toBe(true); // unpadded, '991' > '1001'
    expect(entryKey(2, 999_999) < entryKey(10, 1)).toBe(true);
  });

  it('orders by position inside one transaction', () => {
    expect(entryKey(7, 9) < entryKey(7, 10)).toBe(true);
    expect(entryKey(7, 10) < entryKey(7, 100)).toBe(true);
    expect(entryKey(7, 10)).toBe(entryKey(7, 10));
  });

  it('sorts like (transaction id, position) numerically over random pairs', () => {
    const rnd = prng(7);
    const pairs = Array.from({ length: 300 }, () => [Math.floor(rnd() * 1e6), Math.floor(rnd() * 1e9)] as const);
    const byNumbers = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([t, p]) => entryKey(t, p));
    const byKey = pairs.map(([t, p]) => entryKey(t, p)).sort();
    expect(byKey).toEqual(byNumbers);
  });

  it('newestFirst sorts descending by key', () => {
    const sorted = [entry(5, 1), entry(3, 9), entry(10, 2), entry(5, 0)].sort(newestFirst);
    expect(keys(sorted)).toEqual([entryKey(10, 2), entryKey(5, 1), entryKey(5, 0), entryKey(3, 9)]);
  });
});

describe('dedupe', () => {
  it('keeps one entry per post, the newest one, newest first', () => {
    const older = entry(1, 1, 'a', 'p-x');
    const newer = entry(3, 3, 'a', 'p-x');
    const other = entry(2, 2, 'b', 'p-y');
    expect(dedupe([older, other, newer])).toEqual([newer, other]);
  });

  it('does not reorder or change its input', () => {
    const input = [entry(1, 1), entry(3, 3), entry(2, 2)];
    const copy = [...input];
    expect(keys(dedupe(input))).toEqual([entryKey(3, 3), entryKey(2, 2), entryKey(1, 1)]);
    expect(input).toEqual(copy);
  });

  it('collapses exact replays (the same entry twice)', () => {
    const e = entry(4, 4);
    expect(dedupe([e, { ...e }, e])).toEqual([e]);
  });
});

describe('rollHead', () => {
  it(`leaves a head of up to ${2 * PAGE_SIZE} entries alone`, () => {
    expect(rollHead([])).toBeNull();
    expect(rollHead(run(2 * PAGE_SIZE))).toBeNull();
  });

  it('keeps the newest PAGE_SIZE and archives the rest, newest first, when the head outgrows two pages', () => {
    const items = run(2 * PAGE_SIZE + 1).reverse();
    // $addToSet keeps insertion order, not key order: hand it a rotated list
    const rolled = rollHead([...items.slice(30), ...items.slice(0, 30)])!;
    expect(rolled.keep).toHaveLength(PAGE_SIZE);
    expect(rolled.archive).toHaveLength(PAGE_SIZE + 1);
    expect(keys(rolled.keep)).toEqual(keys(items.slice(0, PAGE_SIZE)));
    expect(keys(rolled.archive)).toEqual(keys(items.slice(PAGE_SIZE)));
    expect(rolled.keep[PAGE_SIZE - 1].key > rolled.archive[0].key).toBe(true);
  });

  it('drops duplicate posts while rolling', () => {
    const items = run(2 * PAGE_SIZE + 1);
    const dupe = { ...items[0], key: entryKey(1000, 1000) }; // the same post seen again later
    const rolled = rollHead([...items, dupe])!;
    const all = [...rolled.keep, ...rolled.archive];
    expect(all).toHaveLength(2 * PAGE_SIZE + 1);
    expect(new Set(all.map((e) => e.postId)).size).toBe(all.length);
    expect(rolled.keep[0]).toEqual(dupe);
  });
});

describe('rewindow', () => {
  it('merges added entries into the window, deduped, newest first, keeping the floor', () => {
    const items = [entry(10, 10, 'a'), entry(8, 8, 'a')];
    const add = [entry(9, 9, 'b'), entry(11, 11, 'b'), entry(10, 10, 'a')];
    const next = rewindow(items, '', { add });
    expect(keys(next.items)).toEqual([entryKey(11, 11), entryKey(10, 10), entryKey(9, 9), entryKey(8, 8)]);
    expect(next.floor).toBe('');
  });

  it('removes every entry of an unfollowed author and nothing else', () => {
    const items = [entry(5, 5, 'a'), entry(4, 4, 'b'), entry(3, 3, 'a'), entry(2, 2, 'c')];
    const next = rewindow(items, '', { removeAuthor: 'a' });
    expect(next.items.map((e) => e.authorId)).toEqual(['b', 'c']);
    expect(next.floor).toBe('');
  });

  it('never lets an added entry at or below the floor in', () => {
    const floor = entryKey(5, 5);
    const next = rewindow([entry(7, 7)], floor, { add: [entry(5, 5, 'b'), entry(4, 4, 'b'), entry(6, 6, 'b')] });
    expect(keys(next.items)).toEqual([entryKey(7, 7), entryKey(6, 6)]);
    expect(next.floor).toBe(floor);
  });

  it('raiseFloor raises the floor and drops everything at or below it', () => {
    const items = run(6); // keys (1,1)..(6,6)
    const next = rewindow(items, entryKey(1, 1), { add: [entry(8, 8, 'b'), entry(4, 4, 'b', 'p-b4')], raiseFloor: entryKey(4, 4) });
    expect(next.floor).toBe(entryKey(4, 4));
    expect(keys(next.items)).toEqual([entryKey(8, 8), entryKey(6, 6), entryKey(5, 5)]);
  });

  it('raiseFloor never lowers the floor', () => {
    const floor = entryKey(6, 6);
    const next = rewindow(run(8), floor, { raiseFloor: entryKey(2, 2) });
    expect(next.floor).toBe(floor);
    expect(keys(next.items)).toEqual([entryKey(8, 8), entryKey(7, 7)]);
  });

  it(`keeps a window of exactly ${WINDOW_ENTRIES} entries without raising the floor`, () => {
    const next = rewindow(run(WINDOW_ENTRIES - 1), '', { add: [entry(5000, 5000, 'b')] });
    expect(next.items).toHaveLength(WINDOW_ENTRIES);
    expect(next.floor).toBe('');
  });

  it(`caps at ${WINDOW_ENTRIES}: the floor becomes the newest dropped key`, () => {
    const items = run(WINDOW_ENTRIES); // keys 1..WINDOW_ENTRIES
    const add = run(5, 'b', 10_000); // five newer entries push the five oldest out
    const next = rewindow(items, '', { add });
    expect(next.items).toHaveLength(WINDOW_ENTRIES);
    // dropped: keys 1..5; the newest of them is 5
    expect(next.floor).toBe(entryKey(5, 5));
    expect(next.items[next.items.length - 1].key).toBe(entryKey(6, 6));
    expect(next.items.every((e) => e.key > next.floor)).toBe(true);
  });

  it('caps added entries that are older than the window: they are dropped and the floor moves above them', () => {
    const items = run(WINDOW_ENTRIES, 'a', 1000); // keys 1000..
    const older = run(3, 'b', 1); // older than the whole window
    const next = rewindow(items, '', { add: older });
    expect(keys(next.items)).toEqual(keys([...items].reverse()));
    expect(next.floor).toBe(entryKey(3, 3));
  });

  it('holds exactly the kept authors\u2019 entries above the floor, newest WINDOW_ENTRIES, over random changes', () => {
    const rnd = prng(42);
    const authors = ['a', 'b', 'c', 'd'];
    // The truth: every post by every author, as a log.
    const universe: FeedEntry[] = [];
    for (let i = 1; i <= 1400; i++) universe.push(entry(i * 3 + Math.floor(rnd() * 3), i, authors[Math.floor(rnd() * authors.length)], `p${i}`));
    let followed = new Set<string>(['a']);
    let window = rewindow([], '', { add: universe.filter((e) => followed.has(e.authorId)) });
    let capped = 0;
    for (let step = 0; step < 25; step++) {
      const who = authors[Math.floor(rnd() * authors.length)];
      if (followed.has(who) && rnd() < 0.5) {
        followed = new Set([...followed].filter((a) => a !== who));
        window = rewindow(window.items, window.floor, { removeAuthor: who });
      } else {
        followed.add(who);
        window = rewindow(window.items, window.floor, { add: universe.filter((e) => e.authorId === who) });
      }
      expect(isNewestFirst(window.items)).toBe(true);
      expect(window.items.length).toBeLessThanOrEqual(WINDOW_ENTRIES);
      expect(new Set(window.items.map((e) => e.postId)).size).toBe(window.items.length);
      // the invariant: the window is exactly the followed authors' entries above the floor
      const expected = universe.filter((e) => followed.has(e.authorId) && e.key > window.floor).sort(newestFirst);
      expect(keys(window.items)).toEqual(keys(expected));
      if (window.floor) capped++;
    }
    // the walk must have hit the cap, or the floor rule went untested
    expect(capped).toBeGreaterThan(0);
  });
});

describe('chunkWindow', () => {
  it('splits newest first into a head of PAGE_SIZE and archived pages of PAGE_SIZE, the last one partial', () => {
    const items = run(3 * PAGE_SIZE + 7).reverse();
    const { head, pages } = chunkWindow(items);
    expect(keys(head)).toEqual(keys(items.slice(0, PAGE_SIZE)));
    expect(pages.map((p) => p.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 7]);
    expect(keys([...head, ...pages.flat()])).toEqual(keys(items));
  });

  it.each([
    [0, 0, []],
    [1, 1, []],
    [PAGE_SIZE, PAGE_SIZE, []],
    [PAGE_SIZE + 1, PAGE_SIZE, [1]],
    [WINDOW_ENTRIES, PAGE_SIZE, Array(WINDOW_PAGES).fill(PAGE_SIZE)],
  ])('%i entries → a head of %i and pages of %j', (n, headSize, pageSizes) => {
    const { head, pages } = chunkWindow(run(n).reverse());
    expect(head).toHaveLength(headSize);
    expect(pages.map((p) => p.length)).toEqual(pageSizes);
  });
});
