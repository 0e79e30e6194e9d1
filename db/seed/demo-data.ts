/**
 * The demo data: accounts (listed in the README), events over the next three months with their
 * registrations, and a social graph with a few weeks of posts, likes and comments. Everything is
 * relative to "now" and drawn from a fixed pseudo-random sequence, so every seed looks the same.
 * index.ts plays it through the command handlers with a clock set to each action's time.
 */
export const DEMO_PASSWORD = 'demo-password';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** The four original accounts come first and stay exactly as they were (e2e and the README use them). */
export const demoUsers = [
  { email: 'organizer@demo.test', name: 'Olivia Organizer', roles: ['organizer', 'attendee'] },
  { email: 'attendee1@demo.test', name: 'Ari Attendee', roles: ['attendee'] },
  { email: 'attendee2@demo.test', name: 'Bo Attendee', roles: ['attendee'] },
  { email: 'attendee3@demo.test', name: 'Cy Attendee', roles: ['attendee'] },
  { email: 'admin@demo.test', name: 'Ada Admin', roles: ['admin', 'attendee'] },
  { email: 'organizer2@demo.test', name: 'Priya Planner', roles: ['organizer', 'attendee'] },
  ...[
    'Mina Kim',
    'Jae Park',
    'Sofia Rossi',
    'Lukas Weber',
    'Amara Okafor',
    'Hiro Tanaka',
    'Lena Fischer',
    'Diego Alvarez',
    'Noor Haddad',
    'Tom Becker',
    'Yuna Choi',
    'Ines Costa',
    'Kofi Mensah',
    'Elif Yilmaz',
    'Marta Nowak',
    'Ravi Shah',
    'Chloe Martin',
    'Jun Seo',
    'Ada Lee',
    'Grace Lindqvist',
    'Omar Farouk',
    'Felix Braun',
    'Sam Lee',
  ].map((name) => ({ email: `${name.toLowerCase().replace(' ', '.')}@demo.test`, name, roles: ['attendee'] })),
  // A namesake: the people directory tells the two Sam Lees apart by their email.
  { email: 'samuel.lee@demo.test', name: 'Sam Lee', roles: ['attendee'] },
];

export const ORGANIZER = 'organizer@demo.test';
export const ORGANIZER2 = 'organizer2@demo.test';
/** The accounts whose story the README tells: they only do what it says. */
const SCRIPTED = new Set(['organizer@demo.test', 'attendee1@demo.test', 'attendee2@demo.test', 'attendee3@demo.test']);
/** Members who post a lot and whom many follow. */
const POPULAR = ['organizer@demo.test', 'hiro.tanaka@demo.test', 'organizer2@demo.test', 'amara.okafor@demo.test'];

/** A small deterministic generator (mulberry32): the same demo every time. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, sample };
}

export interface DemoEvent {
  organizer: string;
  /** When it was created (the command's clock). */
  createdAt: Date;
  input: { title: string; description: string; venue: string; startsAt: string; endsAt: string; capacity: number };
  registrations: { email: string; at: Date; cancelledAt?: Date }[];
  /** Deleted by its organizer at this time, after its registrations. */
  deletedAt?: Date;
}

const TOPICS = [
  ['Event Sourcing', 'Rebuilding state from the log, and when not to.'],
  ['PostgreSQL Internals', 'MVCC, snapshots and why sequences are not commit order.'],
  ['Read Models at Scale', 'Denormalized documents, shaped by the screens that read them.'],
  ['Domain-Driven Design', 'Bounded contexts, aggregates and the language of the business.'],
  ['TypeScript in Production', 'Types at the edges, plain data inside.'],
  ['Observability', 'Lag, queues and dead letters: what to watch and why.'],
  ['Feeds and Fan-out', 'Push, pull and the hybrid in between.'],
  ['Testing Distributed Systems', 'Killing workers on purpose and comparing replays.'],
  ['Accessible Dashboards', 'Keyboard, screen readers and tables that fit a phone.'],
  ['Kafka vs. Postgres Queues', 'Do you need a broker? Numbers from a 2-core box.'],
  ['Serverless Data', 'Cold starts, connection pools and read replicas.'],
  ['Product Analytics', 'From events to answers without a data team.'],
  ['Rust for Web Services', 'Where it pays off, and where TypeScript is enough.'],
  ['Design Systems', 'Radix primitives, tokens and dark mode.'],
] as const;
const FORMATS = ['Meetup', 'Workshop', 'Conference Day', 'Study Group', 'Office Hours', 'Hack Night'] as const;
const VENUES = [
  'Seoul, Hall A',
  'Seoul, Gangnam Hub',
  'Busan, Room 2',
  'Busan, Centum Lab',
  'Berlin, Kreuzberg Loft',
  'Berlin, Factory Campus',
  'Lisbon, LX Studio',
  'Online',
] as const;
const CAPACITIES = [10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200] as const;

/**
 * About 40 events over the next three months, created three to five weeks ago by the two
 * organizers. "CQRS in Practice" is as it always was (3 seats, Bo and Cy hold two); among the rest
 * some are full, some nearly, a few registrations are cancelled and one event is deleted.
 */
