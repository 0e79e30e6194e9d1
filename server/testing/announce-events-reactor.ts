import { loadActor } from '@/server/auth/authenticate';
import { issue, type Reactor } from '@/server/cqrs/reactor';
import type { EventCreated } from '@/server/events/domain/domain-events';
import { createPost } from '@/server/social/commands/create-post';

/**
 * A reactor for tests only (no context registers it): when an event whose title starts with
 * `prefix` is created, its organizer posts about it on the social feed. It crosses contexts with a
 * real command, so the reactor runtime is proven end to end; there is no production reactor yet to
 * prove it with, and announcing events on behalf of organizers is not a product rule. The prefix
 * keeps it off other tests' events, and two such reactors off each other's.
 */
export function announceEvents(name: string, prefix: string): Reactor<EventCreated> {
  return {
    name,
    handles: ['EventCreated'],
    async react(event) {
      if (!event.data.title.startsWith(prefix)) return [];
      const organizer = await loadActor(event.data.organizer.userId);
      return [issue(createPost, { text: `New event: ${event.data.title} (${event.data.eventId})`, tags: ['events'] }, organizer)];
    },
  };
}

/** Events titled with this are announced by the worker that tests spawn. */
export const ANNOUNCE = '[announce]';

export const announceEventsReactor = announceEvents('testing.announce-events', ANNOUNCE);
