/**
 * BENCHMARK-ONLY CRUD BASELINE, not part of the CQRS product.
 *
 * `npm run bench:events` (load/bench-events.ts) contrasts the CQRS query side (MongoDB read
 * models) with the classic design where reads hit the write tables in PostgreSQL. These handlers
 * answer the same shapes as GET /api/queries/events/{eventId} and /upcoming, straight from the
 * `events` and `users` tables with Drizzle. The routes under app/api/baseline/ answer 404 unless
 * the web process runs with QUADRANT_BASELINE=1, so the product never serves them by accident.
 * Nothing in the product may import this module.
 */
import { and, asc, eq, gt, ilike, or, type SQL } from 'drizzle-orm';
import { dbFor, events, pool, users } from '@/db/client';
import { notFound } from '@/server/cqrs/errors';
import { decodeCursor, encodeCursor } from '@/server/events/queries/page-cursor';

/** The switch: only a benchmark stack sets it. */
export const baselineEnabled = () => process.env.QUADRANT_BASELINE === '1';

const columns = {
  id: events.id,
  title: events.title,
  description: events.description,
  venue: events.venue,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  capacity: events.capacity,
  registeredCount: events.registeredCount,
  status: events.status,
  version: events.version,
  organizerId: events.organizerId,
  organizerName: users.name,
};

const selectEvents = () => dbFor(pool()).select(columns).from(events).innerJoin(users, eq(users.id, events.organizerId));
type Row = Awaited<ReturnType<typeof selectEvents>>[number];

const summary = (r: Row) => ({
  eventId: r.id,
  title: r.title,
  venue: r.venue,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt?.toISOString() ?? null,
  capacity: r.capacity,
  registeredCount: r.registeredCount,
  seatsLeft: Math.max(0, r.capacity - r.registeredCount),
  organizer: { userId: r.organizerId, name: r.organizerName },
  status: r.status,
});

/** Same answer as GetEventDetails, read from the write tables (primary-key lookup + join). */
export async function crudEventDetails(eventId: string) {
  const [row] = await selectEvents().where(eq(events.id, eventId));
  if (!row) throw notFound('Event');
  return { ...summary(row), description: row.description, version: row.version };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Same answer as ListUpcomingEvents (keyset paging, text filter), read from the write tables. */
export async function crudUpcomingEvents({ limit, cursor, q }: { limit: number; cursor?: string; q?: string }) {
  const after = cursor ? decodeCursor(cursor) : null;
  const conditions: (SQL | undefined)[] = [eq(events.status, 'scheduled'), gt(events.startsAt, new Date())];
  if (after) {
    conditions.push(or(gt(events.startsAt, after.startsAt), and(eq(events.startsAt, after.startsAt), gt(events.id, after.id))));
  }
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conditions.push(or(ilike(events.title, pattern), ilike(events.venue, pattern), ilike(events.description, pattern)));
  }
  const rows = await selectEvents()
    .where(and(...conditions))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(summary),
    nextCursor: rows.length > limit && last ? encodeCursor({ startsAt: last.startsAt, id: last.id }) : null,
  };
}
