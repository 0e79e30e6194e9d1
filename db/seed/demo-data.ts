/** Demo accounts (listed in the README) and events relative to "now" so they stay upcoming. */
export const DEMO_PASSWORD = 'demo-password';

export const demoUsers = [
  { email: 'organizer@demo.test', name: 'Olivia Organizer', roles: ['organizer', 'attendee'] },
  { email: 'attendee1@demo.test', name: 'Ari Attendee', roles: ['attendee'] },
  { email: 'attendee2@demo.test', name: 'Bo Attendee', roles: ['attendee'] },
  { email: 'attendee3@demo.test', name: 'Cy Attendee', roles: ['attendee'] },
];

const DAY = 24 * 60 * 60 * 1000;

export function demoEvents(now: Date) {
  const at = (days: number, hour: number) => {
    const d = new Date(now.getTime() + days * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    return d.toISOString();
  };
  return [
    {
      title: 'CQRS in Practice',
      description: 'Commands, events and read models on a real workload.',
      venue: 'Seoul, Hall A',
      startsAt: at(7, 9),
      endsAt: at(7, 17),
      capacity: 3,
    },
    {
      title: 'PostgreSQL Internals Meetup',
      description: 'MVCC, snapshots and why sequences are not commit order.',
      venue: 'Busan, Room 2',
      startsAt: at(14, 18),
      endsAt: at(14, 21),
      capacity: 40,
    },
    {
      title: 'Read Models at Scale',
      description: 'Denormalized documents, shaped by the screens that read them.',
      venue: 'Online',
      startsAt: at(21, 10),
      endsAt: at(21, 12),
      capacity: 200,
    },
    {
      title: 'Event-Driven Workshop',
      description: 'Hands-on: outbox, projections, replays.',
      venue: 'Incheon, Lab 5',
      startsAt: at(30, 13),
      endsAt: at(30, 17),
      capacity: 12,
    },
  ];
}

/** Social demo: who follows whom (by email) and a few posts, oldest first. */
export const demoFollows: [follower: string, followee: string][] = [
  ['attendee1@demo.test', 'organizer@demo.test'],
  ['attendee1@demo.test', 'attendee2@demo.test'],
  ['attendee2@demo.test', 'organizer@demo.test'],
  ['attendee3@demo.test', 'attendee1@demo.test'],
  ['organizer@demo.test', 'attendee2@demo.test'],
];

export const demoPosts: { author: string; text: string; tags?: string[] }[] = [
  { author: 'organizer@demo.test', text: 'Welcome to Quadrant! Registration for "CQRS in Practice" is open: only 3 seats.', tags: ['events', 'cqrs'] },
  { author: 'attendee2@demo.test', text: 'Just registered. Curious how the read side stays within a quarter second of the writes.', tags: ['cqrs'] },
  { author: 'attendee3@demo.test', text: 'Reading about snapshot xmin and why sequence order is not commit order.', tags: ['postgresql'] },
  { author: 'organizer@demo.test', text: 'Slides from last month: fan-out on write versus fan-out on read, with numbers.', tags: ['feeds', 'cqrs'] },
  { author: 'attendee2@demo.test', text: 'Hybrid feeds: push for most authors, pull for the very popular ones. Makes sense.', tags: ['feeds'] },
  { author: 'attendee1@demo.test', text: 'Hello everyone, first post here.' },
];
