import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, newUser, type Member } from '@/server/testing/api';
import { projectAll } from '@/server/testing/projections';
import { createPost } from '../commands/create-post';
import { followUser } from '../commands/follow-user';
import { KEY_PATTERN } from '../read-models/feed-layout';
import { GET as streamFeed } from '@/app/api/queries/social/feed/stream/route';

/**
 * GET /api/queries/social/feed/stream (SSE), driven through the real handler with a bearer token.
 * New posts reach the stream when the projection's checkpoint moves (projectAll here, the worker
 * in production); Last-Event-ID resumes exactly after the last item seen. Every stream is aborted.
 */
interface Frame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

const WAIT_MS = 5_000;
/** How long "nothing more arrives" is watched for: several checkpoint polls (250 ms each). */
const QUIET_MS = 700;

class SseClient {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly frames: Frame[] = [];
  private wake: (() => void) | null = null;
  ended = false;
  readonly pump: Promise<void>;

  constructor(
    readonly res: Response,
    private readonly controller: AbortController,
  ) {
    this.reader = res.body!.getReader();
    this.pump = this.run();
  }

  private async run() {
    try {
      for (;;) {
        const { done, value } = await this.reader.read();
        if (done) break;
        this.buffer += this.decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          this.frames.push(parse(this.buffer.slice(0, end)));
          this.buffer = this.buffer.slice(end + 2);
        }
        this.wake?.();
      }
    } catch {
      // aborted
    } finally {
      this.ended = true;
      this.wake?.();
    }
  }

  /** The next `event: post` frame within `ms`, or null; other frames (retry, keepalive) are skipped. */
  async nextPost(ms = WAIT_MS): Promise<Frame | null> {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = this.frames.findIndex((f) => f.event !== undefined);
      if (i >= 0) {
        const [frame] = this.frames.splice(0, i + 1).slice(-1);
        expect(frame.event, `unexpected frame ${JSON.stringify(frame)}`).toBe('post');
        return frame;
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.ended) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** Frames received and not yet consumed by nextPost. */
  pending(): Frame[] {
    return [...this.frames];
  }

  async close() {
    this.controller.abort();
    await Promise.race([this.pump, new Promise((r) => setTimeout(r, 2_000))]);
  }
}

function parse(block: string): Frame {
  const frame: Frame = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    else {
      const at = line.indexOf(':');
      const field = line.slice(0, at) as keyof Frame;
      const value = line.slice(at + 1).replace(/^ /, '');
      frame[field] = frame[field] === undefined ? value : `${frame[field]}\n${value}`;
    }
  }
  return frame;
}

const open: SseClient[] = [];

async function connect(caller: Member, lastEventId?: string, how: 'header' | 'query' = 'header'): Promise<SseClient> {
  const controller = new AbortController();
  const url = new URL('http://localhost/api/queries/social/feed/stream');
  const headers: Record<string, string> = { authorization: `Bearer ${caller.token}`, accept: 'text/event-stream' };
  if (lastEventId !== undefined && how === 'header') headers['last-event-id'] = lastEventId;
  if (lastEventId !== undefined && how === 'query') url.searchParams.set('lastEventId', lastEventId);
  const res = await streamFeed(new NextRequest(url, { headers, signal: controller.signal }));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const client = new SseClient(res, controller);
  open.push(client);
  return client;
}

async function post(author: Member, text: string): Promise<string> {
  const res = await command(createPost, author, { text });
  expect(res.status).toBe(201);
  return res.body.postId;
}

const postOf = (frame: Frame | null) => {
  expect(frame, 'expected an event: post frame in time').not.toBeNull();
  expect(frame!.id).toMatch(KEY_PATTERN);
  const data = JSON.parse(frame!.data!);
  // the SSE id is the item's own cursor: that is what makes Last-Event-ID resume exact
  expect(data.cursor).toBe(frame!.id);
  return data as { postId: string; text: string; author: { userId: string }; cursor: string };
};

let reader: Member;
let author: Member;
let star: Member;
let stranger: Member;

beforeAll(async () => {
  [reader, author, star, stranger] = await Promise.all([newUser(), newUser(), newUser(), newUser()]);
  const fans = await Promise.all([newUser(), newUser()]);
  expect((await command(followUser, reader, { userId: author.actor.userId })).status).toBe(200);
  // the star has three followers: merged at read time (SOCIAL_PULL_THRESHOLD=3)
  for (const f of [reader, ...fans]) expect((await command(followUser, f, { userId: star.actor.userId })).status).toBe(200);
  await post(author, 'old post, before any stream');
  await post(star, 'old star post');
  await post(stranger, 'old stranger post');
  await projectAll();
});

afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
});

