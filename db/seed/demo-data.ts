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
    { title: 'CQRS in Practice', description: 'Commands, events and read models on a real workload.', venue: 'Seoul, Hall A', startsAt: at(7, 9), endsAt: at(7, 17), capacity: 3 },
    { title: 'PostgreSQL Internals Meetup', description: 'MVCC, snapshots and why sequences are not commit order.', venue: 'Busan, Room 2', startsAt: at(14, 18), endsAt: at(14, 21), capacity: 40 },
    { title: 'Read Models at Scale', description: 'Denormalized documents, shaped by the screens that read them.', venue: 'Online', startsAt: at(21, 10), endsAt: at(21, 12), capacity: 200 },
    { title: 'Event-Driven Workshop', description: 'Hands-on: outbox, projections, replays.', venue: 'Incheon, Lab 5', startsAt: at(30, 13), endsAt: at(30, 17), capacity: 12 },
  ];
}
