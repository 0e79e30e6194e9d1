import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { command, newUser, query, type ApiResponse, type Member } from '@/server/testing/api';
import { projectAll } from '@/server/testing/projections';
import { createPost } from '../commands/create-post';
import { followUser } from '../commands/follow-user';
import { unfollowUser } from '../commands/unfollow-user';
import { TIMELINE_BUCKET } from '../read-models/feed-layout';
import { getFeed } from './get-feed';
import { getProfile } from './get-profile';
import { getUserPosts } from './get-user-posts';
import { listPeople } from './list-people';

/**
 * The feed's filters (author, tag, q, since/until, combined) and paging under them, a user's
 * posts across timeline buckets, profile counts, and the people directory. The reader follows a
 * push-mode author and a pull-mode one (int tests run with SOCIAL_PULL_THRESHOLD=3), so every
 * filter runs over a merged feed.
 */
interface Posted {
  id: string;
  author: Member;
  text: string;
  tags: string[];
  /** Client clock right after the post was written (the server takes its time before). */
  after: string;
}
const all: Posted[] = [];
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(author: Member, text: string, tags: string[] = []): Promise<Posted> {
  const res = await command(createPost, author, { text, tags });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await pause(3); // distinct milliseconds around each post, so since/until have clean boundaries
  const p = { id: res.body.postId as string, author, text, tags: tags.map((t) => t.toLowerCase()), after: new Date().toISOString() };
  all.push(p);
  return p;
}

let reader: Member;
let friend: Member; // followed, push mode
let star: Member; // followed, pull mode (3 followers)
let stranger: Member; // not followed
let posts: Record<string, Posted>;
let start: string;

beforeAll(async () => {
  [reader, friend, star, stranger] = await Promise.all([newUser(), newUser(), newUser(), newUser()]);
  const fans = await Promise.all([newUser(), newUser()]);
  for (const f of [reader, ...fans]) expect((await command(followUser, f, { userId: star.actor.userId })).status).toBe(200);
  expect((await command(followUser, reader, { userId: friend.actor.userId })).status).toBe(200);
  start = new Date().toISOString();
  await pause(3);
  posts = {
    f1: await post(friend, 'Hello World from the friend', ['News', 'fun']),
    s1: await post(star, 'A quiet morning', ['fun']),
    x1: await post(stranger, 'hello from a stranger', ['news']),
    r1: await post(reader, 'my own HELLO', []),
    f2: await post(friend, 'Breaking: nothing happened', ['news']),
    s2: await post(star, 'hElLo again, says the star', ['news', 'star']),
    x2: await post(stranger, 'A quiet stranger', ['fun']),
    f3: await post(friend, 'last words of the friend', ['misc']),
  };
  await projectAll();
});

const ids = (res: ApiResponse) => res.body.items.map((i: { postId: string }) => i.postId) as string[];
const expected = (...keys: string[]) => keys.map((k) => posts[k].id);

async function feed(params: Record<string, string>, who: Member = reader) {
  const res = await query(getFeed, who, { limit: '50', ...params });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res;
}

