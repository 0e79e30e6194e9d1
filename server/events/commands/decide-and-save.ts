import type { CommandContext } from '@/server/cqrs/handle-command';
import { eventDecider, type EventCommand, type EventDecisionState } from '../domain/event-decider';
import { eventStreamId, type EventsDomainEvent } from '../domain/event-types';
import { saveEvent } from './event-rows';

/** Runs the decider, stores the evolved event row and appends the events to the event's stream. */
export async function decideAndSave(ctx: CommandContext, command: EventCommand, state: EventDecisionState) {
  const decided = eventDecider.decide(command, state);
  const next = decided.reduce(eventDecider.evolve, state);
  if (decided.length && next.event) {
    await saveEvent(ctx.tx, next.event);
    await ctx.append(eventStreamId(next.event.eventId), state.event?.version ?? 0, decided);
  }
  return { decided: decided as EventsDomainEvent[], next };
}
