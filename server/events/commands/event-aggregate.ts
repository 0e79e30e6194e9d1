import { and, eq } from 'drizzle-orm';
import { events, registrations, type Db } from '@/db/client';
import { defineAggregate, type RowWriter } from '@/server/cqrs/aggregate';
import { eventDecider, type EventDecisionState, type EventState } from '../domain/event-decider';
import { eventStreamId, type EventsDomainEvent } from '../domain/domain-events';

/** An event, and for registration commands the participant whose seat is in question. */
export interface EventKey {
  eventId: string;
  participantId?: string;
}

/**
 * Loads an event's state with its row lock (FOR UPDATE): the first write-lock of every events
 * command, which serializes commands per event and orders their events for projectors.
 */
async function lockEvent(tx: Db, eventId: string): Promise<EventState | null> {
  const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
  if (!row) return null;
  const { id, startsAt, endsAt, ...rest } = row;
  return { ...rest, eventId: id, startsAt: startsAt.toISOString(), endsAt: endsAt?.toISOString() ?? null };
}

async function activeRegistration(tx: Db, eventId: string, userId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId), eq(registrations.status, 'registered')));
  return row?.id ?? null;
}

/** Writes the event row as the decider's events left it (its counts and version included). */
const saveEvent: RowWriter<EventsDomainEvent, EventDecisionState> = async (tx, _event, { event }) => {
  if (!event) return;
  const { eventId, startsAt, endsAt, ...rest } = event;
  const row = { ...rest, id: eventId, startsAt: new Date(startsAt), endsAt: endsAt ? new Date(endsAt) : null };
  await tx.insert(events).values(row).onConflictDoUpdate({ target: events.id, set: row });
};

/** The event aggregate: one row per event (capacity and count under its lock) plus its registrations. */
export const eventAggregate = defineAggregate({
  decider: eventDecider,
  async load(tx, { eventId, participantId }: EventKey): Promise<EventDecisionState> {
    const event = await lockEvent(tx, eventId);
    if (!event || !participantId) return { event };
    return { event, participant: { userId: participantId, registrationId: await activeRegistration(tx, eventId, participantId) } };
  },
  stream: ({ eventId }, { event }) => ({ id: eventStreamId(eventId), version: event?.version ?? 0 }),
  persist: {
    EventCreated: saveEvent,
    EventUpdated: saveEvent,
    EventDeleted: saveEvent,
    async ParticipantRegistered(tx, e, after) {
      await saveEvent(tx, e, after, new Date(e.data.registeredAt));
      const { registrationId, eventId, userId, registeredAt } = e.data;
      await tx.insert(registrations).values({ id: registrationId, eventId, userId, status: 'registered', registeredAt: new Date(registeredAt) });
    },
    async RegistrationCancelled(tx, e, after) {
      await saveEvent(tx, e, after, new Date(e.data.cancelledAt));
      await tx
        .update(registrations)
        .set({ status: 'cancelled', cancelledAt: new Date(e.data.cancelledAt) })
        .where(eq(registrations.id, e.data.registrationId));
    },
  },
});