/** Every page of a filtered feed, following nextCursor; fails on a repeated post. */
async function allPages(who: Member, params: Record<string, string>, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; ; page++) {
    expect(page).toBeLessThan(60);
    const res: ApiResponse = await query(getFeed, who, { ...params, limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    for (const id of ids(res)) {
      expect(seen, `post ${id} returned twice`).not.toContain(id);
      seen.push(id);
    }
    cursor = res.body.nextCursor;
    if (!cursor) return seen;
  }
}

describe('feed filters', () => {
  it('without filters: the reader, the friend and the star, newest first, never the stranger', async () => {
    const res = await feed({});
    expect(ids(res)).toEqual(expected('f3', 's2', 'f2', 'r1', 's1', 'f1'));
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.stats.pulledAuthors).toBeGreaterThanOrEqual(1);
  });

  it('author narrows to one followed author, push or pull, or to the reader', async () => {
    expect(ids(await feed({ author: friend.actor.userId }))).toEqual(expected('f3', 'f2', 'f1'));
    expect(ids(await feed({ author: star.actor.userId }))).toEqual(expected('s2', 's1'));
    expect(ids(await feed({ author: reader.actor.userId }))).toEqual(expected('r1'));
  });

  it('author of someone not followed (or unknown) gives an empty page, not their posts', async () => {
    for (const author of [stranger.actor.userId, randomUUID()]) {
      const res = await feed({ author });
      expect(res.body.items).toEqual([]);
      expect(res.body.nextCursor).toBeNull();
    }
  });

  it('tag matches exactly, in any case', async () => {
    expect(ids(await feed({ tag: 'news' }))).toEqual(expected('s2', 'f2', 'f1'));
    expect(ids(await feed({ tag: 'NEWS' }))).toEqual(expected('s2', 'f2', 'f1'));
    expect(ids(await feed({ tag: 'fun' }))).toEqual(expected('s1', 'f1'));
    expect(ids(await feed({ tag: 'star' }))).toEqual(expected('s2'));
    expect(ids(await feed({ tag: 'new' }))).toEqual([]);
  });

  it('q matches text case-insensitively, as a substring', async () => {
    expect(ids(await feed({ q: 'hello' }))).toEqual(expected('s2', 'r1', 'f1'));
    expect(ids(await feed({ q: 'HeLLo' }))).toEqual(expected('s2', 'r1', 'f1'));
    expect(ids(await feed({ q: '  quiet  ' }))).toEqual(expected('s1'));
    expect(ids(await feed({ q: 'ORLD FROM' }))).toEqual(expected('f1'));
    expect(ids(await feed({ q: 'stranger' }))).toEqual([]);
    expect(ids(await feed({ q: 'no such words anywhere' }))).toEqual([]);
  });

  it('since and until bound the creation time', async () => {
    const { f1, s1, r1, f2, s2 } = posts;
    expect(ids(await feed({ since: r1.after }))).toEqual(expected('f3', 's2', 'f2'));
    expect(ids(await feed({ until: s1.after }))).toEqual(expected('s1', 'f1'));
    expect(ids(await feed({ since: f1.after, until: f2.after }))).toEqual(expected('f2', 'r1', 's1'));
    expect(ids(await feed({ since: start, until: f1.after }))).toEqual(expected('f1'));
    expect(ids(await feed({ since: s2.after, until: new Date(Date.now() + 60_000).toISOString() }))).toEqual(expected('f3'));
    expect(ids(await feed({ until: start }))).toEqual([]);
    expect(ids(await feed({ since: new Date(Date.now() + 60_000).toISOString() }))).toEqual([]);
  });

  it('combined filters must all hold', async () => {
    expect(ids(await feed({ author: friend.actor.userId, tag: 'news' }))).toEqual(expected('f2', 'f1'));
    expect(ids(await feed({ author: friend.actor.userId, tag: 'news', q: 'hello' }))).toEqual(expected('f1'));
    expect(ids(await feed({ tag: 'news', q: 'hello' }))).toEqual(expected('s2', 'f1'));
    expect(ids(await feed({ tag: 'news', since: posts.f1.after }))).toEqual(expected('s2', 'f2'));
    expect(ids(await feed({ q: 'hello', until: posts.r1.after, since: posts.f1.after }))).toEqual(expected('r1'));
    expect(ids(await feed({ author: star.actor.userId, tag: 'fun', q: 'morning' }))).toEqual(expected('s1'));
    expect(ids(await feed({ author: star.actor.userId, tag: 'misc' }))).toEqual([]);
  });

  it('paging with limit 1 under each filter returns every match once, in order', async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{}, expected('f3', 's2', 'f2', 'r1', 's1', 'f1')],
      [{ tag: 'news' }, expected('s2', 'f2', 'f1')],
      [{ q: 'hello' }, expected('s2', 'r1', 'f1')],
      [{ author: star.actor.userId }, expected('s2', 's1')],
      [{ since: posts.f1.after, until: posts.f2.after }, expected('f2', 'r1', 's1')],
      [{ tag: 'fun', q: 'o' }, expected('s1', 'f1')],
    ];
    for (const [params, want] of cases) expect(await allPages(reader, params, 1), JSON.stringify(params)).toEqual(want);
  });
});

describe('filters and paging over a long, mixed feed', () => {
  it('pages of 4 under tag, q, author and date filters each return every match once', async () => {
    const [me, push, pull] = await Promise.all([newUser(), newUser(), newUser()]);
    const fans = await Promise.all([newUser(), newUser()]);
    for (const f of [me, ...fans]) await command(followUser, f, { userId: pull.actor.userId });
    await command(followUser, me, { userId: push.actor.userId });
    const made: { id: string; author: string; n: number; tags: string[]; text: string; after: string }[] = [];
    for (let n = 0; n < 36; n++) {
      const who = n % 3 === 0 ? pull : n % 3 === 1 ? push : me;
      const tags = [n % 2 === 0 ? 'even' : 'odd', ...(n % 5 === 0 ? ['five'] : [])];
      const text = n % 4 === 0 ? `Needle number ${n}` : `hay ${n}`;
      const res = await command(createPost, who, { text, tags });
      made.push({ id: res.body.postId, author: who.actor.userId, n, tags, text, after: new Date().toISOString() });
      if (n === 11 || n === 23) await pause(3);
    }
    await projectAll();
    const newestFirst = [...made].reverse();
    const want = (pred: (p: (typeof made)[number]) => boolean) => newestFirst.filter(pred).map((p) => p.id);
    const boundary = (n: number) => made[n].after;
    await pause(0);

    expect(await allPages(me, {}, 4)).toEqual(want(() => true));
    expect(await allPages(me, { tag: 'even' }, 4)).toEqual(want((p) => p.tags.includes('even')));
    expect(await allPages(me, { tag: 'five' }, 4)).toEqual(want((p) => p.tags.includes('five')));
    expect(await allPages(me, { q: 'needle' }, 4)).toEqual(want((p) => p.text.startsWith('Needle')));
    expect(await allPages(me, { author: pull.actor.userId }, 4)).toEqual(want((p) => p.author === pull.actor.userId));
    expect(await allPages(me, { author: push.actor.userId, tag: 'odd' }, 4)).toEqual(want((p) => p.author === push.actor.userId && p.tags.includes('odd')));
    expect(await allPages(me, { since: boundary(11), until: boundary(23) }, 4)).toEqual(want((p) => p.n > 11 && p.n <= 23));
    expect(await allPages(me, { q: 'needle', tag: 'even', since: boundary(11) }, 4)).toEqual(want((p) => p.n > 11 && p.text.startsWith('Needle')));
    // the same with one page per request: every match, no gaps between pages
    expect(await allPages(me, { q: 'needle' }, 1)).toEqual(want((p) => p.text.startsWith('Needle')));
  });
});

