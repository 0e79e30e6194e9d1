import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbFor, pool } from '@/db/client';
import type { CommandDefinition, QueryDefinition } from '@/server/cqrs/define';
import { type ApiResponse, type Member, command, expectProblem, invalidRequest, newUser, query } from '@/server/testing/api';
import { projectAll } from '@/server/testing/projections';
import { getFeed } from '../queries/get-feed';
import { getPostDetails } from '../queries/get-post-details';
import { getProfile } from '../queries/get-profile';
import { getUserPosts } from '../queries/get-user-posts';
import { listPeople } from '../queries/list-people';
import { commentOnPost } from './comment-on-post';
import { createPost } from './create-post';
import { followUser } from './follow-user';
import { likePost } from './like-post';
import { unfollowUser } from './unfollow-user';
import { unlikePost } from './unlike-post';

/**
 * The social commands' and queries' field rules: an RFC 9457 problem naming each bad field or
 * parameter, never a 500, and nothing written. What every route refuses alike (bodies, content
 * types, NUL characters, unknown fields, Idempotency-Keys, tokens) is the contract suite's
 * (server/testing/contract-suite.int.test.ts). Every refused command is sent by `refused`, a user
 * who never gets a command through, so "nothing written" is checked per row against their writes.
 */
let refused: Member;
let other: Member;
let postId: string;
beforeAll(async () => {
  [refused, other] = await Promise.all([newUser(['attendee'], 'Refused Writer'), newUser()]);
  const res = await command(createPost, other, { text: 'a post to like and comment on' });
  expect(res.status).toBe(201);
  postId = res.body.postId;
  await projectAll();
});

/** Everything the social write side could have written for (or about) a user. */
async function writesBy(userId: string) {
  const { rows } = await dbFor(pool()).execute<Record<string, number>>(sql`
    SELECT (SELECT count(*) FROM domain_events WHERE metadata->>'actorId' = ${userId})::int AS events,
           (SELECT count(*) FROM domain_events WHERE stream_id = ${`social-member-${userId}`})::int AS stream,
           (SELECT count(*) FROM posts WHERE author_id = ${userId})::int AS posts,
           (SELECT count(*) FROM follows WHERE follower_id = ${userId} OR followee_id = ${userId})::int AS follows,
           (SELECT count(*) FROM likes WHERE user_id = ${userId})::int AS likes,
           (SELECT count(*) FROM comments WHERE author_id = ${userId})::int AS comments,
           (SELECT count(*) FROM idempotency_keys WHERE scope LIKE ${`${userId}:%`})::int AS keys,
           (SELECT row_to_json(m)::text FROM social_members m WHERE user_id = ${userId}) AS member`);
  return rows[0];
}

interface Case {
  label: string;
  def: CommandDefinition<any, any>;
  body: unknown | (() => unknown);
  status: number;
  code: string;
  /** Field paths `errors[].path` must name (all of them). */
  paths?: string[];
}

type AnyCommand = CommandDefinition<any, any>;
const allCommands: AnyCommand[] = [createPost, followUser, unfollowUser, likePost, unlikePost, commentOnPost];
const userIdCommands: AnyCommand[] = [followUser, unfollowUser];
const postIdCommands: AnyCommand[] = [likePost, unlikePost, commentOnPost];
/** The rest of a valid post-id command: a comment also needs its text. */
const textFor = (def: Case['def']) => (def === commentOnPost ? { text: 'hi' } : {});
const bad = (label: string, def: Case['def'], body: Case['body'], paths: string | string[]): Case => ({
  label: `${def.name}: ${label}`,
  def,
  body,
  ...invalidRequest(paths),
});
const tags = (n: number) => Array.from({ length: n }, (_, i) => `tag${i}`);

