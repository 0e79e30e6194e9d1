/**
 * Query keys in one place. Every events-context key starts with "events", so one
 * invalidation after any events command refetches everything it may have changed.
 */
export const queryKeys = {
  events: ["events"] as const,
  event: (eventId: string) => ["events", "detail", eventId] as const,
  upcoming: (q: string) => ["events", "upcoming", q] as const,
  myRegistrations: ["events", "my-registrations"] as const,
  organized: ["events", "organized"] as const,
  opsStatus: ["ops", "status"] as const,
};
