'use client';

import { useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import type { Projected } from './api-client';
import { queryKeys } from './query-keys';
import { insertFeedItem } from './social-cache';
import type { FeedItem, FeedPage } from './social-types';

const STREAM_URL = '/api/queries/social/feed/stream';
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;

export type FeedStreamStatus = 'connecting' | 'live' | 'reconnecting';

function parseItem(data: string): FeedItem | null {
  try {
    const item = JSON.parse(data) as Partial<FeedItem> | null;
    return item && typeof item.postId === 'string' && typeof item.cursor === 'string' && item.author ? (item as FeedItem) : null;
  } catch {
    return null;
  }
}

/** The newest item the unfiltered feed on screen holds: where a new stream should resume. */
function newestShownCursor(queryClient: QueryClient): string | null {
  const feed = queryClient.getQueryData<InfiniteData<Projected<FeedPage>>>(queryKeys.feed({}));
  return feed?.pages[0]?.value.items[0]?.cursor ?? null;
}

/**
 * Keeps the cached feeds live through Server-Sent Events: each `post` event lands on the
 * first page of every loaded feed it matches. A dropped connection is resumed by the browser
 * itself, which resends Last-Event-ID so the server replays what we missed. Only when the
 * browser gives up (an HTTP error such as an expired session) do we open a new stream, after a
 * backoff. A new stream resumes after the newest post we show (`?lastEventId=`, the same
 * replay); without one it starts "now", so feeds read before it opened are refetched instead.
 * `onItem` hears each new item and how many feeds gained it (0: already shown or filtered out).
 */
export function useFeedStream(onItem?: (item: FeedItem, inserted: number) => void): FeedStreamStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<FeedStreamStatus>('connecting');
  const notify = useEffectEvent((item: FeedItem, inserted: number) => onItem?.(item, inserted));

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let retryMs = FIRST_RETRY_MS;

    const connect = () => {
      const resumeAfter = newestShownCursor(queryClient);
      // Same-origin, so the session cookie goes along.
      const current = new EventSource(resumeAfter ? `${STREAM_URL}?${new URLSearchParams({ lastEventId: resumeAfter })}` : STREAM_URL);
      let fresh = resumeAfter === null;
      source = current;
      current.addEventListener('open', () => {
        const openedAt = Date.now();
        retryMs = FIRST_RETRY_MS;
        setStatus('live');
        if (!fresh) return;
        fresh = false;
        // A post published between our feed read and this stream opening reached neither.
        void queryClient.invalidateQueries({
          queryKey: queryKeys.feeds,
          predicate: (query) => query.state.dataUpdatedAt > 0 && query.state.dataUpdatedAt < openedAt,
        });
      });
      current.addEventListener('post', (event) => {
        const item = parseItem((event as MessageEvent<string>).data);
        if (item) notify(item, insertFeedItem(queryClient, item));
      });
      // The server could not replay everything we missed: read the feeds again.
      current.addEventListener('reset', () => void queryClient.invalidateQueries({ queryKey: queryKeys.feeds }));
      current.addEventListener('error', (event) => {
        // `event: error` with data is the server reporting a failed read on a stream that stays
        // open (it retries on the next change); only a plain Event is the connection failing.
        if (event instanceof MessageEvent) return;
        setStatus('reconnecting');
        if (current.readyState !== EventSource.CLOSED) return; // the browser is retrying
        current.close();
        retryTimer = window.setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      });
    };

    connect();
    return () => {
      window.clearTimeout(retryTimer);
      source?.close();
    };
  }, [queryClient]);

  return status;
}