const cases: Case[] = [
  // every required field named at once
  ...allCommands.map((def) =>
    bad(
      'an empty object',
      def,
      {},
      def === createPost ? 'text' : def === commentOnPost ? ['postId', 'text'] : userIdCommands.includes(def) ? 'userId' : 'postId',
    ),
  ),

  // create-post
  bad('text missing', createPost, { tags: ['a'] }, 'text'),
  bad('text a number', createPost, { text: 42 }, 'text'),
  bad('text null', createPost, { text: null }, 'text'),
  bad('text an array', createPost, { text: ['a'] }, 'text'),
  bad('text empty', createPost, { text: '' }, 'text'),
  bad('text empty after trimming', createPost, { text: ' \n\t  ' }, 'text'),
  bad('text over 1000 characters', createPost, { text: 'x'.repeat(1001) }, 'text'),
  bad('tags not an array', createPost, { text: 'hi', tags: 'news' }, 'tags'),
  bad('tags null', createPost, { text: 'hi', tags: null }, 'tags'),
  bad('11 tags', createPost, { text: 'hi', tags: tags(11) }, 'tags'),
  bad('a tag with a space', createPost, { text: 'hi', tags: ['ok', 'not ok'] }, 'tags.1'),
  bad('a tag with punctuation', createPost, { text: 'hi', tags: ['c++'] }, 'tags.0'),
  bad('a tag with a hash', createPost, { text: 'hi', tags: ['#news'] }, 'tags.0'),
  bad('an empty tag', createPost, { text: 'hi', tags: [''] }, 'tags.0'),
  bad('a blank tag', createPost, { text: 'hi', tags: ['a', '   '] }, 'tags.1'),
  bad('a tag over 30 characters', createPost, { text: 'hi', tags: ['t'.repeat(31)] }, 'tags.0'),
  bad('a tag that is a number', createPost, { text: 'hi', tags: [7] }, 'tags.0'),
  // the author is the caller, never a field (the contract suite covers unknown fields in general)
  bad('an author chosen by the client', createPost, { text: 'hi', authorId: randomUUID() }, 'authorId'),
  bad('a postId chosen by the client', createPost, { text: 'hi', postId: randomUUID() }, 'postId'),
  bad('every field wrong at once', createPost, { text: '', tags: ['bad tag'], extra: 1 }, ['text', 'tags.0', 'extra']),

  // the user id, for follow and unfollow
  ...userIdCommands.flatMap((def) => [
    bad('userId missing', def, {}, 'userId'),
    bad('userId malformed', def, { userId: 'not-a-uuid' }, 'userId'),
    bad('userId a number', def, { userId: 42 }, 'userId'),
    bad('userId null', def, { userId: null }, 'userId'),
    bad('userId with an extra character', def, () => ({ userId: `${other.actor.userId}0` }), 'userId'),
    bad('a follower chosen by the client', def, () => ({ userId: other.actor.userId, followerId: other.actor.userId }), 'followerId'),
    { label: `${def.name}: userId unknown`, def, body: { userId: randomUUID() }, status: 404, code: 'not-found' },
    { label: `${def.name}: the caller themself`, def, body: () => ({ userId: refused.actor.userId }), status: 409, code: 'cannot-follow-self' },
  ]),

  // the post id, for likes and comments
  ...postIdCommands.flatMap((def) => [
    bad('postId missing', def, textFor(def), 'postId'),
    bad('postId malformed', def, { postId: 'not-a-uuid', ...textFor(def) }, 'postId'),
    bad('postId a number', def, { postId: 42, ...textFor(def) }, 'postId'),
    bad('postId null', def, { postId: null, ...textFor(def) }, 'postId'),
    bad('a user chosen by the client', def, () => ({ postId, ...textFor(def), userId: refused.actor.userId }), 'userId'),
    { label: `${def.name}: postId unknown`, def, body: { postId: randomUUID(), ...textFor(def) }, status: 404, code: 'not-found' },
  ]),

  // comment-on-post text
  bad('text missing', commentOnPost, () => ({ postId }), 'text'),
  bad('text a number', commentOnPost, () => ({ postId, text: 5 }), 'text'),
  bad('text empty', commentOnPost, () => ({ postId, text: '' }), 'text'),
  bad('text empty after trimming', commentOnPost, () => ({ postId, text: '   \n ' }), 'text'),
  bad('text over 500 characters', commentOnPost, () => ({ postId, text: 'c'.repeat(501) }), 'text'),
  bad('postId and text both wrong', commentOnPost, { postId: 'nope', text: '' }, ['postId', 'text']),
];

