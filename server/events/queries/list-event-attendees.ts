import { defineQuery } from '@/server/cqrs/define';
import { invalid } from '@/server/cqrs/errors';
import { readModel } from '@/server/cqrs/read-models';
import { eventCatalogProjector } from '../projections/event-catalog-projector';
import { REGISTRATIONS, type RegistrationDoc } from '../read-models/read-model-docs';
import { attendeePage, attendeesParams } from '../schemas';
import { organizedEvent, organizerOnlyErrors } from './organized-event';

type Sort = 'registeredAt' | '-registeredAt' | 'name';

/** The sort key of an attendee row; ties are broken by user id, so paging is exact. */
const keyOf = (d: RegistrationDoc, sort: Sort) => (sort === 'name' ? d.nameLower : d.registeredAt.toISOString());

function compare(a: [string, string], b: [string, string]) {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

const encode = (sort: Sort, key: string, userId: string) => Buffer.from(JSON.stringify([sort, key, userId])).toString('base64url');

function decode(raw: string, sort: Sort): [string, string] {
  try {
    const [s, key, userId] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (s === sort && typeof key === 'string' && typeof userId === 'string') return [key, userId];
  } catch {}
  throw invalid([{ path: 'cursor', message: 'is not a cursor this API issued for this sort' }]);
}

/**
 * ListEventAttendees: who registered for an event, for its organizer only. One indexed equality
 * on eventId (and status when filtered) in the registrations read model; the rows, at most the
 * event's capacity plus its cancellations, are sorted and keyset-paged in memory, because the
 * read store sorts in memory anyway (DESIGN.md, read store limits).
 */
export const listEventAttendees = defineQuery({
  path: '/api/queries/events/{eventId}/attendees',
  summary: 'Who registered for an event (its organizer only), with status and times',
  access: 'signed-in',
  params: attendeesParams,
  output: attendeePage,
  projections: [eventCatalogProjector.name],
  errors: organizerOnlyErrors,
  async handle({ eventId, limit, cursor, status, sort }, { db, actor }) {
    await organizedEvent(db, eventId, actor);
    const after = cursor ? decode(cursor, sort) : null;
    const filter = status ? { eventId, status } : { eventId };
    const docs = await (await readModel<RegistrationDoc>(db, REGISTRATIONS)).find(filter, { projection: { title: 0, venue: 0 } }).toArray();
    const direction = sort === '-registeredAt' ? -1 : 1;
    const rows = docs
      .map((d) => ({ d, at: [keyOf(d, sort), d.userId] as [string, string] }))
      .sort((a, b) => direction * compare(a.at, b.at))
      .filter((r) => !after || direction * compare(r.at, after) > 0);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(({ d }) => ({
        userId: d.userId,
        name: d.name,
        status: d.status,
        registeredAt: d.registeredAt.toISOString(),
        cancelledAt: d.cancelledAt?.toISOString() ?? null,
      })),
      nextCursor: rows.length > limit && last ? encode(sort, last.at[0], last.at[1]) : null,
      total: docs.length,
    };
  },
});
