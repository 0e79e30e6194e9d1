import type { MyRegistration, OrganizedEvent } from '@/components/api/event-types';

/** The attendee's registrations still ahead, soonest first. */
export function upcomingRegistrations(items: MyRegistration[], now: number): MyRegistration[] {
  return items.filter((r) => r.status === 'registered' && Date.parse(r.startsAt) >= now).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

export type OrganizerFigures = {
  /** Events not deleted and not yet started. */
  upcoming: number;
  /** Every live event, past ones included. */
  total: number;
  /** Seats taken across the live events. */
  registrations: number;
  next: (OrganizedEvent & { fillRate: number }) | null;
};

/** An organizer's figures from their events list: counts, seats taken and the next event's fill rate. */
export function organizerFigures(items: OrganizedEvent[], now: number): OrganizerFigures {
  const live = items.filter((e) => e.status !== 'deleted');
  const ahead = live.filter((e) => Date.parse(e.startsAt) >= now).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const next = ahead[0];
  return {
    upcoming: ahead.length,
    total: live.length,
    registrations: live.reduce((sum, e) => sum + e.registeredCount, 0),
    next: next ? { ...next, fillRate: next.capacity > 0 ? next.registeredCount / next.capacity : 0 } : null,
  };
}
