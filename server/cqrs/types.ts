/** A fact the domain decided, before it is stored: `{type, data}` in past tense. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

export interface EventMetadata {
  actorId: string | null;
  correlationId: string;
  command: string;
  idempotencyKey: string | null;
}

interface StoredEventEnvelope {
  position: number;
  transactionId: number;
  streamId: string;
  streamVersion: number;
  metadata: EventMetadata;
  occurredAt: Date;
}

/** An event as read back from `domain_events`; a union of events stays discriminated by `type`. */
export type StoredEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent ? StoredEventEnvelope & { type: E['type']; data: E['data'] } : never;

/** A request to change an aggregate, imperative (`RegisterParticipant`); time and ids travel in `data`. */
export interface DomainCommand<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/**
 * A decider holds an aggregate's rules without any I/O, clock or id generation: time and ids arrive
 * inside the command. `decide` throws a DomainError when a rule refuses the command; `refusals`
 * lists, per command, every code it can throw: the API documents exactly these, and the decider's
 * tests (server/testing/decider-spec.ts) fail when one is raised undeclared or declared but never raised.
 */
export interface Decider<Command extends DomainCommand, Event extends DomainEvent, State, Code extends string = string> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  refusals: { readonly [T in Command['type']]: readonly Code[] };
}

/** Who is calling; derived from the session cookie or the bearer token. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  roles: string[];
}
