import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dbFor, pool } from '@/db/client';
import { readDb } from '@/db/mongo';
import { createEvent } from '@/server/events/commands/create-event';
import { registerParticipant } from '@/server/events/commands/register-participant';
import { updateEvent } from '@/server/events/commands/update-event';
import { eventCatalogProjector } from '@/server/events/projections/event-catalog-projector';
import { EVENT_DETAILS, type EventDetailsDoc, REGISTRATIONS, REGISTRATIONS_BY_DAY, type RegistrationDoc } from '@/server/events/read-models/read-model-docs';
import { getEventDetails } from '@/server/events/queries/get-event-details';
import { command, newUser, query } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { readStream } from './event-store';
import { currentGeneration, readModel } from './read-models';
import { dropGeneration, rebuildProjection } from './rebuild-projection';

async function eventWithHistory() {
  const organizer = await newUser(['organizer']);
  const created = await command(createEvent, organizer, { title: `Rebuild ${randomUUID()}`, startsAt: inDays(9), capacity: 5 });
  const eventId: string = created.body.eventId;
  for (const attendee of await Promise.all([newUser(), newUser()])) await command(registerParticipant, attendee, { eventId });
  await command(updateEvent, organizer, { eventId, title: `Renamed ${randomUUID()}` });
  await projectAll();
  return { organizer, eventId };
}

describe('projections', () => {
  it('ignore redelivered and out-of-order events: replaying a stream backwards changes nothing', async () => {
    const { eventId } = await eventWithHistory();
    const db = await readDb();
    const details = await readModel<EventDetailsDoc>(db, EVENT_DETAILS);
    const registrations = await readModel<RegistrationDoc>(db, REGISTRATIONS);
    const before = { details: await details.findOne({ _id: eventId }), registrations: await registrations.find({ eventId }).sort({ _id: 1 }).toArray() };
    const history = await readStream(dbFor(pool()), `event-${eventId}`);
    expect(history.map((e) => e.type)).toEqual(['EventCreated', 'ParticipantRegistered', 'ParticipantRegistered', 'EventUpdated']);
    const byDay = await readModel(db, REGISTRATIONS_BY_DAY);
    const collections: Record<string, unknown> = { [EVENT_DETAILS]: details, [REGISTRATIONS]: registrations, [REGISTRATIONS_BY_DAY]: byDay };
    const store = { collection: (name: string) => collections[name] } as never;
    for (const event of [...history].reverse()) await eventCatalogProjector.apply(event, store);
    for (const event of history) await eventCatalogProjector.apply(event, store);
    expect(await details.findOne({ _id: eventId })).toEqual(before.details);
    expect(await registrations.find({ eventId }).sort({ _id: 1 }).toArray()).toEqual(before.registrations);
    expect(before.details).toMatchObject({ registeredCount: 2, version: 4 });
  });

  it('rebuild into a shadow generation, check it against the live one and swap it in while queries keep answering', async () => {
    const { eventId } = await eventWithHistory();
    const db = await readDb();
    const reader = await newUser();
    const generationBefore = await currentGeneration(db, EVENT_DETAILS);
    let done = false;
    const answers: number[] = [];
    const readers = (async () => {
      while (!done) answers.push((await query(getEventDetails, reader, { eventId })).status);
    })();
    const result = await rebuildProjection(pool(), db, eventCatalogProjector, { swap: true });
    done = true;
    await readers;
    await dropGeneration(db, result.from);

    expect(result.swapped, JSON.stringify(result.diffs)).toBe(true);
    expect(Object.values(result.diffs).map((d) => d.total)).toEqual(eventCatalogProjector.collections.map(() => 0));
    expect(result.to[EVENT_DETAILS]).toBe(generationBefore + 1);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((s) => s === 200)).toBe(true);
    await new Promise((r) => setTimeout(r, 1100)); // the alias cache lives one second
    expect(await currentGeneration(db, EVENT_DETAILS)).toBe(generationBefore + 1);
    const after = await query(getEventDetails, reader, { eventId });
    expect(after.body).toMatchObject({ registeredCount: 2, version: 4 });
  });

  it('refuses to swap a shadow that differs from the live read model', async () => {
    const { eventId } = await eventWithHistory();
    const db = await readDb();
    // Corrupt the live document: the rebuild must notice instead of hiding it.
    await (await readModel<EventDetailsDoc>(db, EVENT_DETAILS)).updateOne({ _id: eventId }, { $set: { registeredCount: 99 } });
    const result = await rebuildProjection(pool(), db, eventCatalogProjector, { swap: true });
    await dropGeneration(db, result.to);
    expect(result.swapped).toBe(false);
    expect(result.diffs[EVENT_DETAILS].different).toContain(eventId);
    // Repair it with a forced rebuild, which is how a corrupted read model is fixed.
    const repaired = await rebuildProjection(pool(), db, eventCatalogProjector, { swap: true, force: true });
    await dropGeneration(db, repaired.from);
    expect(await (await readModel<EventDetailsDoc>(db, EVENT_DETAILS)).findOne({ _id: eventId })).toMatchObject({ registeredCount: 2 });
  });
});
