import type { Collection, Filter } from 'mongodb';
import { defineQuery } from '@/server/cqrs/define';
import { readModel } from '@/server/cqrs/read-models';
import { eventCatalogProjector } from '../projections/event-catalog-projector';
import { EVENT_DETAILS, monthOf, type EventDetailsDoc } from '../read-models/read-model-docs';
import { eventPage, upcomingParams } from '../schemas';
import { decodeCursor, encodeCursor, type PageCursor } from './page-cursor';
import { toEventSummary } from './to-event-summary';

/** Months read one bucket at a time; events further out come from one last range query. */
const MONTH_BUCKETS = 24;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * ListUpcomingEvents: scheduled events that have not started, by start time, keyset paged.
 * The read store pushes down only equality, so the query walks month buckets: each step is the
 * indexed equality {status, month}, and only that month's events are range-filtered and sorted in
 * memory. A page usually costs one or two small lookups, however many events lie further ahead.
 */
export const listUpcomingEvents = defineQuery({
  path: '/api/queries/events/upcoming',
  summary: 'Upcoming events by start time, with text filter and keyset paging',
  access: 'public',
  params: upcomingParams,
  output: eventPage,
  projections: [eventCatalogProjector.name],
  errors: [{ status: 400, code: 'invalid-request', when: 'limit, cursor or q is malformed' }],
  async handle({ limit, cursor, q }, { db, now }) {
    const after = cursor ? decodeCursor(cursor) : null;
    const from: PageCursor = after && after.startsAt > now ? after : { startsAt: now, id: '' };
    const collection = await readModel<EventDetailsDoc>(db, EVENT_DETAILS);
    const docs: EventDetailsDoc[] = [];
    let month = monthOf(from.startsAt);
    for (let i = 0; i < MONTH_BUCKETS && docs.length <= limit; i++, month = nextMonth(month)) {
      docs.push(...(await page(collection, { status: 'scheduled', month }, from, q, limit + 1 - docs.length)));
    }
    if (docs.length <= limit) {
      const beyond: Filter<EventDetailsDoc> = { status: 'scheduled', startsAt: { $gte: new Date(`${month}-01T00:00:00Z`) } };
      docs.push(...(await page(collection, beyond, from, q, limit + 1 - docs.length)));
    }
    const items = docs.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toEventSummary),
      nextCursor: docs.length > limit && last ? encodeCursor({ startsAt: last.startsAt, id: last._id }) : null,
    };
  },
});

/** Events of one bucket after the cursor, in (startsAt, _id) order. */
function page(collection: Collection<EventDetailsDoc>, bucket: Filter<EventDetailsDoc>, after: PageCursor, q: string | undefined, limit: number) {
  const filter: Filter<EventDetailsDoc> = {
    ...bucket,
    $or: [{ startsAt: { $gt: after.startsAt } }, { startsAt: after.startsAt, _id: { $gt: after.id } }],
  };
  if (q) filter.search = { $regex: escapeRegex(q.toLowerCase()) };
  return collection.find(filter).sort({ startsAt: 1, _id: 1 }).limit(limit).toArray();
}
