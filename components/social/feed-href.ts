import type { FeedFilters } from '@/components/api/social-types';

/** The feed's URL for these filters: links and the filter form share one spelling. */
export function feedHref(filters: FeedFilters): string {
  const params = new URLSearchParams();
  for (const key of ['author', 'tag', 'q', 'since', 'until'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `/social?${search}` : '/social';
}
