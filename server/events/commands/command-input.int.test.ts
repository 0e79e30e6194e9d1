import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandDefinition } from '@/server/cqrs/define';
import { command, newUser, type ApiResponse, type Caller } from '@/server/testing/api';
import { inDays } from '@/server/testing/future';
import { cancelRegistration } from './cancel-registration';
import { createEvent } from './create-event';
import { deleteEvent } from './delete-event';
import { registerParticipant } from './register-participant';
import { updateEvent } from './update-event';

/**
 * Bad input for every events command: the answer is an RFC 9457 problem naming the bad field,
 * never a 500. One table; each row is one request by an organizer (who may call every command).
 */
let organizer: Caller;
beforeAll(async () => {
  organizer = await newUser(['organizer']);
});

interface Case {
  label: string;
  def: CommandDefinition<any, any>;
  body: unknown;
  headers?: Record<string, string>;
  status: number;
  code: string;
  /** The field `errors[].path` must name. */
  path?: string;
}

const allCommands = [createEvent, updateEvent, deleteEvent, registerParticipant, cancelRegistration];
const eventIdCommands = [updateEvent, deleteEvent, registerParticipant, cancelRegistration];
const validCreate = { title: 'Valid', startsAt: inDays(5), capacity: 10 };
const validBody = (def: Case['def']) => (def === createEvent ? validCreate : { eventId: randomUUID() });
const bad = (label: string, def: Case['def'], body: unknown, path: string, extra: Partial<Case> = {}): Case => ({
  label: `${def.name}: ${label}`,
  def,
  body,
  status: 400,
  code: 'invalid-request',
  path,
  ...extra,
});
const rule = (label: string, def: Case['def'], body: unknown, code: string): Case => ({ label: `${def.name}: ${label}`, def, body, status: 409, code });

const cases: Case[] = [
  // transport, for every command
  ...allCommands.flatMap((def) => [
    bad('invalid JSON', def, '{"title": ', '(body)'),
    bad('wrong content-type', def, JSON.stringify(validCreate), 'Content-Type', { headers: { 'content-type': 'text/plain' } }),
    bad('an array body', def, [], '(body)'),
    bad('a null body', def, 'null', '(body)'),
    bad('a body over 64 KiB', def, { title: 'x'.repeat(70_000) }, '(body)'),
    bad('a malformed Idempotency-Key', def, validBody(def), 'Idempotency-Key', { headers: { 'idempotency-key': 'has spaces' } }),
    bad('an Idempotency-Key over 200 characters', def, validBody(def), 'Idempotency-Key', { headers: { 'idempotency-key': 'k'.repeat(201) } }),
  ]),

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
  bad('an unknown field', createEvent, { ...validCreate, organizerId: randomUUID() }, 'organizerId'),
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
  ...[deleteEvent, registerParticipant, cancelRegistration].map((def) =>
    bad('an unknown field', def, { eventId: randomUUID(), userId: randomUUID() }, 'userId'),
  ),
];

function expectProblem(res: ApiResponse, c: Pick<Case, 'status' | 'code' | 'path'>) {
  expect(res.status).toBe(c.status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body).toMatchObject({ status: c.status, code: c.code, type: expect.stringContaining(c.code), detail: expect.any(String) });
  if (c.path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(c.path);
}

describe('events commands refuse bad input with problem+json', () => {
  it.each(cases)('$label → $status $code', async (c) => {
    const res = await command(c.def, organizer, typeof c.body === 'string' ? c.body : JSON.stringify(c.body), c.headers);
    expectProblem(res, c);
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

  // PostgreSQL text cannot hold U+0000: the command route refuses it before any write.
  it.each([
    ['title', createEvent, { ...validCreate, title: 'nul\u0000byte' }],
    ['description', createEvent, { ...validCreate, description: 'nul\u0000byte' }],
    ['venue', createEvent, { ...validCreate, venue: 'nul\u0000byte' }],
  ])('refuses a NUL character in the %s with a 400, not a 500', async (field, def, body) => {
    expectProblem(await command(def, organizer, body), { status: 400, code: 'invalid-request', path: field });
  });
});
