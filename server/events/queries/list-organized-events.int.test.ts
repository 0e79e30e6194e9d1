import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEvent } from '@/server/events/commands/create-event';
import { deleteEvent } from '@/server/events/commands/delete-event';
import { command, newUser, query } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { projectAll } from '@/server/testing/projections';
import { listOrganizedEvents } from './list-organized-events';

describe('organized events', () => {
  it('lists the caller’s own events, deleted included, latest start first', async () => {
    const [me, other] = [await newUser(['organizer']), await newUser(['organizer'])];
    const create = async (caller: typeof me, day: number) =>
      (await command(createEvent, caller, { title: `Organized ${randomUUID()}`, startsAt: inDays(day), capacity: 2 })).body.eventId as string;
    const early = await create(me, 2);
    const late = await create(me, 20);
    const removed = await create(me, 10);
    await create(other, 5);
    await command(deleteEvent, me, { eventId: removed });
    await projectAll();

    const res = await query(listOrganizedEvents, me);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { eventId: string; status: string }) => [e.eventId, e.status])).toEqual([
      [late, 'scheduled'],
      [removed, 'deleted'],
      [early, 'scheduled'],
    ]);
  });
});
