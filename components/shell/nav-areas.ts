import {
  BookOpenText,
  CalendarDays,
  CalendarPlus,
  ClipboardList,
  House,
  type LucideIcon,
  Newspaper,
  Presentation,
  Settings2,
  UserRound,
  Users,
} from 'lucide-react';
import type { CurrentUser } from './use-current-user';

export type NavItem = {
  title: string;
  /** A path, or one computed from the signed-in user (their own profile). */
  href: string | ((user: CurrentUser) => string);
  icon: LucideIcon;
  /** Shown when the user has at least one of these roles; everyone when absent. */
  roles?: string[];
  /** Other paths this entry stands for (People also covers someone else's profile). */
  covers?: string[];
  /** Served outside the app router (a full page load, not a client navigation). */
  external?: boolean;
  /** More words the command palette should match. */
  keywords?: string[];
};

export type NavArea = { title: string; items: NavItem[] };

/**
 * Every page of the navigation, grouped by area, with the roles that may see it: the sidebar,
 * the phone sheet and the command palette all read this list. A new context adds its area here.
 * Access is enforced by the API; hiding an entry only spares people a page they cannot use.
 */
export const NAV_AREAS: NavArea[] = [
  {
    title: 'Overview',
    items: [{ title: 'Home', href: '/', icon: House, keywords: ['dashboard', 'start', 'figures'] }],
  },
  {
    title: 'Events',
    items: [
      { title: 'Upcoming', href: '/events', icon: CalendarDays, keywords: ['events', 'search'] },
      { title: 'My registrations', href: '/my/registrations', icon: ClipboardList, keywords: ['tickets', 'seats'] },
      { title: 'My events', href: '/organizer', icon: Presentation, roles: ['organizer'], keywords: ['organizer', 'attendees'] },
      { title: 'New event', href: '/events/new', icon: CalendarPlus, roles: ['organizer'], keywords: ['create'] },
    ],
  },
  {
    title: 'Social',
    items: [
      { title: 'Feed', href: '/social', icon: Newspaper, keywords: ['posts', 'timeline'] },
      { title: 'People', href: '/social/people', icon: Users, covers: ['/social/users'], keywords: ['follow', 'directory'] },
      { title: 'My profile', href: (user) => `/social/users/${encodeURIComponent(user.id)}`, icon: UserRound, keywords: ['me', 'account'] },
    ],
  },
  {
    title: 'Operations',
    items: [
      { title: 'Ops', href: '/ops', icon: Settings2, roles: ['admin'], keywords: ['projections', 'queues', 'lag', 'dead letters'] },
      { title: 'API', href: '/api-docs', icon: BookOpenText, roles: ['admin'], external: true, keywords: ['openapi', 'docs', 'swagger'] },
    ],
  },
];

export type ResolvedNavItem = Omit<NavItem, 'href'> & { href: string; area: string };
export type ResolvedNavArea = { title: string; items: ResolvedNavItem[] };

/** The areas and entries this user may see, with their paths resolved; empty areas are dropped. */
export function navFor(user: CurrentUser | null, areas: NavArea[] = NAV_AREAS): ResolvedNavArea[] {
  if (!user) return [];
  return areas
    .map((area) => ({
      title: area.title,
      items: area.items
        .filter((item) => !item.roles || item.roles.some((role) => user.roles.includes(role)))
        .map((item) => ({ ...item, area: area.title, href: typeof item.href === 'function' ? item.href(user) : item.href })),
    }))
    .filter((area) => area.items.length > 0);
}

function isUnder(pathname: string, base: string) {
  return pathname === base || pathname.startsWith(`${base}/`);
}

/**
 * The entry the current page belongs to: the longest path that contains it, so /events/new is
 * "New event" rather than "Upcoming", and /social/people is not the feed.
 */
export function activeHref(pathname: string, areas: ResolvedNavArea[]): string | null {
  let best: { href: string; length: number } | null = null;
  for (const item of areas.flatMap((area) => area.items)) {
    for (const base of [item.href, ...(item.covers ?? [])]) {
      if (isUnder(pathname, base) && (!best || base.length > best.length)) best = { href: item.href, length: base.length };
    }
  }
  return best?.href ?? null;
}
