import { type APIRequestContext, type Browser, expect } from '@playwright/test';
import { demoContext } from './demo-session';
import { ATTENDEE, ORGANIZER } from './sign-in';

/** Ids of real demo entities, discovered through the query API at test time (never hard-coded). */
export type DemoIds = {
  /** An upcoming event Olivia organizes, with registrations (event, edit and attendees pages). */
  eventId: string;
  /** A post in Ari's feed, and its author (a profile page). */
  postId: string;
  userId: string;
};

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

type EventRow = { eventId: string; startsAt: string; status: string; registeredCount: number; seatsLeft: number; title: string };

/** `organizer` and `attendee` are request contexts signed in as those demo users. */
export async function discoverIds(organizer: APIRequestContext, attendee: APIRequestContext): Promise<DemoIds> {
  const organized = await json<{ items: EventRow[] }>(organizer, '/api/queries/events/organized');
  const now = Date.now();
  const upcoming = organized.items.filter((e) => e.status === 'scheduled' && Date.parse(e.startsAt) > now);
  const event = upcoming.find((e) => e.registeredCount > 0) ?? upcoming[0];
  expect(event, 'the organizer has an upcoming event').toBeTruthy();

  const feed = await json<{ items: Array<{ postId: string; author: { userId: string } }> }>(attendee, '/api/queries/social/feed?limit=5');
  const post = feed.items[0];
  expect(post, "the attendee's feed has a post").toBeTruthy();
  return { eventId: event.eventId, postId: post.postId, userId: post.author.userId };
}

/** The same, signing in as the demo organizer and attendee for the look-up. */
export async function discoverDemoIds(browser: Browser): Promise<DemoIds> {
  const organizer = await demoContext(browser, ORGANIZER);
  const attendee = await demoContext(browser, ATTENDEE);
  try {
    return await discoverIds(organizer.request, attendee.request);
  } finally {
    await organizer.close();
    await attendee.close();
  }
}

/** An upcoming event with plenty of seats left (registering in it changes no other test's numbers). */
export async function roomyEvent(request: APIRequestContext): Promise<EventRow> {
  const page = await json<{ items: EventRow[] }>(request, '/api/queries/events/upcoming?limit=50');
  const candidates = page.items.filter((e) => e.status === 'scheduled' && e.seatsLeft >= 5).sort((a, b) => b.seatsLeft - a.seatsLeft);
  expect(candidates.length, 'an upcoming event with seats left').toBeGreaterThan(0);
  return candidates[0];
}
