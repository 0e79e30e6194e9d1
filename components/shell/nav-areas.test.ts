import { describe, expect, it } from 'vitest';
import { activeHref, navFor } from './nav-areas';

const user = (roles: string[]) => ({ id: 'u1', email: 'u@x.test', name: 'U', roles });
const titles = (roles: string[]) => navFor(user(roles)).flatMap((area) => area.items.map((item) => item.title));

describe('navFor', () => {
  it('shows each role only its entries, and drops areas left empty', () => {
    expect(titles(['attendee'])).toEqual(['Home', 'Upcoming', 'My registrations', 'Feed', 'People', 'My profile']);
    expect(titles(['organizer', 'attendee'])).toContain('New event');
    expect(titles(['organizer'])).not.toContain('Ops');
    expect(navFor(user(['attendee'])).map((area) => area.title)).toEqual(['Overview', 'Events', 'Social']);
    expect(titles(['admin'])).toEqual(expect.arrayContaining(['Ops', 'API']));
    expect(navFor(null)).toEqual([]);
  });

  it('resolves the profile link for the user', () => {
    const profile = navFor(user([]))
      .flatMap((area) => area.items)
      .find((item) => item.title === 'My profile');
    expect(profile?.href).toBe('/social/users/u1');
  });
});

describe('activeHref', () => {
  const areas = navFor(user(['organizer', 'admin']));
  it('picks the longest entry that contains the page', () => {
    expect(activeHref('/events/new', areas)).toBe('/events/new');
    expect(activeHref('/events/abc/edit', areas)).toBe('/events');
    expect(activeHref('/social/people', areas)).toBe('/social/people');
    expect(activeHref('/social/posts/p1', areas)).toBe('/social');
    expect(activeHref('/social/users/someone-else', areas)).toBe('/social/people');
    expect(activeHref('/social/users/u1', areas)).toBe('/social/users/u1');
    expect(activeHref('/', areas)).toBe('/');
    expect(activeHref('/eventsx', areas)).toBeNull();
  });
});
