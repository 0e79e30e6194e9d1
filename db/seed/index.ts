import { eq } from 'drizzle-orm';
import { dbFor, pool, userRoles, users } from '@/db/client';
import { loadActor } from '@/server/auth/authenticate';
import type { CommandDefinition } from '@/server/cqrs/define';
import { handleCommand } from '@/server/cqrs/handle-command';
import { createEvent } from '@/server/events/commands/create-event';
import { registerParticipant } from '@/server/events/commands/register-participant';
import { createUserWithRoles } from '@/server/identity/commands/create-user';
import { createPost } from '@/server/social/commands/create-post';
import { followUser } from '@/server/social/commands/follow-user';
import { demoEvents, demoFollows, demoPosts, demoUsers, DEMO_PASSWORD } from './demo-data';

/**
 * Loads the demo accounts and events once (skipped when the organizer exists). It goes through
 * the command handlers, so the demo data has its domain events and projections like any other.
 */
async function main() {
  const db = dbFor(pool());
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoUsers[0].email));
  if (existing) {
    console.log('seed: demo data already loaded');
    return;
  }
  const ids: Record<string, string> = {};
  for (const u of demoUsers) {
    const result = await handleCommand({
      command: 'identity/create-user',
      input: u,
      actor: null,
      idempotencyKey: null,
      handler: (input, ctx) => createUserWithRoles(ctx, { email: input.email, name: input.name, roles: input.roles, password: DEMO_PASSWORD }),
    });
    ids[u.email] = result.body.userId;
  }
  const organizer = await loadActor(ids[demoUsers[0].email]);
  const eventIds: string[] = [];
  for (const e of demoEvents(new Date())) {
    const result = await handleCommand({ command: createEvent.name, input: e, actor: organizer, idempotencyKey: null, handler: createEvent.handle });
    eventIds.push(result.body.eventId);
  }
  // A couple of registrations so the demo shows seats already taken.
  for (const email of ['attendee2@demo.test', 'attendee3@demo.test']) {
    const actor = await loadActor(ids[email]);
    await handleCommand({
      command: registerParticipant.name,
      input: { eventId: eventIds[0] },
      actor,
      idempotencyKey: null,
      handler: registerParticipant.handle,
    });
  }
  async function runAs<I, O>(definition: CommandDefinition<I, O>, email: string, input: I) {
    await handleCommand({ command: definition.name, input, actor: await loadActor(ids[email]), idempotencyKey: null, handler: definition.handle });
  }
  for (const [follower, followee] of demoFollows) await runAs(followUser, follower, { userId: ids[followee] });
  for (const p of demoPosts) await runAs(createPost, p.author, { text: p.text, tags: p.tags });
  const roles = await db.select().from(userRoles);
  console.log(
    `seed: ${demoUsers.length} users (${roles.length} roles), ${eventIds.length} events, ${demoPosts.length} posts, ${demoFollows.length} follows; password "${DEMO_PASSWORD}"`,
  );
}

main()
  .then(() => pool().end())
  .catch((err) => {
    console.error('seed failed:', err);
    process.exit(1);
  });