describe('a user’s posts and profile', () => {
  it(`pages through more than ${2 * TIMELINE_BUCKET} posts across timeline buckets, newest first, each once`, async () => {
    const [author, viewer, follower2] = await Promise.all([newUser(['attendee'], 'Prolific Author'), newUser(), newUser()]);
    const total = 2 * TIMELINE_BUCKET + 12;
    const made: string[] = [];
    for (let i = 0; i < total; i++) made.push((await command(createPost, author, { text: `numbered ${i}` })).body.postId);
    await command(followUser, viewer, { userId: author.actor.userId });
    await command(followUser, follower2, { userId: author.actor.userId });
    await command(followUser, author, { userId: viewer.actor.userId });
    await projectAll();
    const newest = [...made].reverse();

    const pages = async (limit: number) => {
      const out: string[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      for (let guard = 0; guard < 200; guard++) {
        const res: ApiResponse = await query(getUserPosts, viewer, { userId: author.actor.userId, limit: String(limit), ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        out.push(...ids(res));
        sizes.push(res.body.items.length);
        cursor = res.body.nextCursor;
        if (!cursor) return { out, sizes };
      }
      throw new Error('no end');
    };
    const by50 = await pages(50);
    expect(by50.sizes).toEqual([50, 50, 12]);
    expect(by50.out).toEqual(newest);
    // pages that straddle the bucket boundaries (posts 50/51 and 100/101) and the recent list
    const by7 = await pages(7);
    expect(by7.out).toEqual(newest);
    expect(new Set(by7.out).size).toBe(total);
    const by20 = await pages(20);
    expect(by20.out).toEqual(newest);

    const first = await query(getUserPosts, viewer, { userId: author.actor.userId, limit: '3' });
    expect(first.body.items.map((i: { text: string }) => i.text)).toEqual([`numbered ${total - 1}`, `numbered ${total - 2}`, `numbered ${total - 3}`]);
    expect(first.body.items[0]).toMatchObject({
      author: { userId: author.actor.userId, name: 'Prolific Author' },
      likeCount: 0,
      commentCount: 0,
      likedByMe: false,
    });

    const asViewer = await query(getProfile, viewer, { userId: author.actor.userId });
    expect(asViewer.body).toEqual({
      userId: author.actor.userId,
      name: 'Prolific Author',
      postCount: total,
      followerCount: 2,
      followingCount: 1,
      followedByMe: true,
      isMe: false,
    });
    const asSelf = await query(getProfile, author, { userId: author.actor.userId });
    expect(asSelf.body).toMatchObject({ postCount: total, followedByMe: false, isMe: true });
    const viewerProfile = await query(getProfile, author, { userId: viewer.actor.userId });
    expect(viewerProfile.body).toMatchObject({ postCount: 0, followerCount: 1, followingCount: 1, followedByMe: true, isMe: false });
  });

  it('profile counts follow unfollows; a user without posts has an empty timeline', async () => {
    const [a, b] = await Promise.all([newUser(), newUser()]);
    await command(followUser, a, { userId: b.actor.userId });
    await command(unfollowUser, a, { userId: b.actor.userId });
    await command(unfollowUser, a, { userId: b.actor.userId });
    await projectAll();
    expect((await query(getProfile, a, { userId: b.actor.userId })).body).toMatchObject({
      postCount: 0,
      followerCount: 0,
      followingCount: 0,
      followedByMe: false,
    });
    expect((await query(getProfile, b, { userId: a.actor.userId })).body).toMatchObject({ followerCount: 0, followingCount: 0 });
    const empty = await query(getUserPosts, a, { userId: b.actor.userId });
    expect(empty.body).toMatchObject({ items: [], nextCursor: null });
  });
});

describe('the people directory', () => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const uniqueWord = () => `q${Array.from({ length: 8 }, () => letters[Math.floor(Math.random() * 26)]).join('')}`;
  type Listed = { userId: string; name: string; email: string; followedByMe: boolean; isMe: boolean; followerCount: number };

  it('finds people by the start of any name word, case-insensitively, sorted, with followedByMe and isMe', async () => {
    const tag = uniqueWord();
    const cap = tag.charAt(0).toUpperCase() + tag.slice(1);
    const [viewer, bob, alice, carol, other] = await Promise.all([
      newUser(['attendee'], `${cap} Viewer`),
      newUser(['attendee'], `${cap} Bob`),
      newUser(['attendee'], `${tag} alice`),
      newUser(['attendee'], `${cap.toUpperCase()} CAROL`),
      newUser(['attendee'], `${tag.slice(0, -1)}${tag.endsWith('z') ? 'y' : 'z'} Other`),
    ]);
    await command(followUser, viewer, { userId: bob.actor.userId });
    await command(followUser, viewer, { userId: carol.actor.userId });
    await command(followUser, alice, { userId: viewer.actor.userId });
    await projectAll();

    const people = async (q: string) => {
      const res = await query(listPeople, viewer, { q });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items as Listed[];
    };
    const listed = await people(tag);
    expect(listed.map((p) => [p.userId, p.followedByMe, p.isMe])).toEqual([
      [alice.actor.userId, false, false],
      [bob.actor.userId, true, false],
      [carol.actor.userId, true, false],
      [viewer.actor.userId, false, true],
    ]);
    expect(listed.find((p) => p.userId === viewer.actor.userId)).toMatchObject({ followerCount: 1 });
    expect(listed.find((p) => p.userId === bob.actor.userId)).toMatchObject({ followerCount: 1, name: `${cap} Bob`, email: bob.actor.email });
    expect(listed.map((p) => p.userId)).not.toContain(other.actor.userId);
    // any case; each further word must start a word of the name too
    expect((await people(tag.toUpperCase())).map((p) => p.userId)).toEqual(listed.map((p) => p.userId));
    expect((await people(`  ${cap} b`)).map((p) => p.userId)).toEqual([bob.actor.userId]);
    expect((await people(`${tag} c`)).map((p) => p.userId)).toEqual([carol.actor.userId]);
    // a shorter prefix includes the other one too
    expect((await people(tag.slice(0, -1))).map((p) => p.userId)).toContain(other.actor.userId);
    expect(await people(`${tag}zzzz`)).toEqual([]);
  });

  it('matches a later word ("lee" finds "Ada Lee"), tells namesakes apart by email, and pages a search with a cursor', async () => {
    const family = uniqueWord();
    const [viewer, ada1, ada2, bo] = await Promise.all([
      newUser(['attendee'], `Viewer ${uniqueWord()}`),
      newUser(['attendee'], `Ada ${family}`),
      newUser(['attendee'], `Ada ${family}`),
      newUser(['attendee'], `Bo ${family}-Smith`),
    ]);
    await projectAll();
    const found = await query(listPeople, viewer, { q: family.slice(0, 5).toUpperCase() });
    const items = found.body.items as Listed[];
    expect(items.map((p) => p.name)).toEqual([`Ada ${family}`, `Ada ${family}`, `Bo ${family}-Smith`]);
    expect(new Set(items.slice(0, 2).map((p) => p.email))).toEqual(new Set([ada1.actor.email, ada2.actor.email]));
    expect((await query(listPeople, viewer, { q: 'smith' })).body.items.map((p: Listed) => p.userId)).toContain(bo.actor.userId);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Listed[]; nextCursor: string | null } } = await query(listPeople, viewer, {
        q: family,
        limit: '1',
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.body.items.map((p) => p.userId));
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(items.map((p) => p.userId));
  });

  it('lists everyone alphabetically when nothing is searched, page after page', async () => {
    const viewer = await newUser(['attendee'], `Zed ${uniqueWord()}`);
    await projectAll();
    const first = await query(listPeople, viewer, { limit: '3' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await query(listPeople, viewer, { limit: '3', cursor: first.body.nextCursor });
    const names = [...first.body.items, ...second.body.items].map((p: Listed) => p.name.toLowerCase());
    const bucket = (n: string) => (/^[a-z]/.test(n) ? n.charAt(0) : '~');
    const order = names.map((n) => `${bucket(n)}${n}`);
    expect(order).toEqual([...order].sort());
    expect(new Set([...first.body.items, ...second.body.items].map((p: Listed) => p.userId)).size).toBe(names.length);
  });
});
