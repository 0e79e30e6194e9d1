import type { Access, ActorFor, CommandDefinition } from './define';
import type { Actor, DomainEvent, StoredEvent } from './types';

/** A command a reaction issues: a registered command, its input, and whom it runs as. */
export interface IssuedCommand {
  command: CommandDefinition<any, unknown, Access>;
  input: unknown;
  actor: Actor | null;
}

/** Builds an `IssuedCommand`, typed by the command: the input and the actor must fit it. */
export const issue = <I, O, A extends Access>(command: CommandDefinition<I, O, A>, input: I, actor: ActorFor<A>): IssuedCommand => ({
  command: command as CommandDefinition<any, unknown, Access>,
  input,
  actor,
});

/**
 * A reactor is work that reacts to events by issuing commands (approval escalation, anomaly
 * detection, audit): the other kind of log consumer beside projectors. The runtime
 * (`catchUpReactor`) reads the log after its checkpoint like a projector, and commits each
 * reaction's commands together with the checkpoint that moves past its event, so the effect is
 * exactly-once; each command also carries an idempotency key made of the reactor's name and the
 * event's log position, so even a replay after a lost checkpoint cannot double it.
 * `react` must therefore decide the same commands for the same event (it may read, e.g. to find
 * an actor, but not from a clock or random ids: ids come from the command's own id source).
 * A command refused by its rules (an `AppError`) is an answer, not a failure: the reaction moves on.
 * Access rules are the HTTP edge's: the reactor itself chooses whom each command runs as.
 */
export interface Reactor<E extends DomainEvent = DomainEvent> {
  /** `<context>.<reactor>`, also its checkpoint id. */
  name: string;
  /** Event types it reacts to; every other event only advances its checkpoint. */
  handles: readonly E['type'][];
  react(event: StoredEvent<E>): Promise<IssuedCommand[]>;
}
