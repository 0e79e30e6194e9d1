/** Limits of an event, shared by the decider and the HTTP contract. */
export const MAX_CAPACITY = 100_000;
export const MAX_TITLE = 200;
export const MAX_VENUE = 200;
export const MAX_DESCRIPTION = 5000;
