import type { Filter } from 'mongodb';
import { defineQuery } from '@/server/cqrs/define';
import { readModel } from '@/server/cqrs/read-models';
import { eventCatalogProjector } from '../projections/event-catalog-projector';
import { EVENT_DETAILS, type EventDetailsDoc } from '../projections/read-model-docs';
import { eventPage, upcomingParams } from '../schemas';
import { decodeCursor, encodeCursor } from './page-cursor';
import { toEventSummary } from './to-event-summary';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * ListUpcomingEvents: scheduled events that have not started, by start time, keyset paged.
 * `status` is the equality part (indexed, pushed down on FerretDB); the time range and the text
 * filter narrow the scheduled events, which stay few because past ones drop out of the range.
 */
export const listUpcomingEvents = defineQuery({
  path: '/api/queries/events/upcoming',
  summary: 'Upcoming events by start time, with text filter and keyset paging',
  access: 'public',
  params: upcomingParams,
  output: eventPage,
  projections: [eventCatalogProjector.name],
  errors: [{ status: 400, code: 'invalid-request', when: 'limit, cursor or q is malformed' }],
  async handle({ limit, cursor, q }, { db }) {
    const after = cursor ? decodeCursor(cursor) : null;
    const now = new Date();
    const filter: Filter<EventDetailsDoc> = { status: 'scheduled', startsAt: { $gt: now } };
    if (after) {
      filter.$or = [{ startsAt: { $gt: after.startsAt } }, { startsAt: after.startsAt, _id: { $gt: after.id } }];
    }
    if (q) filter.search = { $regex: escapeRegex(q.toLowerCase()) };
    const docs = await (await readModel<EventDetailsDoc>(db, EVENT_DETAILS))
      .find(filter)
      .sort({ startsAt: 1, _id: 1 })
      .limit(limit + 1)
      .toArray();
    const items = docs.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toEventSummary),
      nextCursor: docs.length > limit && last ? encodeCursor({ startsAt: last.startsAt, id: last._id }) : null,
    };
  },
});