describe('social commands refuse bad input with problem+json and write nothing', () => {
  it.each(cases)('$label → $status $code', async (c) => {
    const before = await writesBy(refused.actor.userId);
    const body = typeof c.body === 'function' ? c.body() : c.body;
    const res = await command(c.def, refused, body);
    expectProblem(res, c);
    expect(await writesBy(refused.actor.userId)).toEqual(before);
  });

  it('the refusing user really never wrote anything', async () => {
    expect(await writesBy(refused.actor.userId)).toMatchObject({ events: 0, stream: 0, posts: 0, follows: 0, likes: 0, comments: 0, keys: 0 });
  });

  it('says what is wrong with each field', async () => {
    const res = await command(createPost, refused, { text: 'x'.repeat(1001), tags: tags(11) });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'text', message: 'must be at most 1000 characters' },
        { path: 'tags', message: 'at most 10 tags' },
      ]),
    );
    const blank = await command(createPost, refused, { text: '   ' });
    expect(blank.body.errors).toEqual([{ path: 'text', message: 'must not be empty' }]);
  });

  it('a refused request does not use up its Idempotency-Key', async () => {
    const user = await newUser();
    const key = `k-${randomUUID()}`;
    expectProblem(await command(createPost, user, { text: '' }, { 'idempotency-key': key }), invalidRequest('text'));
    expectProblem(await command(followUser, user, { userId: user.actor.userId }, { 'idempotency-key': key }), { status: 409, code: 'cannot-follow-self' });
    const ok = await command(createPost, user, { text: 'now valid' }, { 'idempotency-key': key });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('idempotent-replayed')).toBeNull();
  });

  it('accepts the edges of every limit (the table above is not refusing everything)', async () => {
    const user = await newUser();
    const ok = await command(createPost, user, { text: ` ${'x'.repeat(1000)} `, tags: [...tags(9), 'Ünïcode_-9'] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const [row] = (await dbFor(pool()).execute<{ text: string; tags: string[] }>(sql`SELECT text, tags FROM posts WHERE id = ${ok.body.postId}`)).rows;
    expect(row.text).toBe('x'.repeat(1000));
    expect(row.tags).toEqual([...tags(9), 'ünïcode_-9']);
    expect((await command(commentOnPost, user, { postId: ok.body.postId, text: 'c'.repeat(500) })).status).toBe(201);
    expect((await command(followUser, user, { userId: other.actor.userId })).status).toBe(200);
    expect((await command(likePost, user, { postId })).status).toBe(200);
    // and writesBy sees such writes, so its zeros above mean something
    expect(await writesBy(user.actor.userId)).toMatchObject({ events: 4, stream: 2, posts: 1, follows: 1, likes: 1, comments: 1 });
  });
});

/** Bad query parameters: 400 naming the parameter (each request by a signed-in user). */
interface QueryCase {
  label: string;
  def: QueryDefinition<any, any>;
  params: Record<string, string> | (() => Record<string, string>);
  status: number;
  code: string;
  paths?: string[];
}
const badQuery = (label: string, def: QueryCase['def'], params: QueryCase['params'], paths: string | string[]): QueryCase => ({
  label: `${def.path}: ${label}`,
  def,
  params,
  ...invalidRequest(paths),
});
const me = () => other.actor.userId;
const KEY = '000000001234000000005678';

