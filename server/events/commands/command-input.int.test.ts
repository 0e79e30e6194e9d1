import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandDefinition } from '@/server/cqrs/define';
import { type Caller, command, expectProblem, invalidRequest, newUser } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { cancelRegistration } from './cancel-registration';
import { createEvent } from './create-event';
import { deleteEvent } from './delete-event';
import { registerParticipant } from './register-participant';
import { updateEvent } from './update-event';

/**
 * The events commands' field rules: bad input is an RFC 9457 problem naming the bad field, never a
 * 500. One table; each row is one request by an organizer (who may call every command). What every
 * command refuses alike (bodies, content types, NUL characters, unknown fields, Idempotency-Keys)
 * is the contract suite's (server/testing/contract-suite.int.test.ts).
 */
let organizer: Caller;
beforeAll(async () => {
  organizer = await newUser(['organizer']);
});

interface Case {
  label: string;
  def: CommandDefinition<any, any>;
  body: unknown;
  status: number;
  code: string;
  /** The fields `errors[].path` must name. */
  paths?: string[];
}

const eventIdCommands = [updateEvent, deleteEvent, registerParticipant, cancelRegistration];
const validCreate = { title: 'Valid', startsAt: inDays(5), capacity: 10 };
const bad = (label: string, def: Case['def'], body: unknown, path: string): Case => ({ label: `${def.name}: ${label}`, def, body, ...invalidRequest(path) });
const rule = (label: string, def: Case['def'], body: unknown, code: string): Case => ({ label: `${def.name}: ${label}`, def, body, status: 409, code });

const cases: Case[] = [
  // create-event fields
  bad('title missing', createEvent, { startsAt: inDays(5), capacity: 10 }, 'title'),
  bad('title a number', createEvent, { ...validCreate, title: 42 }, 'title'),
  bad('title blank', createEvent, { ...validCreate, title: '   ' }, 'title'),
  bad('title over 200 characters', createEvent, { ...validCreate, title: 'x'.repeat(201) }, 'title'),
  bad('description over 5000 characters', createEvent, { ...validCreate, description: 'd'.repeat(5001) }, 'description'),
  bad('description not a string', createEvent, { ...validCreate, description: ['a'] }, 'description'),
  bad('venue over 200 characters', createEvent, { ...validCreate, venue: 'v'.repeat(201) }, 'venue'),
  bad('startsAt missing', createEvent, { title: 'x', capacity: 10 }, 'startsAt'),
  bad('startsAt not a date', createEvent, { ...validCreate, startsAt: 'next tuesday' }, 'startsAt'),
  bad('startsAt without a time zone', createEvent, { ...validCreate, startsAt: '2099-05-01T18:00:00' }, 'startsAt'),
  bad('startsAt a date only', createEvent, { ...validCreate, startsAt: '2099-05-01' }, 'startsAt'),
  bad('startsAt a number', createEvent, { ...validCreate, startsAt: 4_102_444_800_000 }, 'startsAt'),
  bad('endsAt not a date', createEvent, { ...validCreate, endsAt: 'soon' }, 'endsAt'),
  bad('capacity missing', createEvent, { title: 'x', startsAt: inDays(5) }, 'capacity'),
  bad('capacity 0', createEvent, { ...validCreate, capacity: 0 }, 'capacity'),
  bad('capacity 1.5', createEvent, { ...validCreate, capacity: 1.5 }, 'capacity'),
  bad('capacity 100001', createEvent, { ...validCreate, capacity: 100_001 }, 'capacity'),
  bad('capacity a string', createEvent, { ...validCreate, capacity: '10' }, 'capacity'),
  bad('capacity null', createEvent, { ...validCreate, capacity: null }, 'capacity'),
  // the organizer is the caller, never a field (the contract suite covers unknown fields in general)
  bad('an organizer chosen by the client', createEvent, { ...validCreate, organizerId: randomUUID() }, 'organizerId'),
  rule('endsAt before startsAt', createEvent, { ...validCreate, startsAt: inDays(5, 18), endsAt: inDays(5, 17) }, 'ends-before-start'),
  rule('endsAt equal to startsAt', createEvent, { ...validCreate, startsAt: inDays(5, 18), endsAt: inDays(5, 18) }, 'ends-before-start'),
  rule('startsAt in the past', createEvent, { ...validCreate, startsAt: '2020-01-01T10:00:00Z' }, 'starts-in-past'),

  // update-event fields (the event id is unknown: validation comes first)
  bad('expectedVersion 0', updateEvent, { eventId: randomUUID(), expectedVersion: 0 }, 'expectedVersion'),
  bad('expectedVersion a string', updateEvent, { eventId: randomUUID(), expectedVersion: '2' }, 'expectedVersion'),
  bad('expectedVersion 1.5', updateEvent, { eventId: randomUUID(), expectedVersion: 1.5 }, 'expectedVersion'),
  bad('title over 200 characters', updateEvent, { eventId: randomUUID(), title: 't'.repeat(201) }, 'title'),
  bad('title empty', updateEvent, { eventId: randomUUID(), title: '' }, 'title'),
  bad('description over 5000 characters', updateEvent, { eventId: randomUUID(), description: 'd'.repeat(5001) }, 'description'),
  bad('startsAt not a date', updateEvent, { eventId: randomUUID(), startsAt: '31/12/2099' }, 'startsAt'),
  bad('capacity 0', updateEvent, { eventId: randomUUID(), capacity: 0 }, 'capacity'),
  bad('capacity 1.5', updateEvent, { eventId: randomUUID(), capacity: 1.5 }, 'capacity'),
  bad('capacity 100001', updateEvent, { eventId: randomUUID(), capacity: 100_001 }, 'capacity'),
  bad('a field that cannot change', updateEvent, { eventId: randomUUID(), organizer: 'me' }, 'organizer'),

  // the event id, for every command that takes one
  ...eventIdCommands.flatMap((def) => [
    bad('eventId missing', def, {}, 'eventId'),
    bad('eventId malformed', def, { eventId: 'not-a-uuid' }, 'eventId'),
    bad('eventId a number', def, { eventId: 42 }, 'eventId'),
    bad('eventId null', def, { eventId: null }, 'eventId'),
    bad('eventId a UUID with an extra character', def, { eventId: `${randomUUID()}0` }, 'eventId'),
    { label: `${def.name}: eventId unknown`, def, body: { eventId: randomUUID() }, status: 404, code: 'not-found' },
  ]),
  // a caller acts for themself only
  ...[deleteEvent, registerParticipant, cancelRegistration].map((def) =>
    bad('a user chosen by the client', def, { eventId: randomUUID(), userId: randomUUID() }, 'userId'),
  ),
];

describe('events commands refuse bad input with problem+json', () => {
  it.each(cases)('$label → $status $code', async (c) => {
    expectProblem(await command(c.def, organizer, c.body), c);
  });

  it('names every bad field at once', async () => {
    const res = await command(createEvent, organizer, { title: 5, startsAt: 'x', capacity: 0 });
    expectProblem(res, { status: 400, code: 'invalid-request' });
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['capacity', 'startsAt', 'title']);
  });

  it('names nested paths and says what is wrong', async () => {
    const res = await command(createEvent, organizer, { ...validCreate, title: 'x'.repeat(201) });
    expect(res.body.errors).toEqual([{ path: 'title', message: 'must be at most 200 characters' }]);
  });
});
