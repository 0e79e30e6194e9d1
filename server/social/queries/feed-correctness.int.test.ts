import { describe, expect, it } from 'vitest';
import { command, newUser, query, type ApiResponse, type Member } from '@/server/testing/api';
import { projectAll } from '@/server/testing/projections';
import { createPost } from '../commands/create-post';
import { followUser } from '../commands/follow-user';
import { unfollowUser } from '../commands/unfollow-user';
import { WINDOW_ENTRIES } from '../read-models/feed-layout';
import { recomputeFeed } from '../testing/recompute-feed';
import { getFeed } from './get-feed';

const post = async (author: Member, text = `post ${Math.random()}`) => {
  const res = await command(createPost, author, { text });
  expect(res.status).toBe(201);
  return res.body.postId as string;
};
const follow = async (who: Member, whom: Member) => expect((await command(followUser, who, { userId: whom.actor.userId })).status).toBe(200);
const unfollow = async (who: Member, whom: Member) => expect((await command(unfollowUser, who, { userId: whom.actor.userId })).status).toBe(200);

/** Every page of the caller's feed, following nextCursor to the end. */
async function wholeFeed(caller: Member, limit = 50): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; ; pages++) {
    expect(pages).toBeLessThan(100);
    const res: ApiResponse = await query(getFeed, caller, { limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((i: { postId: string }) => i.postId));
    cursor = res.body.nextCursor;
    if (!cursor) return ids;
  }
}

async function expectFeedMatchesWriteModel(...callers: Member[]) {
  await projectAll();
  for (const c of callers) expect(await wholeFeed(c)).toEqual(await recomputeFeed(c.actor.userId));
}

describe('feed correctness against the write model', () => {
  it('follows, unfollows and refollows keep the feed equal to a recomputation', async () => {
    const [reader, b, c, d] = await Promise.all([newUser(), newUser(), newUser(), newUser()]);
    await post(b);
    await follow(reader, b);
    await post(c);
    await post(b);
    await follow(reader, c);
    await post(reader);
    await expectFeedMatchesWriteModel(reader);
    await unfollow(reader, c);
    await post(c);
    await follow(reader, d);
    await post(d);
    await expectFeedMatchesWriteModel(reader);
    await follow(reader, c);
    await unfollow(reader, c);
    await unfollow(reader, c);
    await follow(reader, c);
    await expectFeedMatchesWriteModel(reader, b, c, d);
  });

  it('stays correct when follows and unfollows race with new posts', async () => {
    const readers = await Promise.all([newUser(), newUser(), newUser()]);
    const authors = await Promise.all([newUser(), newUser()]);
    for (const a of authors) await post(a);
    for (let round = 0; round < 4; round++) {
      await Promise.all([
        ...authors.map((a) => post(a)),
        ...readers.map((r, i) => ((round + i) % 2 === 0 ? follow(r, authors[i % 2]) : unfollow(r, authors[i % 2]))),
        ...readers.map((r) => follow(r, authors[(round + 1) % 2])),
      ]);
    }
    await expectFeedMatchesWriteModel(...readers);
  });

  it('an author past the pull threshold is merged at read time, and new followers still see them', async () => {
    // The int tests run with SOCIAL_PULL_THRESHOLD=3.
    const star = await newUser();
    const fans = await Promise.all([newUser(), newUser(), newUser(), newUser()]);
    await post(star);
    for (const f of fans) await follow(f, star);
    await post(star);
    await unfollow(fans[0], star);
    await post(star);
    await expectFeedMatchesWriteModel(...fans);
    const res = await query(getFeed, fans[1], {});
    expect(res.body.stats.pulledAuthors).toBeGreaterThanOrEqual(1);
  });

  it('rolls the head into pages and keeps every post in order across page boundaries', async () => {
    const reader = await newUser();
    const author = await newUser();
    await follow(reader, author);
    for (let i = 0; i < 130; i++) await post(author, `roll ${i}`);
    await expectFeedMatchesWriteModel(reader);
    const first = await query(getFeed, reader, { limit: '20' });
    expect(first.body.stats.materialized).toBe(20);
  });

  it(`scrolls past the ${WINDOW_ENTRIES}-entry window: older posts arrive by pull, none twice, none missing`, async () => {
    const reader = await newUser();
    const authors = [await newUser(), await newUser()];
    for (const a of authors) await follow(reader, a);
    for (let i = 0; i < WINDOW_ENTRIES + 60; i++) await post(authors[i % 2], `deep ${i}`);
    // A late follow backfills a whole window's worth and raises the floor.
    const late = await newUser();
    for (let i = 0; i < 30; i++) await post(late, `late ${i}`);
    await follow(reader, late);
    await expectFeedMatchesWriteModel(reader);
  });
});
