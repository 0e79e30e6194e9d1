import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { pool } from '@/db/client';
import { readDb, type ReadDb } from '@/db/mongo';
import { liveGenerations, readModel } from '@/server/cqrs/read-models';
import { command, newUser, type Member } from '@/server/testing/api';
import { projectAll } from '@/server/testing/projections';
import { commentOnPost } from '../commands/comment-on-post';
import { createPost } from '../commands/create-post';
import { followUser } from '../commands/follow-user';
import { likePost } from '../commands/like-post';
import { unfollowUser } from '../commands/unfollow-user';
import { getFeed } from '../queries/get-feed';
import { readFeed } from '../queries/read-feed';
import { recomputeFeed } from '../testing/recompute-feed';
import type { FeedStrategy } from '../read-models/feed-layout';
import { bulkBuildSocial } from './bulk-build';
import { WINDOW_ENTRIES } from '../read-models/feed-layout';
import { POSTS, PROFILES, TIMELINES, type PostDoc, type ProfileDoc, type TimelineDoc } from '../read-models/read-model-docs';
import { socialFeedProjector } from './social-projector';

const post = async (author: Member, text = `post ${randomUUID()}`) => {
  const res = await command(createPost, author, { text, tags: ['bulk'] });
  expect(res.status).toBe(201);
  return res.body.postId as string;
};
const follow = async (who: Member, whom: Member) => expect((await command(followUser, who, { userId: whom.actor.userId })).status).toBe(200);
const id = (c: Member) => c.actor.userId;

/** The whole feed through the real query handler (all pages, following nextCursor). */
async function wholeFeed(db: ReadDb, caller: Member): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const params = getFeed.params.parse({ limit: '50', ...(cursor ? { cursor } : {}) });
    const page = await getFeed.handle(params, { db, actor: caller.actor, now: new Date() });
    ids.push(...page.items.map((i) => i.postId));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('more than 100 pages');
}

/** The same through readFeed with an explicit strategy (the web process reads it from env). */
async function wholeFeedAs(db: ReadDb, owner: string, strategy: FeedStrategy): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const read = await readFeed(db, owner, { cursor, limit: 50, filter: {}, strategy });
    ids.push(...read.entries.map((e) => e.postId));
    if (!read.resumeAt) return ids;
    cursor = read.resumeAt;
  }
  throw new Error('more than 100 pages');
}

const client = new MongoClient(process.env.MONGODB_URL!);
afterAll(() => client.close());

describe('bulk build of the social read models', () => {
  it('gives every user the same feed as the incremental projector, for push, pull and hybrid', async () => {
    // The int tests run with SOCIAL_PULL_THRESHOLD=3 and the hybrid strategy.
    const [reader, a, b, star, late, other] = await Promise.all(Array.from({ length: 6 }, () => newUser()));
    const fans = await Promise.all([newUser(), newUser(), newUser()]);
    await post(star);
    for (const f of [...fans, reader]) await follow(f, star); // star turns pull at 3 followers
    await follow(reader, a);
    await follow(reader, b);
    await follow(other, a);
    const first = await post(a);
    await post(star);
    // Past the window: the reader's window drops its oldest entries and the floor rises.
    for (let i = 0; i < WINDOW_ENTRIES + 15; i++) await post(i % 3 ? b : a, `many ${i}`);
    await post(reader);
    for (let i = 0; i < 5; i++) await post(late);
    await follow(reader, late);
    await command(unfollowUser, fans[0], { userId: id(star) });
    await command(likePost, other, { postId: first });
    await command(commentOnPost, other, { postId: first, text: 'a comment' });
    await post(star);
    await projectAll();

    const live = await readDb();
    const users = [reader, a, b, star, late, other, ...fans];
    const expected = new Map<string, string[]>();
    for (const u of users) {
      const feed = await wholeFeed(live, u);
      expect(feed).toEqual(await recomputeFeed(id(u)));
      expected.set(id(u), feed);
    }
    expect(expected.get(id(reader))!.length).toBeGreaterThan(WINDOW_ENTRIES);
    const docsOf = async (db: ReadDb) => ({
      profiles: await Promise.all(users.map(async (u) => (await readModel<ProfileDoc>(db, PROFILES)).findOne({ _id: id(u) }))),
      post: await (await readModel<PostDoc>(db, POSTS)).findOne({ _id: first }),
      timeline: await (await readModel<TimelineDoc>(db, TIMELINES)).findOne({ _id: `${id(star)}:0` }),
    });
    const liveDocs = await docsOf(live);

    const bulk = client.db(`bulk_build_test_${randomUUID().slice(0, 8)}`);
    try {
      for (const strategy of ['hybrid', 'push', 'pull'] as const) {
        const result = await bulkBuildSocial(pool(), bulk, { strategy, threshold: 3 });
        expect(result.documents).toMatchObject({ social_posts: expect.any(Number) });
        // The alias cache is per logical name: load the bulk database's generations into it.
        await liveGenerations(bulk, socialFeedProjector.collections);
        for (const u of users) {
          const feed = strategy === 'hybrid' ? await wholeFeed(bulk, u) : await wholeFeedAs(bulk, id(u), strategy);
          expect(feed, `${strategy}: feed of user ${users.indexOf(u)}`).toEqual(expected.get(id(u)));
        }
        if (strategy === 'hybrid') {
          expect(result.pullAuthors).toBeGreaterThanOrEqual(1);
          // Profiles (counts, recent posts, the pull flip), posts (likes, comments) and timelines are the same documents.
          expect(await docsOf(bulk)).toEqual(liveDocs);
        }
      }
    } finally {
      await bulk.dropDatabase();
      await liveGenerations(live, socialFeedProjector.collections);
    }
  });
});
