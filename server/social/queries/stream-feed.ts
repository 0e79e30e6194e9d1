import type { NextRequest } from 'next/server';
import { readDb } from '@/db/mongo';
import { actorFromRequest } from '@/server/auth/actor-from-request';
import { unauthenticated } from '@/server/cqrs/errors';
import { checkpointWatcher } from '@/server/http/checkpoint-watcher';
import { problemResponse } from '@/server/http/problem';
import { KEY_PATTERN } from '../read-models/feed-layout';
import { socialFeedProjector } from '../projections/social-projector';
import type { FeedEntry } from '../read-models/read-model-docs';
import { postLoader } from './post-loader';
import { readFeed } from './read-feed';

const KEEPALIVE_MS = 15_000;
/** Beyond this many missed items the stream sends `event: reset` (reload the feed) instead. */
const MAX_CATCH_UP = 500;

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
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const push = async () => {
        if (busy) return void (again = true);
        busy = true;
        try {
          do {
            again = false;
            // Everything after `last`, page by page (a restarted worker can land many at once).
            const fresh: FeedEntry[] = [];
            let cursor: string | undefined;
            do {
              const page = await readFeed(db, actor.userId, { limit: 50, filter: {}, newerThan: last!, cursor });
              fresh.push(...page.entries);
              cursor = page.resumeAt ?? undefined;
            } while (cursor && fresh.length < MAX_CATCH_UP);
            if (cursor) {
              // Too far behind to replay: the client reloads its feed and the stream goes on from here.
              last = fresh[0].key;
              send('event: reset\ndata: {}\n\n');
              continue;
            }
            for (const item of await postLoader(db, actor.userId).items(fresh.reverse())) {
              send(`id: ${item.cursor}\nevent: post\ndata: ${JSON.stringify(item)}\n\n`);
              last = item.cursor;
            }
          } while (again && !closed);
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
        closed = true;
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
