import type { NextRequest } from 'next/server';
import { readDb } from '@/db/mongo';
import { actorFromRequest } from '@/server/auth/actor-from-request';
import { unauthenticated } from '@/server/cqrs/errors';
import { checkpointWatcher } from '@/server/http/checkpoint-watcher';
import { problemResponse } from '@/server/http/problem';
import { KEY_PATTERN } from '../projections/feed-window';
import { socialFeedProjector } from '../projections/social-projector';
import { postLoader } from './post-loader';
import { readFeed } from './read-feed';

const KEEPALIVE_MS = 15_000;
/** At most this many items are replayed to a reconnecting client; older ones are in the feed. */
const MAX_CATCH_UP = 50;

const watcher = checkpointWatcher(readDb, socialFeedProjector.name);

/**
 * GET /api/queries/social/feed/stream (SF10): Server-Sent Events of new feed items, as the
 * projection applies them. Each item's SSE id is its feed key (log order), so a reconnect with
 * Last-Event-ID gets exactly the items after the last one it saw.
 */
export async function streamFeed(req: NextRequest): Promise<Response> {
  const actor = await actorFromRequest(req).catch(() => null);
  if (!actor) return problemResponse(unauthenticated(), req.nextUrl.pathname);
  const db = await readDb();
  const resume = req.headers.get('last-event-id') ?? req.nextUrl.searchParams.get('lastEventId');
  let last = resume && KEY_PATTERN.test(resume) ? resume : null;
  if (last === null) {
    // A fresh stream starts after the newest item the feed shows now.
    const newest = await readFeed(db, actor.userId, { limit: 1, filter: {} });
    last = newest.entries[0]?.key ?? '';
  }
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let busy = false;
      let again = false;
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      const push = async () => {
        if (busy) return void (again = true);
        busy = true;
        try {
          do {
            again = false;
            const fresh = await readFeed(db, actor.userId, { limit: MAX_CATCH_UP, filter: {}, newerThan: last! });
            const items = await postLoader(db, actor.userId).items(fresh.entries.reverse());
            for (const item of items) send(`id: ${item.cursor}\nevent: post\ndata: ${JSON.stringify(item)}\n\n`);
            if (items.length) last = items[items.length - 1].cursor;
          } while (again);
        } catch (err) {
          send(`event: error\ndata: ${JSON.stringify({ message: err instanceof Error ? err.message : String(err) })}\n\n`);
        } finally {
          busy = false;
        }
      };
      send('retry: 2000\n\n');
      const keepalive = setInterval(() => send(': keepalive\n\n'), KEEPALIVE_MS);
      const unsubscribe = watcher.subscribe(() => void push());
      void push();
      stop = () => {
        clearInterval(keepalive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      req.signal.addEventListener('abort', () => stop());
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' },
  });
}
