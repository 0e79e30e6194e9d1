import type { ReadDb } from '@/db/mongo';
import type { StreamMessage } from '@/server/cqrs/define-stream';
import { KEY_PATTERN } from '../read-models/feed-layout';
import type { FeedEntry } from '../read-models/read-model-docs';
import { type FeedItem, postLoader } from './post-loader';
import { readFeed } from './read-feed';

/** Beyond this many missed items the stream sends `reset` (reload the feed) instead. */
export const MAX_CATCH_UP = 500;
/** Entries read per round trip while catching up. */
const CATCH_UP_PAGE = 50;

export type FeedUpdate = (StreamMessage & { event: 'post'; id: string; data: FeedItem }) | (StreamMessage & { event: 'reset'; data: Record<string, never> });

/**
 * The viewer's new feed items, oldest first, each with its feed key as id: everything after
 * `after` at once, then whatever the projection adds, read again at every tick of `changes`.
 * `after` that is not a feed key (a first connection) means "after the newest item the feed
 * shows now", settled before this resolves. More than MAX_CATCH_UP items behind yields `reset`
 * (the client reloads its feed) and goes on from the newest.
 */
export async function feedUpdates(db: ReadDb, viewer: string, after: string | null, changes: AsyncIterable<void>): Promise<AsyncIterable<FeedUpdate>> {
  let last = after !== null && KEY_PATTERN.test(after) ? after : ((await readFeed(db, viewer, { limit: 1, filter: {} })).entries[0]?.key ?? '');

  async function* since(): AsyncGenerator<FeedUpdate> {
    // Page by page: a restarted worker can land many items at once.
    const fresh: FeedEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await readFeed(db, viewer, { limit: CATCH_UP_PAGE, filter: {}, newerThan: last, cursor });
      fresh.push(...page.entries);
      cursor = page.resumeAt ?? undefined;
    } while (cursor && fresh.length < MAX_CATCH_UP);
    if (cursor) {
      last = fresh[0].key;
      yield { event: 'reset', data: {} };
      return;
    }
    for (const item of await postLoader(db, viewer).items(fresh.reverse())) {
      last = item.cursor;
      yield { event: 'post', id: item.cursor, data: item };
    }
  }

  return (async function* () {
    yield* since();
    for await (const _ of changes) yield* since();
  })();
}
