export type Crumb = { label: string; href?: string };

/** Path prefixes that are pages of their own, with their names in the trail. */
const PAGE_LABELS: Record<string, string> = {
  '/events': 'Events',
  '/events/new': 'New event',
  '/my/registrations': 'My registrations',
  '/organizer': 'My events',
  '/social': 'Feed',
  '/social/people': 'People',
  '/ops': 'Operations',
};

/** Path prefixes with no page of their own: named only through their children. */
const NOT_PAGES = new Set(['/my', '/social/users', '/social/posts']);

/** Routes whose trail is not simply their path: the parent has no page, or is named differently. */
const ROUTES: { pattern: RegExp; trail: (title: string | null, id: string) => Crumb[] }[] = [
  // A sibling of the feed in the navigation, not a part of it.
  { pattern: /^\/social\/people$/, trail: () => [{ label: 'People' }] },
  { pattern: /^\/events\/(?!new$)([^/]+)$/, trail: (title) => [{ label: 'Events', href: '/events' }, { label: title ?? 'Event' }] },
  {
    pattern: /^\/events\/([^/]+)\/edit$/,
    trail: (title, id) => [{ label: 'Events', href: '/events' }, { label: title ?? 'Event', href: `/events/${id}` }, { label: 'Edit' }],
  },
  {
    pattern: /^\/events\/([^/]+)\/attendees$/,
    trail: (title, id) => [{ label: 'Events', href: '/events' }, { label: title ?? 'Event', href: `/events/${id}` }, { label: 'Attendees' }],
  },
  { pattern: /^\/social\/users\/([^/]+)$/, trail: (title) => [{ label: 'People', href: '/social/people' }, { label: title ?? 'Profile' }] },
  { pattern: /^\/social\/posts\/([^/]+)$/, trail: (title) => [{ label: 'Feed', href: '/social' }, { label: title ?? 'Post' }] },
];

const ID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function humanize(segment: string): string {
  const words = decodeURIComponent(segment).replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : segment;
}

/**
 * The breadcrumbs of a path, with readable labels; `title` names the entity the page shows.
 * Unknown paths (contexts still to come) get one crumb per segment, humanized.
 */
export function breadcrumbTrail(pathname: string, title: string | null): Crumb[] {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return [];
  // A page of its own (/events/new) is never read as an entity id.
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) return route.trail(title, match[1]);
  }
  const segments = path.split('/').filter(Boolean);
  const crumbs: Crumb[] = [];
  segments.forEach((segment, index) => {
    const prefix = `/${segments.slice(0, index + 1).join('/')}`;
    const last = index === segments.length - 1;
    if (!last && NOT_PAGES.has(prefix)) return;
    const label = PAGE_LABELS[prefix] ?? (ID_LIKE.test(segment) ? (title ?? 'Details') : last && title ? title : humanize(segment));
    crumbs.push(last ? { label } : { label, href: prefix });
  });
  return crumbs;
}
