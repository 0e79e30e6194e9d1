import type { NextRequest } from 'next/server';
import { readDb } from '@/db/mongo';
import type { Access } from '@/server/cqrs/define';
import type { StreamDefinition, StreamMessage } from '@/server/cqrs/define-stream';
import { callerOf } from './check-access';
import { checkpointWatcher } from './checkpoint-watcher';
import { problemResponse } from './problem';

const KEEPALIVE_MS = 15_000;
/** How long a client waits before reconnecting (with Last-Event-ID) after the stream ends. */
const RETRY_MS = 2_000;

const watchers = new Map<string, ReturnType<typeof checkpointWatcher>>();
const watcherOf = (projection: string) => {
  let watcher = watchers.get(projection);
  if (!watcher) watchers.set(projection, (watcher = checkpointWatcher(readDb, projection)));
  return watcher;
};

/** One Server-Sent Events frame; data is JSON, so it never spans lines. */
const frame = ({ id, event, data }: StreamMessage) => `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Adapts a stream definition to a Next.js GET handler serving Server-Sent Events. Access is
 * checked as for queries and refused with problem+json; the resume point comes from the
 * `Last-Event-ID` header (or `?lastEventId=` for EventSource polyfills). The body starts with a
 * `retry` hint, sends a keep-alive comment every 15 s, and stops writing the moment the client
 * goes away. A failure mid-stream is sent as `event: error` and ends the stream: the client
 * reconnects and resumes after the last id it saw.
 */
export function streamRoute<A extends Access>(stream: StreamDefinition<A>) {
  return async function GET(req: NextRequest): Promise<Response> {
    const gone = new AbortController();
    req.signal.addEventListener('abort', () => gone.abort(), { once: true });
    let messages: AsyncIterable<StreamMessage>;
    try {
      const actor = await callerOf(stream.access, req);
      const lastEventId = req.headers.get('last-event-id') ?? req.nextUrl.searchParams.get('lastEventId');
      const changes = watcherOf(stream.projection).changes(gone.signal);
      messages = await stream.open({ actor, db: await readDb(), lastEventId, changes });
    } catch (err) {
      gone.abort();
      return problemResponse(err, req.nextUrl.pathname);
    }
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (text: string) => {
          if (!gone.signal.aborted) controller.enqueue(encoder.encode(text));
        };
        const keepalive = setInterval(() => send(': keepalive\n\n'), KEEPALIVE_MS);
        gone.signal.addEventListener('abort', () => {
          clearInterval(keepalive);
          try {
            controller.close();
          } catch {
            // Already closed by the client going away.
          }
        });
        send(`retry: ${RETRY_MS}\n\n`);
        void (async () => {
          try {
            for await (const message of messages) {
              if (gone.signal.aborted) break;
              send(frame(message));
            }
          } catch (err) {
            send(frame({ event: 'error', data: { message: err instanceof Error ? err.message : String(err) } }));
          } finally {
            gone.abort();
          }
        })();
      },
      cancel() {
        gone.abort();
      },
    });
    return new Response(body, {
      headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' },
    });
  };
}
