import type { FeedFilters } from './social-types';

/**
 * Query keys in one place. Every events-context key starts with "events" and every
 * social key with "social", so one invalidation after any command of a context
 * refetches everything it may have changed.
 */
export const queryKeys = {
  events: ['events'] as const,
  event: (eventId: string) => ['events', 'detail', eventId] as const,
  upcoming: (q: string) => ['events', 'upcoming', q] as const,
  myRegistrations: ['events', 'my-registrations'] as const,
  organized: ['events', 'organized'] as const,
  attendees: (eventId: string, options: object) => ['events', 'attendees', eventId, options] as const,
  registrationsByDay: (eventId: string) => ['events', 'registrations-by-day', eventId] as const,
  opsStatus: ['ops', 'status'] as const,
  opsMetrics: (window: string) => ['ops', 'metrics', window] as const,
  social: ['social'] as const,
  /** Every feed variant (any filters): the live stream inserts into each that matches. */
  feeds: ['social', 'feed'] as const,
  feed: (filters: FeedFilters) => ['social', 'feed', filters] as const,
  userPostLists: ['social', 'user-posts'] as const,
  userPosts: (userId: string) => ['social', 'user-posts', userId] as const,
  profile: (userId: string) => ['social', 'profile', userId] as const,
  post: (postId: string) => ['social', 'post', postId] as const,
  peopleLists: ['social', 'people'] as const,
  people: (prefix: string) => ['social', 'people', prefix] as const,
};
