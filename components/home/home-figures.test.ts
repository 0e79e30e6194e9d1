import { describe, expect, it } from 'vitest';
import type { MyRegistration, OrganizedEvent } from '@/components/api/event-types';
import { organizerFigures, upcomingRegistrations } from './home-figures';

const NOW = Date.parse('2031-01-10T12:00:00Z');

const reg = (eventId: string, startsAt: string, status: MyRegistration['status'] = 'registered'): MyRegistration =>
  ({ eventId, title: eventId, venue: '', startsAt, status, registeredAt: '2031-01-01T00:00:00Z' }) as MyRegistration;

const ev = (eventId: string, startsAt: string, registeredCount: number, capacity: number, status: OrganizedEvent['status'] = 'scheduled'): OrganizedEvent =>
  ({ eventId, title: eventId, venue: '', startsAt, endsAt: null, capacity, registeredCount, seatsLeft: capacity - registeredCount, status }) as OrganizedEvent;

describe('home figures', () => {
  it('keeps registrations still ahead and still held, soonest first', () => {
    const items = [
      reg('later', '2031-02-01T10:00:00Z'),
      reg('past', '2031-01-01T10:00:00Z'),
      reg('cancelled', '2031-01-11T10:00:00Z', 'cancelled'),
      reg('soon', '2031-01-12T10:00:00Z'),
    ];
    expect(upcomingRegistrations(items, NOW).map((r) => r.eventId)).toEqual(['soon', 'later']);
  });

  it('counts live events and seats, and fills the next event', () => {
    const f = organizerFigures(
      [ev('past', '2031-01-01T10:00:00Z', 5, 10), ev('next', '2031-01-11T10:00:00Z', 3, 4), ev('gone', '2031-01-10T13:00:00Z', 9, 9, 'deleted')],
      NOW,
    );
    expect(f).toMatchObject({ upcoming: 1, total: 2, registrations: 8 });
    expect(f.next?.eventId).toBe('next');
    expect(f.next?.fillRate).toBe(0.75);
  });
});
