import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@/server/events/commands/create-event';
import { deleteEvent } from '@/server/events/commands/delete-event';
import { anonymous, command, newUser, query, type Member } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { listUpcomingEvents } from './list-upcoming-events';

let organizer: Member;
beforeAll(async () => {
  organizer = await newUser(['organizer']);
});

/** A word no other test's data contains: every search below is scoped to this test's events. */
const uniqueWord = () => `w${randomUUID().replaceAll('-', '')}`;
async function newEvent(input: { title: string; startsAt: string; venue?: string; description?: string }) {
  const res = await command(createEvent, organizer, { capacity: 10, ...input });
  expect(res.status).toBe(201);
  return res.body.eventId as string;
}
const upcoming = (params: Record<string, string>) => query(listUpcomingEvents, anonymous, params);
const ids = (items: { eventId: string }[]) => items.map((i) => i.eventId);

/** Follows nextCursor to the end; fails on a loop. */
async function allPages(params: Record<string, string>) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const res = await upcoming({ ...params, ...(cursor ? { cursor } : {}) });
    expect(res.status).toBe(200);
    pages.push(ids(res.body.items));
    cursor = res.body.nextCursor;
    expect(pages.length).toBeLessThan(20);
  } while (cursor);
  return pages;
}

describe('upcoming events', () => {
  it('pages by keyset: every matching event exactly once, in start order, ties broken by id', async () => {
    const word = uniqueWord();
    // three events at day 30 and two at day 31: the cursor must split ties correctly
    const days = [30, 30, 31, 29, 31, 30, 32];
    const created = [];
    for (const [i, day] of days.entries())
      created.push({ eventId: await newEvent({ title: `Paging ${word} #${i}`, startsAt: inDays(day) }), startsAt: inDays(day) });
    await projectAll();

    const expected = [...created].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.eventId.localeCompare(b.eventId)).map((e) => e.eventId);
    const pages = await allPages({ q: word, limit: '3' });
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(expected);
  });

  it('pages across month buckets and finds events beyond the bucketed horizon, in order', async () => {
    const word = uniqueWord();
    // 10 days (this or next month), 75 and 140 days (later buckets), 1,000 days (beyond 24 months)
    const days = [1000, 140, 10, 75];
    const created = [];
    for (const day of days) created.push({ eventId: await newEvent({ title: `Far ${word}`, startsAt: inDays(day) }), day });
    await projectAll();
    const expected = [...created].sort((a, b) => a.day - b.day).map((e) => e.eventId);
    expect((await allPages({ q: word, limit: '1' })).flat()).toEqual(expected);
    expect((await allPages({ q: word, limit: '3' })).flat()).toEqual(expected);
  });

  it('answers a page that ends exactly at the last match with no next cursor', async () => {
    const word = uniqueWord();
    for (const day of [40, 41]) await newEvent({ title: `Exact ${word}`, startsAt: inDays(day) });
    await projectAll();
    const res = await upcoming({ q: word, limit: '2' });
    expect(res.body.items).toHaveLength(2);
    expect(res.body.nextCursor).toBeNull();
  });

  it('matches the text in title, venue or description, case-insensitively, and skips deleted events', async () => {
    const word = uniqueWord();
    const inTitle = await newEvent({ title: `Title ${word.toUpperCase()}`, startsAt: inDays(11) });
    const inVenue = await newEvent({ title: 'Plain', venue: `Hall ${word}`, startsAt: inDays(12) });
    const inDescription = await newEvent({ title: 'Plain', description: `About ${word} and more`, startsAt: inDays(13) });
    const removed = await newEvent({ title: `Gone ${word}`, startsAt: inDays(14) });
    await newEvent({ title: `Unrelated ${uniqueWord()}`, startsAt: inDays(11) });
    await command(deleteEvent, organizer, { eventId: removed });
    await projectAll();

    const mixedCase = word.slice(0, 10).toUpperCase() + word.slice(10);
    expect(ids((await upcoming({ q: `  ${mixedCase}  ` })).body.items)).toEqual([inTitle, inVenue, inDescription]);
  });

  it('shows each item as a summary with seats left and the organizer', async () => {
    const word = uniqueWord();
    const eventId = await newEvent({ title: `Summary ${word}`, venue: 'Atrium', startsAt: inDays(7) });
    await projectAll();
    const { body } = await upcoming({ q: word });
    expect(body).toEqual({
      items: [
        {
          eventId,
          title: `Summary ${word}`,
          venue: 'Atrium',
          startsAt: inDays(7),
          endsAt: null,
          capacity: 10,
          registeredCount: 0,
          seatsLeft: 10,
          organizer: { userId: organizer.actor.userId, name: organizer.actor.name },
          status: 'scheduled',
        },
      ],
      nextCursor: null,
    });
  });

  it('treats regular-expression characters in q as text', async () => {
    const word = uniqueWord();
    const eventId = await newEvent({ title: `Regex ${word} (a+b)*`, startsAt: inDays(9) });
    await projectAll();
    expect(ids((await upcoming({ q: `${word} (a+b)*` })).body.items)).toEqual([eventId]);
    expect((await upcoming({ q: `${word}.*` })).body.items).toEqual([]);
  });

  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['limit 0', { limit: '0' }, 'limit'],
    ['limit 101', { limit: '101' }, 'limit'],
    ['limit not a number', { limit: 'ten' }, 'limit'],
    ['limit 1.5', { limit: '1.5' }, 'limit'],
    ['a cursor that is not base64 JSON', { cursor: 'garbage!' }, 'cursor'],
    ['a cursor of the wrong shape', { cursor: cursorOf({ startsAt: '2030-01-01' }) }, 'cursor'],
    ['a cursor with a bad date', { cursor: cursorOf(['not a date', randomUUID()]) }, 'cursor'],
    ['a cursor over 200 characters', { cursor: 'a'.repeat(201) }, 'cursor'],
    ['q over 100 characters', { q: 'q'.repeat(101) }, 'q'],
  ])('refuses %s with 400 naming the parameter', async (_label, params, path) => {
    const res = await upcoming(params);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.code).toBe('invalid-request');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});
