import type { DomainEvent } from '@/server/cqrs/types';

/** Roles every open sign-up gets; other roles are granted, never self-chosen. */
export const DEFAULT_ROLES = ['attendee'] as const;

export type UserCreated = DomainEvent<'UserCreated', { userId: string; email: string; name: string; roles: string[] }>;

export const userStreamId = (userId: string) => `user-${userId}`;
