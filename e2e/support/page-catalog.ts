import { ATTENDEE, ORGANIZER } from './sign-in';
import { ADMIN } from './demo-session';
import type { DemoIds } from './demo-ids';

export type CatalogPage = {
  name: string;
  path: (ids: DemoIds) => string;
  /** The demo user who opens it (null: signed out). */
  user: string | null;
  /** The answer's status when it is not 200 (the 404 page). */
  status?: number;
};

/** Every page of the product, as the user it is for. */
export const PAGES: CatalogPage[] = [
  { name: 'home (organizer)', path: () => '/', user: ORGANIZER },
  { name: 'home (admin)', path: () => '/', user: ADMIN },
  { name: 'events list', path: () => '/events', user: ATTENDEE },
  { name: 'event', path: (ids) => `/events/${ids.eventId}`, user: ATTENDEE },
  { name: 'new event', path: () => '/events/new', user: ORGANIZER },
  { name: 'edit event', path: (ids) => `/events/${ids.eventId}/edit`, user: ORGANIZER },
  { name: 'attendees', path: (ids) => `/events/${ids.eventId}/attendees`, user: ORGANIZER },
  { name: 'my registrations', path: () => '/my/registrations', user: ATTENDEE },
  { name: 'organizer', path: () => '/organizer', user: ORGANIZER },
  { name: 'feed', path: () => '/social', user: ATTENDEE },
  { name: 'people', path: () => '/social/people', user: ATTENDEE },
  { name: 'profile', path: (ids) => `/social/users/${ids.userId}`, user: ATTENDEE },
  { name: 'post', path: (ids) => `/social/posts/${ids.postId}`, user: ATTENDEE },
  { name: 'ops', path: () => '/ops', user: ADMIN },
  { name: 'ops (not admin)', path: () => '/ops', user: ATTENDEE },
  { name: 'api docs', path: () => '/api-docs', user: ADMIN },
  { name: 'sign-in', path: () => '/sign-in', user: null },
  { name: 'sign-up', path: () => '/sign-up', user: null },
  { name: '404', path: () => '/no-such-page', user: ATTENDEE, status: 404 },
];
