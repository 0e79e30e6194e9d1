import type { FeedFilters } from '@/components/api/social-types';

type SearchParams = Record<string, string | string[] | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/** "#CQRS" -> "cqrs": tags are stored lowercase, and people type the hash out of habit. */
export function normalizeTag(value: string): string {
  return value.trim().replace(/^#+/, '').toLowerCase();
}

/**
 * The feed's filters from the URL. A hand-edited link with a malformed author or date drops
 * that filter rather than turning the whole feed into an error; a bad tag or text still goes
 * to the server, whose message explains what is allowed.
 */
export function parseFeedFilters(params: SearchParams): FeedFilters {
  const filters: FeedFilters = {};
  const author = first(params.author);
  if (UUID.test(author)) filters.author = author.toLowerCase();
  const tag = normalizeTag(first(params.tag));
  if (tag) filters.tag = tag;
  const q = first(params.q).slice(0, 100);
  if (q) filters.q = q;
  const since = first(params.since);
  if (DAY.test(since)) filters.since = since;
  const until = first(params.until);
  if (DAY.test(until)) filters.until = until;
  return filters;
}
