import { and, eq } from 'drizzle-orm';
import { events, registrations, type Db } from '@/db/client';
import type { EventState } from '../domain/event-decider';

/**
 * Loads an event's state with a row lock (FOR UPDATE): the first write-lock of every events
 * command, which serializes commands per event and orders their events for projectors.
 */
export async function lockEvent(tx: Db, eventId: string): Promise<EventState | null> {
  const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
  if (!row) return null;
  return {
    eventId: row.id,
    organizerId: row.organizerId,
    title: row.title,
    description: row.description,
    venue: row.venue,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    capacity: row.capacity,
    registeredCount: row.registeredCount,
    status: row.status,
    version: row.version,
  };
}

/** Writes the state the decider's events evolved into. */
export async function saveEvent(tx: Db, state: EventState): Promise<void> {
  const row = {
    id: state.eventId,
    organizerId: state.organizerId,
    title: state.title,
    description: state.description,
    venue: state.venue,
    startsAt: new Date(state.startsAt),
    endsAt: state.endsAt ? new Date(state.endsAt) : null,
    capacity: state.capacity,
    registeredCount: state.registeredCount,
    status: state.status,
    version: state.version,
  };
  await tx.insert(events).values(row).onConflictDoUpdate({ target: events.id, set: row });
}

export async function activeRegistration(tx: Db, eventId: string, userId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId), eq(registrations.status, 'registered')));
  return row?.id ?? null;
}
