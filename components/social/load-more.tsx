'use client';

import { useEffect, useEffectEvent, useRef } from 'react';
import { Button } from '@/components/ui/button';

type LoadMoreProps = {
  hasNextPage: boolean;
  loading: boolean;
  /** The last page failed: stop loading on scroll (it would retry in a loop); the button stays. */
  failed: boolean;
  onLoadMore: () => void;
  endText: string;
};

/**
 * Infinite scroll: a sentinel below the list loads the next page as it nears the viewport.
 * The button does the same for keyboards, screen readers and browsers without
 * IntersectionObserver.
 */
export function LoadMore({ hasNextPage, loading, failed, onLoadMore, endText }: LoadMoreProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  const load = useEffectEvent(() => onLoadMore());

  // Re-observed after each page: if the sentinel is still visible (short pages), the observer's
  // first callback reports it and the next page follows.
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage || loading || failed || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) load();
      },
      { rootMargin: '0px 0px 600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, loading, failed]);

  if (!hasNextPage) return <p className="py-4 text-center text-muted-foreground text-sm">{endText}</p>;
  return (
    <div className="flex flex-col items-center gap-2 py-4" ref={sentinel}>
      {failed ? <p className="text-destructive text-sm">The next posts could not be loaded.</p> : null}
      <Button variant="outline" loading={loading} onClick={onLoadMore}>
        {failed ? 'Retry' : 'Load more'}
      </Button>
    </div>
  );
}
