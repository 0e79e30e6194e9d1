import { describe, expect, it } from 'vitest';
import { breadcrumbTrail } from './breadcrumb-trail';

const ID = '4b1c7c1e-1111-2222-3333-444455556666';

describe('breadcrumbTrail', () => {
  it('names the pages of the navigation', () => {
    expect(breadcrumbTrail('/events', null)).toEqual([{ label: 'Events' }]);
    expect(breadcrumbTrail('/my/registrations', null)).toEqual([{ label: 'My registrations' }]);
    expect(breadcrumbTrail('/social/people', null)).toEqual([{ label: 'People' }]);
  });

  it('reads /events/new as a page, not as an event id', () => {
    expect(breadcrumbTrail('/events/new', null)).toEqual([{ label: 'Events', href: '/events' }, { label: 'New event' }]);
  });

  it('names an entity by the title its page gives, by its kind until then', () => {
    expect(breadcrumbTrail(`/events/${ID}`, null)).toEqual([{ label: 'Events', href: '/events' }, { label: 'Event' }]);
    expect(breadcrumbTrail(`/events/${ID}/edit`, 'Launch')).toEqual([
      { label: 'Events', href: '/events' },
      { label: 'Launch', href: `/events/${ID}` },
      { label: 'Edit' },
    ]);
    expect(breadcrumbTrail(`/social/users/${ID}`, 'Ada')).toEqual([{ label: 'People', href: '/social/people' }, { label: 'Ada' }]);
  });

  it('humanizes paths it does not know (contexts still to come)', () => {
    expect(breadcrumbTrail(`/purchase-orders/${ID}`, null)).toEqual([{ label: 'Purchase orders', href: '/purchase-orders' }, { label: 'Details' }]);
    expect(breadcrumbTrail('/', null)).toEqual([]);
  });
});
