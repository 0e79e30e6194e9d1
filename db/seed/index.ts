import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { dbFor, pool, userRoles, users } from '@/db/client';
import { loadActor } from '@/server/auth/authenticate';
import type { Clock } from '@/server/cqrs/clock';
import type { CommandDefinition } from '@/server/cqrs/define';
import { forEachConcurrent } from '@/server/cqrs/for-each-concurrent';
import { handleCommand } from '@/server/cqrs/handle-command';
import type { Actor } from '@/server/cqrs/types';
import { cancelRegistration } from '@/server/events/commands/cancel-registration';
import { createEvent } from '@/server/events/commands/create-event';
import { deleteEvent } from '@/server/events/commands/delete-event';
import { registerParticipant } from '@/server/events/commands/register-participant';
import { createUserWithRoles } from '@/server/identity/commands/create-user';
import { commentOnPost } from '@/server/social/commands/comment-on-post';
import { createPost } from '@/server/social/commands/create-post';
import { followUser } from '@/server/social/commands/follow-user';
import { likePost } from '@/server/social/commands/like-post';
import { DEMO_PASSWORD, demoEvents, demoFollows, demoPosts, demoUsers } from './demo-data';

/** Commands of different aggregates run side by side; each one still takes its rows' locks. */
const PARALLEL = 8;

/** A clock stopped at one instant: the command happens "then" (events, rows and ids as on that day). */
const at = (when: Date): Clock => ({ now: () => when, newId: randomUUID });

/**
 * Loads the demo once (skipped when the organizer exists): accounts, follows, events and
 * registrations, posts, likes and comments, all through the command handlers, so they have their
 * domain events and projections like any other data. Past actions run with a clock set to their
 * time, so "registered 9 days ago" is what the log says, not a doctored row.
 */
async function main() {
  const started = performance.now();
  const db = dbFor(pool());
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoUsers[0].email));
  if (existing) {
    console.log('seed: demo data already loaded');
    return;
  }
  const now = new Date();
  const ids: Record<string, string> = {};
  const actors: Record<string, Actor> = {};
  const joined = new Date(now.getTime() - 40 * 24 * 60 * 60 * 1000);
  // One by one: the README's accounts get the first user ids in the log, in the order listed.
  for (const u of demoUsers) {
    const result = await handleCommand({
      command: 'identity/create-user',
      input: u,
      actor: null,
      idempotencyKey: null,
      clock: at(joined),
      handler: (input, ctx) => createUserWithRoles(ctx, { email: input.email, name: input.name, roles: input.roles, password: DEMO_PASSWORD }),
    });
    ids[u.email] = result.body.userId;
  }
  await forEachConcurrent(demoUsers, PARALLEL, async (u) => {
    actors[u.email] = await loadActor(ids[u.email]);
  });

  /** Runs a command as a demo account at a given time, with its input checked as the API would. */
  async function run<I, O>(definition: CommandDefinition<I, O>, email: string, input: unknown, when: Date) {
    const parsed = definition.input.parse(input);
    return handleCommand({ command: definition.name, input: parsed, actor: actors[email], idempotencyKey: null, clock: at(when), handler: definition.handle });
  }

  const members = demoUsers.map((u) => u.email);
  const follows = demoFollows(members);
  const followedAt = new Date(joined.getTime() + 60 * 60 * 1000);
  await forEachConcurrent(follows, PARALLEL, ([follower, followee]) => run(followUser, follower, { userId: ids[followee] }, followedAt));

  // Events in parallel; each event's registrations, cancellations and deletion in time order (they share its lock).
  const events = demoEvents(now, members);
  let registrations = 0;
  let cancellations = 0;
  await forEachConcurrent(events, PARALLEL, async (e) => {
    const created = await run(createEvent, e.organizer, e.input, e.createdAt);
    const eventId = (created.body as { eventId: string }).eventId;
    const steps = [
      ...e.registrations.map((r) => ({ at: r.at, go: () => run(registerParticipant, r.email, { eventId }, r.at) })),
      ...e.registrations.flatMap((r) =>
        r.cancelledAt ? [{ at: r.cancelledAt, go: () => run(cancelRegistration, r.email, { eventId }, r.cancelledAt!) }] : [],
      ),
      ...(e.deletedAt ? [{ at: e.deletedAt, go: () => run(deleteEvent, e.organizer, { eventId }, e.deletedAt!) }] : []),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const step of steps) await step.go();
    registrations += e.registrations.length;
    cancellations += e.registrations.filter((r) => r.cancelledAt).length;
  });

  // Posts one at a time, oldest first: feeds list posts in log order, which must be time order.
  const posts = demoPosts(now, members);
  const postIds: string[] = [];
  for (const p of posts) {
    const result = await run(createPost, p.author, { text: p.text, tags: p.tags }, p.at);
    postIds.push((result.body as { postId: string }).postId);
  }
  const engagement = posts.flatMap((p, i) => [
    ...p.likes.map((l) => () => run(likePost, l.email, { postId: postIds[i] }, l.at)),
    ...p.comments.map((c) => () => run(commentOnPost, c.email, { postId: postIds[i], text: c.text }, c.at)),
  ]);
  await forEachConcurrent(engagement, PARALLEL, (go) => go());

  const seededIds = Object.values(ids);
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(inArray(userRoles.userId, seededIds));
  const likes = posts.reduce((n, p) => n + p.likes.length, 0);
  const comments = posts.reduce((n, p) => n + p.comments.length, 0);
  console.log(
    `seed: ${demoUsers.length} users (${roles.length} roles), ${events.length} events (${events.filter((e) => e.deletedAt).length} deleted), ` +
      `${registrations} registrations (${cancellations} cancelled), ${follows.length} follows, ${posts.length} posts, ${likes} likes, ${comments} comments ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s; password "${DEMO_PASSWORD}"`,
  );
}

main()
  .then(() => pool().end())
  .catch((err) => {
    console.error('seed failed:', err);
    process.exit(1);
  });
