import type { ReadDb } from '@/db/mongo';
import type { Access, ActorFor } from './define';

/** One message of a live query: an event name, its JSON data, and the id a client resumes after. */
export interface StreamMessage {
  event: string;
  id?: string;
  data: unknown;
}

export interface StreamContext<A> {
  actor: A;
  db: ReadDb;
  /** The `Last-Event-ID` the client resumes after, unvalidated (null on a first connection). */
  lastEventId: string | null;
  /**
   * Ticks when the stream's projection has moved; moves while the consumer is busy are coalesced
   * into one tick, none is lost. Ends when the client goes away.
   */
  changes: AsyncIterable<void>;
}

/**
 * A live query: what a client receives as its read model changes, answered from the read store
 * only. `open` settles the starting point before it resolves, so nothing projected after the
 * connection is missed; the iterable it returns ends with the `changes`. The HTTP edge
 * (server/http/stream-route.ts) does access, framing and keep-alive.
 */
export interface StreamDefinition<A extends Access = Access> {
  /** OpenAPI-style path, e.g. `/api/queries/social/feed/stream`. */
  path: string;
  access: A;
  /** For the OpenAPI document: one line, then what the messages are and how to resume (a stream's body has no JSON schema). */
  summary: string;
  description: string;
  /** The projection whose progress wakes the stream. */
  projection: string;
  open(ctx: StreamContext<ActorFor<A>>): Promise<AsyncIterable<StreamMessage>>;
}

export const defineStream = <const A extends Access>(d: StreamDefinition<A>) => d;
