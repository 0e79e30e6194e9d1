/**
 * The events bench's data, through the same command handlers as db/seed: events created by the
 * demo organizer, and users with bearer tokens. Server modules read the environment at import, so
 * they are imported here, after the stack set it.
 */
import type { BenchStack } from '../harness/stack';
import { pooled, round, sleep } from '../harness/settings';
import type { Prepared } from './requests';
import type { EventsSettings } from './settings';

export async function prepare(stack: BenchStack, cfg: EventsSettings): Promise<Prepared> {
  const { eq } = await import('drizzle-orm');
  const { dbFor, pool, users } = await import('@/db/client');
  const { loadActor } = await import('@/server/auth/authenticate');
  const { issueToken } = await import('@/server/auth/actor-from-request');
  const { handleCommand } = await import('@/server/cqrs/handle-command');
  const { createEvent } = await import('@/server/events/commands/create-event');
  const { createUserWithRoles } = await import('@/server/identity/commands/create-user');
  const { DEFAULT_ROLES } = await import('@/server/identity/domain/domain-events');

  pool().on('error', () => {}); // servers stop at the end; idle clients must not crash us
  stack.onShutdown(async () => (await import('@/server/jobs/boss')).senderBoss().then((b) => b.stop({ graceful: false, wait: true })));
  stack.onShutdown(async () => (await import('@/db/mongo')).closeReadDb());
  stack.onShutdown(() => pool().end());
  const db = dbFor(pool());
  const [org] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'organizer@demo.test'));
  if (!org) throw new Error('the seed did not create organizer@demo.test');
  const organizer = await loadActor(org.id);

  const t0 = Date.now();
  const DAY = 86_400_000;
  const eventIds: string[] = new Array(cfg.events);
  let lastToken: string | null = null;
  await pooled(cfg.events, 8, async (i) => {
    const startsAt = new Date(Date.now() + (3 + (i % 180)) * DAY + i * 60_000);
    const res = await handleCommand({
      command: createEvent.name,
      input: {
        title: `Bench event ${i}: ${['CQRS', 'PostgreSQL', 'MongoDB', 'Next.js', 'Event sourcing'][i % 5]} day`,
        description: `Load-test event number ${i}. `.repeat(6),
        venue: ['Seoul, Hall A', 'Busan, Room 2', 'Online', 'Incheon, Lab 5'][i % 4],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        capacity: 5000,
      },
      actor: organizer,
      idempotencyKey: null,
      handler: createEvent.handle,
    });
    eventIds[i] = res.body.eventId;
    lastToken = res.body.consistencyToken;
  });
  stack.say(`prepared ${cfg.events} events in ${round((Date.now() - t0) / 1000)} s`);

  // Users: half through the sign-up API (the web process hashes), half through the same command
  // handler in this process, at once: bcrypt (cost 10) is the slow part and this uses both cores.
  // Tokens are minted with the function POST /api/auth/token uses (issueToken), skipping 300 more
  // bcrypt checks; one real POST /api/auth/token is checked after.
  const t1 = Date.now();
  const benchUsers: Prepared['users'] = new Array(cfg.users);
  const indexes = Array.from({ length: cfg.users }, (_, i) => i);
  const viaApi = indexes.filter((i) => i % 2 === 0);
  const viaHandler = indexes.filter((i) => i % 2 === 1);
  const finish = async (i: number, email: string, name: string, userId: string) => {
    const { token } = await issueToken({ userId, email, name, roles: [...DEFAULT_ROLES] });
    benchUsers[i] = { userId, token };
  };
  const person = (i: number) => ({ email: `bench-user-${i}@bench.test`, name: `Bench User ${i}`, password: 'bench-password' });
  await Promise.all([
    pooled(viaApi.length, 4, async (j) => {
      const u = person(viaApi[j]);
      const res = await stack.request('POST', '/api/commands/identity/create-user', {}, u);
      if (res.status !== 201) throw new Error(`create-user ${u.email}: ${res.status} ${res.body}`);
      await finish(viaApi[j], u.email, u.name, (JSON.parse(res.body) as { userId: string }).userId);
    }),
    pooled(viaHandler.length, 4, async (j) => {
      const u = person(viaHandler[j]);
      const res = await handleCommand({
        command: 'identity/create-user',
        input: { email: u.email, name: u.name },
        actor: null,
        idempotencyKey: null,
        handler: (_input, ctx) => createUserWithRoles(ctx, { ...u, roles: [...DEFAULT_ROLES] }),
      });
      await finish(viaHandler[j], u.email, u.name, res.body.userId);
    }),
  ]);
  stack.say(`prepared ${cfg.users} users with bearer tokens in ${round((Date.now() - t1) / 1000)} s`);
  if (lastToken) await waitFresh(stack, `/api/queries/events/${eventIds[eventIds.length - 1]}`, lastToken);

  // The real token endpoint works for a bench user (the minted tokens are the same kind).
  const tokenRes = await stack.request('POST', '/api/auth/token', {}, { email: 'bench-user-0@bench.test', password: 'bench-password' });
  if (tokenRes.status !== 200) throw new Error(`POST /api/auth/token answered ${tokenRes.status}: ${tokenRes.body}`);
  return { eventIds, users: benchUsers, cursor: new Array(cfg.users).fill(0) };
}

/** Polls a query with a consistency token until the read model has caught up with it. */
async function waitFresh(stack: BenchStack, p: string, token: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const r = await stack.request('GET', p, { 'x-consistency-token': token }).catch(() => null); // overloaded: retry
    if (r?.status === 200 && r.headers['x-consistency'] === 'fresh') return;
    await sleep(500);
  }
  throw new Error(`the projection did not catch up with ${token} within 120 s`);
}

/** The projection has applied every event in the log (checked through the product's consistency token). */
export async function caughtUp(stack: BenchStack, p: Prepared): Promise<void> {
  const { pool } = await import('@/db/client');
  const { rows } = await pool().query<{ t: string; p: string }>(
    'SELECT transaction_id::text AS t, position::text AS p FROM domain_events ORDER BY transaction_id DESC, position DESC LIMIT 1',
  );
  if (rows[0]) await waitFresh(stack, `/api/queries/events/${p.eventIds[0]}`, `${rows[0].t}.${rows[0].p}`);
}