const queryCases: QueryCase[] = [
  // limit and cursor, on both paged queries
  ...[getFeed, getUserPosts].flatMap((def) => {
    const base = () => (def === getUserPosts ? { userId: me() } : ({} as Record<string, string>));
    return [
      badQuery('limit 0', def, () => ({ ...base(), limit: '0' }), 'limit'),
      badQuery('limit 51', def, () => ({ ...base(), limit: '51' }), 'limit'),
      badQuery('limit -1', def, () => ({ ...base(), limit: '-1' }), 'limit'),
      badQuery('limit abc', def, () => ({ ...base(), limit: 'abc' }), 'limit'),
      badQuery('limit 1.5', def, () => ({ ...base(), limit: '1.5' }), 'limit'),
      badQuery('cursor abc', def, () => ({ ...base(), cursor: 'abc' }), 'cursor'),
      badQuery('cursor too short', def, () => ({ ...base(), cursor: KEY.slice(1) }), 'cursor'),
      badQuery('cursor with a bad page hint', def, () => ({ ...base(), cursor: `${KEY}.x` }), 'cursor'),
      badQuery('cursor with an empty page hint', def, () => ({ ...base(), cursor: `${KEY}.` }), 'cursor'),
      badQuery('cursor an ISO date', def, () => ({ ...base(), cursor: '2030-01-01T00:00:00Z' }), 'cursor'),
    ];
  }),

  // feed filters
  badQuery('author malformed', getFeed, { author: 'not-a-uuid' }, 'author'),
  badQuery('tag with a space', getFeed, { tag: 'two words' }, 'tag'),
  badQuery('tag with a hash', getFeed, { tag: '#news' }, 'tag'),
  badQuery('tag empty', getFeed, { tag: '' }, 'tag'),
  badQuery('tag over 30 characters', getFeed, { tag: 't'.repeat(31) }, 'tag'),
  badQuery('q empty', getFeed, { q: '' }, 'q'),
  badQuery('q blank', getFeed, { q: '    ' }, 'q'),
  badQuery('q over 100 characters', getFeed, { q: 'q'.repeat(101) }, 'q'),
  badQuery('since not a date', getFeed, { since: 'yesterday' }, 'since'),
  badQuery('since a date without a time', getFeed, { since: '2030-01-01' }, 'since'),
  badQuery('since without a time zone', getFeed, { since: '2030-01-01T10:00:00' }, 'since'),
  badQuery('until not a date', getFeed, { until: '12/31/2030' }, 'until'),
  badQuery('until a number', getFeed, { until: '1893456000000' }, 'until'),
  badQuery('since after until', getFeed, { since: '2030-01-02T00:00:00Z', until: '2030-01-01T00:00:00Z' }, 'since'),
  badQuery('since equal to until', getFeed, { since: '2030-01-01T00:00:00Z', until: '2030-01-01T00:00:00Z' }, 'since'),
  badQuery('since after until across time zones', getFeed, { since: '2030-01-01T10:00:00+02:00', until: '2030-01-01T07:00:00Z' }, 'since'),
  badQuery('every parameter wrong at once', getFeed, { limit: '0', cursor: 'x', author: 'y', tag: 'a b', q: '', since: 'z', until: 'w' }, [
    'limit',
    'cursor',
    'author',
    'tag',
    'q',
    'since',
    'until',
  ]),

  // path parameters
  badQuery('userId malformed', getUserPosts, { userId: 'not-a-uuid' }, 'userId'),
  badQuery('userId malformed', getProfile, { userId: 'not-a-uuid' }, 'userId'),
  badQuery('userId a UUID with an extra character', getProfile, () => ({ userId: `${me()}0` }), 'userId'),
  badQuery('postId malformed', getPostDetails, { postId: 'not-a-uuid' }, 'postId'),
  badQuery('postId a number', getPostDetails, { postId: '42' }, 'postId'),

  // the people directory
  badQuery('q over 50 characters', listPeople, { q: 'p'.repeat(51) }, 'q'),
  badQuery('people limit 0', listPeople, { limit: '0' }, 'limit'),
  badQuery('people limit over 100', listPeople, { limit: '101' }, 'limit'),
  badQuery('people cursor not issued here', listPeople, { cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'),

  // well-formed ids that name nothing
  { label: 'user posts of an unknown user', def: getUserPosts, params: { userId: randomUUID() }, status: 404, code: 'not-found' },
  { label: 'profile of an unknown user', def: getProfile, params: { userId: randomUUID() }, status: 404, code: 'not-found' },
  { label: 'an unknown post', def: getPostDetails, params: { postId: randomUUID() }, status: 404, code: 'not-found' },
];

describe('social queries refuse bad parameters with problem+json', () => {
  it.each(queryCases)('$label → $status $code', async (c) => {
    const res = await query(c.def, other, typeof c.params === 'function' ? c.params() : c.params);
    expectProblem(res, c);
  });

  it('accepts the edges of every limit', async () => {
    const ok = (res: ApiResponse) => expect(res.status, JSON.stringify(res.body)).toBe(200);
    ok(await query(getFeed, other, { limit: '1' }));
    ok(await query(getFeed, other, { limit: '50', cursor: KEY, tag: 'T'.repeat(30), q: 'q'.repeat(100), author: me() }));
    ok(await query(getFeed, other, { since: '2030-01-01T00:00:00Z', until: '2030-01-01T00:00:00.001Z' }));
    ok(await query(getFeed, other, { since: '2030-01-01T10:00:00+02:00', until: '2030-01-01T09:00:00Z' }));
    ok(await query(getFeed, other, { cursor: `${KEY}.3` }));
    ok(await query(getUserPosts, other, { userId: me(), limit: '50' }));
    ok(await query(listPeople, other, { prefix: 'p'.repeat(50) }));
    ok(await query(listPeople, other, {}));
  });
});

/**
 * A UUID is case-insensitive (RFC 9562) and the contract's `z.uuid()` accepts upper case, so an
 * upper-case id must name the same user or post (or be refused as malformed), never a 404 for
 * something that exists. PostgreSQL compares uuids case-insensitively, but the follow handler
 * looks the followee up in a Map keyed by the lower-case id, and the read store's _ids are strings.
 */
describe('ids in upper case', () => {
  const sameOrMalformed = (res: ApiResponse, field: string, check: () => void) => {
    expect([200, 201, 400], JSON.stringify(res.body)).toContain(res.status);
    if (res.status === 400) expectProblem(res, invalidRequest(field));
    else check();
  };

  it('follow-user with an upper-case id follows that user', async () => {
    const [fan, idol] = await Promise.all([newUser(), newUser()]);
    const res = await command(followUser, fan, { userId: idol.actor.userId.toUpperCase() });
    sameOrMalformed(res, 'userId', () => expect(res.body).toMatchObject({ userId: idol.actor.userId, following: true }));
  });

  it('follow-user with your own id in upper case is still following yourself', async () => {
    const user = await newUser();
    const res = await command(followUser, user, { userId: user.actor.userId.toUpperCase() });
    expect([400, 409], JSON.stringify(res.body)).toContain(res.status);
    if (res.status === 409) expect(res.body.code).toBe('cannot-follow-self');
    expect(await writesBy(user.actor.userId)).toMatchObject({ events: 0, follows: 0 });
  });

  it('queries with an upper-case id find the same user and post', async () => {
    const profile = await query(getProfile, other, { userId: other.actor.userId.toUpperCase() });
    sameOrMalformed(profile, 'userId', () => expect(profile.body.userId).toBe(other.actor.userId));
    const details = await query(getPostDetails, other, { postId: postId.toUpperCase() });
    sameOrMalformed(details, 'postId', () => expect(details.body.post.postId).toBe(postId));
  });
});