describe('the feed stream', () => {
  let lastSeen: string;
  let live: string;

  it('sends a followed author’s new post as an `event: post` frame, and nothing older or foreign', async () => {
    const stream = await connect(reader);
    const p1 = await post(author, 'live one');
    await post(stranger, 'a stranger posts live');
    await projectAll();
    const first = postOf(await stream.nextPost());
    expect(first).toMatchObject({ postId: p1, text: 'live one', author: { userId: author.actor.userId }, likeCount: 0, likedByMe: false });
    const s1 = await post(star, 'the star, live');
    await projectAll();
    const second = postOf(await stream.nextPost());
    expect(second.postId).toBe(s1);
    expect(second.cursor > first.cursor).toBe(true);
    lastSeen = second.cursor;
    expect(await stream.nextPost(QUIET_MS)).toBeNull();
    await stream.close();
    expect(stream.ended).toBe(true);
  });

  it('a reconnect with Last-Event-ID gets exactly the posts it missed, in order, once', async () => {
    const p2 = await post(author, 'missed two');
    const p3 = await post(star, 'missed three');
    await post(stranger, 'not for the reader');
    await projectAll();
    const stream = await connect(reader, lastSeen);
    const a = postOf(await stream.nextPost());
    const b = postOf(await stream.nextPost());
    expect([a.postId, b.postId]).toEqual([p2, p3]);
    expect(a.cursor > lastSeen && b.cursor > a.cursor).toBe(true);
    // more checkpoint moves must not resend anything
    await post(stranger, 'moves the checkpoint only');
    await projectAll();
    expect(await stream.nextPost(QUIET_MS)).toBeNull();
    lastSeen = b.cursor;
    // and the stream stays live after the catch-up
    const p4 = await post(author, 'after the catch-up');
    await projectAll();
    expect(postOf(await stream.nextPost()).postId).toBe(p4);
    live = p4;
    await stream.close();
  });

  it('the resume point may also come as ?lastEventId= (EventSource polyfills)', async () => {
    const p5 = await post(author, 'five');
    await projectAll();
    const stream = await connect(reader, lastSeen, 'query');
    // lastSeen is p3: p4 (seen live on the previous connection, but not acknowledged) and p5 follow it
    const got = [postOf(await stream.nextPost()).postId, postOf(await stream.nextPost()).postId];
    expect(got).toEqual([live, p5]);
    expect(await stream.nextPost(QUIET_MS)).toBeNull();
    await stream.close();
  });

  it.each([
    ['no Last-Event-ID', undefined],
    ['a malformed Last-Event-ID', 'not-a-key'],
  ])('a fresh connection (%s) sends no old posts, only new ones', async (_label, lastEventId) => {
    const stream = await connect(reader, lastEventId);
    expect(await stream.nextPost(QUIET_MS)).toBeNull();
    const fresh = await post(author, `fresh ${lastEventId ?? 'none'}`);
    await projectAll();
    expect(postOf(await stream.nextPost()).postId).toBe(fresh);
    expect(await stream.nextPost(QUIET_MS)).toBeNull();
    await stream.close();
  });

  it('starts with a retry hint', async () => {
    const stream = await connect(reader);
    const deadline = Date.now() + WAIT_MS;
    while (stream.pending().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(stream.pending()[0]).toEqual({ retry: '2000' });
    await stream.close();
  });

  it('two readers each get their own feed on their own stream', async () => {
    const other = await newUser();
    const mine = await connect(reader);
    const theirs = await connect(other);
    const forReader = await post(author, 'only the reader follows me');
    const own = await post(other, 'the other user’s own post');
    await projectAll();
    expect(postOf(await mine.nextPost()).postId).toBe(forReader);
    expect(postOf(await theirs.nextPost()).postId).toBe(own);
    expect(await mine.nextPost(QUIET_MS)).toBeNull();
    expect(await theirs.nextPost(100)).toBeNull();
    await Promise.all([mine.close(), theirs.close()]);
  });

  // A worker catching up after a restart lands more than one read page (50) between two
  // checkpoint polls: a stream that read only the newest page would silently lose the older ones.
  it('a connected client gets every post of a burst larger than one catch-up, in order', async () => {
    const [fan, prolific] = await Promise.all([newUser(), newUser()]);
    expect((await command(followUser, fan, { userId: prolific.actor.userId })).status).toBe(200);
    await projectAll();
    const stream = await connect(fan);
    const burst: string[] = [];
    for (let i = 0; i < 56; i++) burst.push(await post(prolific, `burst ${i}`));
    await projectAll();
    const got: string[] = [];
    for (let frame = await stream.nextPost(); frame; frame = await stream.nextPost(QUIET_MS)) got.push(postOf(frame).postId);
    expect(got.length).toBe(burst.length);
    expect(got).toEqual(burst);
    await stream.close();
  });

  // Writing to a stream the client already closed rejects, and an unhandled rejection can take a
  // Node server down: nothing may be written once the client is gone, not even the error frame.
  it('a client that goes away while a catch-up is being sent does not break the server', async () => {
    // Resume from the very beginning: there are items to send the moment the stream starts.
    const errors: unknown[] = [];
    const onError = (err: unknown) => errors.push(err);
    process.on('unhandledRejection', onError);
    try {
      for (let i = 0; i < 5; i++) {
        const controller = new AbortController();
        const res = await streamFeed(
          new NextRequest('http://localhost/api/queries/social/feed/stream', {
            headers: { authorization: `Bearer ${reader.token}`, 'last-event-id': '0'.repeat(24) },
            signal: controller.signal,
          }),
        );
        controller.abort();
        await res.body?.cancel().catch(() => {});
      }
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      process.off('unhandledRejection', onError);
    }
    expect(errors.map(String)).toEqual([]);
  });
});