export function demoEvents(now: Date, members: readonly string[]): DemoEvent[] {
  const r = random(8);
  const at = (days: number, hour: number) => {
    const d = new Date(now.getTime() + days * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  const cqrs: DemoEvent = {
    organizer: ORGANIZER,
    createdAt: new Date(now.getTime() - 21 * DAY),
    input: {
      title: 'CQRS in Practice',
      description: 'Commands, events and read models on a real workload.',
      venue: 'Seoul, Hall A',
      startsAt: at(7, 9).toISOString(),
      endsAt: at(7, 17).toISOString(),
      capacity: 3,
    },
    registrations: [
      { email: 'attendee2@demo.test', at: new Date(now.getTime() - 9 * DAY - 3 * HOUR) },
      { email: 'attendee3@demo.test', at: new Date(now.getTime() - 4 * DAY - 7 * HOUR) },
    ],
  };
  const events: DemoEvent[] = [cqrs];
  const fill = ['full', 'nearly', 'busy', 'some', 'some', 'few'] as const;
  for (let i = 0; i < 39; i++) {
    const [topic, description] = TOPICS[i % TOPICS.length];
    const format = FORMATS[(i * 5 + Math.floor(i / TOPICS.length)) % FORMATS.length];
    const day = 2 + Math.round((i * 86) / 38) + r.int(0, 1);
    const hour = r.int(9, 18);
    const startsAt = at(day, hour);
    // Full and nearly full events are small: there are about 25 members to fill them.
    const capacity = i % 6 <= 1 ? r.pick([10, 12, 15, 20]) : r.pick(CAPACITIES);
    const organizer = i % 5 === 1 || i % 5 === 3 ? ORGANIZER2 : ORGANIZER;
    const createdAt = new Date(now.getTime() - r.int(22, 35) * DAY - r.int(0, 12) * HOUR);
    const pool = members.filter((m) => m !== organizer && !SCRIPTED.has(m));
    const kind = fill[i % fill.length];
    const wanted =
      kind === 'full'
        ? capacity
        : kind === 'nearly'
          ? capacity - r.int(1, 2)
          : kind === 'busy'
            ? Math.round(capacity * 0.6)
            : kind === 'some'
              ? Math.round(capacity * 0.25)
              : r.int(0, 3);
    const count = Math.min(wanted, pool.length);
    // Registrations between creation and now, more of them lately (the chart rises).
    const span = now.getTime() - createdAt.getTime() - HOUR;
    const registrations = r
      .sample(pool, count)
      .map((email) => ({ email, at: new Date(createdAt.getTime() + HOUR + Math.sqrt(r.next()) * span) }))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    events.push({
      organizer,
      createdAt,
      input: {
        title: `${topic} ${format}`,
        description: `${description} ${format === 'Workshop' || format === 'Hack Night' ? 'Bring a laptop.' : 'Talks, questions and time to meet.'}`,
        venue: VENUES[(i * 3 + r.int(0, 1)) % VENUES.length],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + r.pick([2, 3, 4, 8]) * HOUR).toISOString(),
        capacity,
      },
      registrations,
    });
  }
  // A few change their minds (seats freed a day or two later) on events that are not full.
  for (const e of events.slice(1).filter((_, i) => i % 6 === 3)) {
    const first = e.registrations[0];
    if (!first) continue;
    const cancelledAt = new Date(Math.min(first.at.getTime() + r.int(20, 60) * HOUR, now.getTime() - HOUR));
    if (cancelledAt > first.at) first.cancelledAt = cancelledAt;
  }
  // One event called off after its last registration: its standing registrations read "event deleted".
  const called = events.find((e, i) => i > 10 && e.registrations.length >= 3 && e.organizer === ORGANIZER2);
  if (called) {
    const last = Math.max(...called.registrations.map((x) => (x.cancelledAt ?? x.at).getTime()));
    called.deletedAt = new Date(Math.min(last + 2 * HOUR, now.getTime() - 60_000));
  }
  return events;
}

/** Who follows whom (by email). The README's story first: Ari follows Olivia and Bo. */
export function demoFollows(members: readonly string[]): [follower: string, followee: string][] {
  const r = random(5);
  const follows: [string, string][] = [
    ['attendee1@demo.test', 'organizer@demo.test'],
    ['attendee1@demo.test', 'attendee2@demo.test'],
    ['attendee2@demo.test', 'organizer@demo.test'],
    ['attendee3@demo.test', 'attendee1@demo.test'],
    ['organizer@demo.test', 'attendee2@demo.test'],
  ];
  const seen = new Set(follows.map(([a, b]) => `${a} ${b}`));
  const add = (a: string, b: string) => {
    if (a === b || seen.has(`${a} ${b}`) || SCRIPTED.has(a)) return;
    seen.add(`${a} ${b}`);
    follows.push([a, b]);
  };
  for (const m of members) {
    // the popular ones are followed by most members
    for (const [i, star] of POPULAR.entries()) if (r.next() < 0.85 - i * 0.12) add(m, star);
    for (const other of r.sample(members, r.int(2, 6))) add(m, other);
  }
  return follows;
}

const POST_TAGS = ['cqrs', 'postgresql', 'events', 'feeds', 'ddd', 'typescript', 'react', 'performance', 'testing', 'meetup', 'seoul', 'berlin', 'a11y'];
const OPENERS = [
  'Just finished reading about',
  'Hot take on',
  'Notes from last night on',
  'Anyone else struggling with',
  'Small win today with',
  'Question for the group about',
  'Slides are up for my talk on',
  'Three things I learned about',
  'Pairing session on',
  'Finally understood',
];
const SUBJECTS = [
  'projection lag under load',
  'why sequence order is not commit order',
  'idempotency keys for retries',
  'keyset paging instead of offsets',
  'fan-out on write for small accounts',
  'read models shaped by the screen',
  'dead-letter queues and replays',
  'optimistic locking with expected versions',
  'accessible data tables',
  'dark mode without flashes',
  'testing with a real database',
  'bounded contexts in a monolith',
  'time zones in event listings',
  'open-loop load tests',
];
const CLOSERS = [
  'Happy to share the notes.',
  'Would love to hear how you do it.',
  'More at the next meetup.',
  'Numbers in the thread.',
  'Still thinking about it.',
  '',
  'Thanks to everyone who came!',
];
const COMMENTS = [
  'Great point, thanks!',
  'We hit the same thing last month.',
  'Do you have the slides?',
  'Agreed. Measuring first changed my mind too.',
  'Interesting, how big was the dataset?',
  'See you at the meetup!',
  'This is exactly what I needed today.',
  'Could you write this up as a post?',
  'Not sure I agree, but I like the reasoning.',
];

export interface DemoPost {
  author: string;
  text: string;
  tags: string[];
  at: Date;
  likes: { email: string; at: Date }[];
  comments: { email: string; text: string; at: Date }[];
}

/** The README's original posts, the newest of the demo, in this order. */
const STORY_POSTS: { author: string; text: string; tags: string[] }[] = [
  { author: 'organizer@demo.test', text: 'Welcome to Quadrant! Registration for "CQRS in Practice" is open: only 3 seats.', tags: ['events', 'cqrs'] },
  { author: 'attendee2@demo.test', text: 'Just registered. Curious how the read side stays within a quarter second of the writes.', tags: ['cqrs'] },
  { author: 'attendee3@demo.test', text: 'Reading about snapshot xmin and why sequence order is not commit order.', tags: ['postgresql'] },
  { author: 'organizer@demo.test', text: 'Slides from last month: fan-out on write versus fan-out on read, with numbers.', tags: ['feeds', 'cqrs'] },
  { author: 'attendee2@demo.test', text: 'Hybrid feeds: push for most authors, pull for the very popular ones. Makes sense.', tags: ['feeds'] },
  { author: 'attendee1@demo.test', text: 'Hello everyone, first post here.', tags: [] },
];

/**
 * About 300 posts over the last four weeks, oldest first (the feed's order is the log's, so they
 * are written in time order), the popular members posting most; likes and comments after each.
 */
export function demoPosts(now: Date, members: readonly string[], count = 300): DemoPost[] {
  const r = random(300);
  const authors = [...members.filter((m) => !SCRIPTED.has(m)), ...POPULAR, ...POPULAR, 'attendee2@demo.test', 'attendee3@demo.test'];
  const generated = count - STORY_POSTS.length;
  const start = now.getTime() - 28 * DAY;
  const storyStart = now.getTime() - 2 * DAY;
  const posts: { author: string; text: string; tags: string[]; at: Date }[] = [];
  for (let i = 0; i < generated; i++) {
    const at = new Date(start + ((storyStart - start) * (i + r.next())) / generated);
    const closer = r.pick(CLOSERS);
    posts.push({
      author: r.pick(authors),
      text: `${r.pick(OPENERS)} ${r.pick(SUBJECTS)}.${closer ? ` ${closer}` : ''}`,
      tags: r.sample(POST_TAGS, r.int(0, 3)),
      at,
    });
  }
  for (const [i, p] of STORY_POSTS.entries()) posts.push({ ...p, at: new Date(storyStart + (i + 1) * 6 * HOUR) });
  return posts.map((p) => {
    const room = Math.max(HOUR, now.getTime() - p.at.getTime() - 60_000);
    const later = () => new Date(p.at.getTime() + 60_000 + r.next() * room);
    const fans = members.filter((m) => m !== p.author && m !== 'attendee1@demo.test');
    const likeCount = POPULAR.includes(p.author) ? r.int(3, 14) : r.int(0, 6);
    const commentCount = r.next() < 0.45 ? r.int(1, 3) : 0;
    return {
      ...p,
      likes: r.sample(fans, likeCount).map((email) => ({ email, at: later() })),
      comments: Array.from({ length: commentCount }, () => ({ email: r.pick(fans), text: r.pick(COMMENTS), at: later() })),
    };
  });
}
