import { loadActor } from '@/server/auth/authenticate';
import { issue, type Reactor } from '@/server/cqrs/reactor';
import type { EventCreated } from '@/server/events/domain/event-types';
import { createPost } from '@/server/social/commands/create-post';

/** Only events whose title starts with this are announced, so the reactor leaves other tests' events alone. */
export const ANNOUNCE = '[announce]';

/**
 * A reactor for tests only (no context registers it): when an event whose title starts with
 * `[announce]` is created, its organizer posts about it on the social feed. It crosses contexts
 * with a real command, so the reactor runtime is proven end to end; there is no production reactor
 * yet to prove it with, and announcing every event on behalf of organizers is not a product rule.
 */
export const announceEventsReactor: Reactor<EventCreated> = {
  name: 'testing.announce-events',
  handles: ['EventCreated'],
  async react(event) {
    if (!event.data.title.startsWith(ANNOUNCE)) return [];
    const organizer = await loadActor(event.data.organizer.userId);
    return [issue(createPost, { text: `New event: ${event.data.title} (${event.data.eventId})`, tags: ['events'] }, organizer)];
  },
};
