import type { Aggregate, RowWriter } from './aggregate';
import type { CommandContext } from './handle-command';
import type { Actor, DomainCommand, DomainEvent } from './types';

/**
 * The one way a command changes state: load the aggregate (locked), decide, and for each event
 * evolve the state and write its rows, then append the events to the aggregate's stream, all in
 * the command's transaction. A refusal throws before anything is written. Returns the events
 * (none when the command changes nothing, e.g. a repeated follow) and the state after them.
 */
export async function runDecider<Key, Command extends DomainCommand, Event extends DomainEvent, State>(
  ctx: CommandContext<Actor | null>,
  aggregate: Aggregate<Key, Command, Event, State>,
  key: Key,
  command: Command,
): Promise<{ events: Event[]; state: State }> {
  const before = await aggregate.load(ctx.tx, key);
  const events = aggregate.decider.decide(command, before);
  let state: State = before;
  for (const event of events) {
    state = aggregate.decider.evolve(state, event);
    const write = aggregate.persist[event.type as Event['type']] as RowWriter<Event, State>;
    await write(ctx.tx, event, state, ctx.now);
  }
  const stream = aggregate.stream(key, before);
  await ctx.append(stream.id, stream.version, events);
  return { events, state };
}
