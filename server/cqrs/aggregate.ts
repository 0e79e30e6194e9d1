import type { Db } from '@/db/client';
import type { Decider, DomainCommand, DomainEvent } from './types';

/** Brings the normalized rows up to date with one event, from the event and the state after it. */
export type RowWriter<E extends DomainEvent, State> = (tx: Db, event: E, after: State, at: Date) => Promise<void>;

/**
 * Everything the decider runner needs to know about one kind of aggregate: its rules, how its
 * state is loaded (and locked), which stream its events go to, and one row writer per event type.
 * Because every row a command changes is written by the writer of an event it appended, the
 * tables and the log cannot disagree (docs/decisions/0006-state-stored-deciders.md).
 */
export interface Aggregate<Key, Command extends DomainCommand, Event extends DomainEvent, State> {
  decider: Decider<Command, Event, State>;
  /**
   * Reads the decision state. Locks first (FOR UPDATE) the row that serializes the aggregate's
   * writers: that lock orders both the stream versions and the transactions, which is the order
   * projectors read. Things that do not exist are absent from the state; the decider refuses.
   */
  load(tx: Db, key: Key): Promise<State>;
  /** The stream the events are appended to, and its version in the loaded state (0 before any). */
  stream(key: Key, state: State): { id: string; version: number };
  persist: { [T in Event['type']]: RowWriter<Extract<Event, { type: T }>, State> };
}

export const defineAggregate = <Key, Command extends DomainCommand, Event extends DomainEvent, State>(aggregate: Aggregate<Key, Command, Event, State>) =>
  aggregate;
