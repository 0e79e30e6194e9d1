import { notFound } from 'next/navigation';
import { cache } from 'react';
import { readDb } from '@/db/mongo';
import { AppError } from '@/server/cqrs/errors';
import { getEventDetails } from '@/server/events/queries/get-event-details';
import { eventIdParams } from '@/server/events/schemas';

/** How long an id the read store does not know yet may take to be projected (an event just created). */
const PROJECTION_GRACE_MS = 1500;
const POLL_MS = 100;

type Event = Awaited<ReturnType<typeof getEventDetails.handle>>;

/**
 * The server's check before an event page renders (issue 8, defect 7): a malformed id or an id the
 * read store does not know is the shell's 404 page with HTTP 404, never the API's "The query
 * parameters are invalid". It calls the same query definition as GET /api/queries/events/{eventId}
 * (the read store only). An event created a moment ago may not be projected yet (the organizer is
 * sent to its page at once), so an unknown id is looked up again for a short while before the 404.
 * When the read store itself fails, it answers null: the page renders and its client shows the
 * error with a Retry button. Cached per request, so the metadata and the page share one lookup.
 */
export const loadEvent = cache(async (rawId: string): Promise<Event | null> => {
  const parsed = eventIdParams.safeParse({ eventId: rawId });
  if (!parsed.success) notFound();
  const deadline = Date.now() + PROJECTION_GRACE_MS;
  for (;;) {
    try {
      const db = await readDb();
      return await getEventDetails.handle(parsed.data, { actor: null, db, now: new Date() });
    } catch (error) {
      if (!(error instanceof AppError && error.kind === 'not-found')) return null;
      if (Date.now() >= deadline) notFound();
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
});
