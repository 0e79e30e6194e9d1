import { ATTENDEE, ORGANIZER } from './sign-in';
import { ADMIN } from './demo-session';
import type { DemoIds } from './demo-ids';

/** Who converts a page: failures in pages owned by others are listed (test.fixme), not patched here. */
export type Owner = 'shell' | 'events' | 'social' | 'ops';

export type CatalogPage = {
  name: string;
  path: (ids: DemoIds) => string;
  /** The demo user who opens it (null: signed out). */
  user: string | null;
  owner: Owner;
  /** The answer's status when it is not 200 (the 404 page). */
  status?: number;
};

/** Every page of the product, as the user it is for. */
export const PAGES: CatalogPage[] = [
  { name: 'home (organizer)', path: () => '/', user: ORGANIZER, owner: 'shell' },
  { name: 'home (admin)', path: () => '/', user: ADMIN, owner: 'shell' },
  { name: 'events list', path: () => '/events', user: ATTENDEE, owner: 'events' },
  { name: 'event', path: (ids) => `/events/${ids.eventId}`, user: ATTENDEE, owner: 'events' },
  { name: 'new event', path: () => '/events/new', user: ORGANIZER, owner: 'events' },
  { name: 'edit event', path: (ids) => `/events/${ids.eventId}/edit`, user: ORGANIZER, owner: 'events' },
  { name: 'attendees', path: (ids) => `/events/${ids.eventId}/attendees`, user: ORGANIZER, owner: 'events' },
  { name: 'my registrations', path: () => '/my/registrations', user: ATTENDEE, owner: 'events' },
  { name: 'organizer', path: () => '/organizer', user: ORGANIZER, owner: 'events' },
  { name: 'feed', path: () => '/social', user: ATTENDEE, owner: 'social' },
  { name: 'people', path: () => '/social/people', user: ATTENDEE, owner: 'social' },
  { name: 'profile', path: (ids) => `/social/users/${ids.userId}`, user: ATTENDEE, owner: 'social' },
  { name: 'post', path: (ids) => `/social/posts/${ids.postId}`, user: ATTENDEE, owner: 'social' },
  { name: 'ops', path: () => '/ops', user: ADMIN, owner: 'ops' },
  { name: 'ops (not admin)', path: () => '/ops', user: ATTENDEE, owner: 'ops' },
  { name: 'api docs', path: () => '/api-docs', user: ADMIN, owner: 'ops' },
  { name: 'sign-in', path: () => '/sign-in', user: null, owner: 'shell' },
  { name: 'sign-up', path: () => '/sign-up', user: null, owner: 'shell' },
  { name: '404', path: () => '/no-such-page', user: ATTENDEE, owner: 'shell', status: 404 },
];
