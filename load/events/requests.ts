/** The requests the events scenarios send: reads of the catalog and registrations that never repeat a pair. */
import type { RequestSpec } from '../harness/open-loop';

export interface Prepared {
  eventIds: string[];
  users: { userId: string; token: string }[];
  /** Per user, how many of its distinct events it has used: registration pairs never repeat. */
  cursor: number[];
}

/** Next registration for user `u`: an event it has never registered for. */
function nextRegistration(p: Prepared, u: number): RequestSpec {
  const k = p.cursor[u]++;
  if (k >= p.eventIds.length) throw new Error(`user ${u} ran out of distinct events`);
  const eventId = p.eventIds[(u + k) % p.eventIds.length];
  return {
    method: 'POST',
    path: '/api/commands/events/register-participant',
    headers: { authorization: `Bearer ${p.users[u].token}` },
    body: JSON.stringify({ eventId }),
    tag: 'register',
  };
}

export function registrations(p: Prepared, count: number, userPool: number): RequestSpec[] {
  return Array.from({ length: count }, (_, i) => nextRegistration(p, i % Math.min(userPool, p.users.length)));
}

/**
 * Deterministic mix: every 1/share-th request is the upcoming list, the rest details of events
 * spread over all of them (a fixed pseudo-random walk). `prefix`: the CQRS or the CRUD baseline routes.
 */
export function readRequests(p: Prepared, count: number, upcomingShare: number, prefix: string): RequestSpec[] {
  const every = upcomingShare > 0 ? Math.round(1 / upcomingShare) : Infinity;
  let x = 12345;
  return Array.from({ length: count }, (_, i) => {
    if (i % every === every - 1) return { method: 'GET', path: `${prefix}/upcoming`, tag: 'upcoming' };
    x = (x * 1103515245 + 12345) % 2147483648;
    return { method: 'GET', path: `${prefix}/${p.eventIds[x % p.eventIds.length]}`, tag: 'details' };
  });
}

export const CQRS = '/api/queries/events';
export const CRUD = '/api/baseline/events';
