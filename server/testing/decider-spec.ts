import { expect, it } from 'vitest';
import { DomainError } from '@/server/cqrs/errors';
import type { Decider, DomainCommand, DomainEvent } from '@/server/cqrs/types';

/**
 * Given / when / then for a decider's unit tests:
 *
 *   const spec = deciderSpec(eventDecider);
 *   spec.given(state).when(command).thenEmits([...events]);
 *   spec.given(state).when(command).thenRefuses('event-full');
 *   spec.itRaisesEveryDeclaredRefusal(); // last, once per decider
 *
 * `thenRefuses` also checks the code is declared in the decider's `refusals` for that command (so
 * the API documents it), and the final test checks every declared refusal was raised by a test:
 * the declaration, the behaviour and the OpenAPI document cannot drift apart.
 */
export function deciderSpec<C extends DomainCommand, E extends DomainEvent, S, Code extends string>(decider: Decider<C, E, S, Code>) {
  const raised = new Set<string>();
  const fold = (state: S, events: readonly E[]) => events.reduce(decider.evolve, state);

  return {
    /** The state a history of events leaves, from `initial` (as the handlers' rows hold it). */
    fold: (initial: S, ...history: E[]) => fold(initial, history),

    given: (state: S) => ({
      when: (command: C) => ({
        /** The events decided, for assertions of your own. */
        events: (): E[] => decider.decide(command, state),
        /** Asserts the events and returns the state after them. */
        thenEmits(expected: E[]): S {
          const events = decider.decide(command, state);
          expect(events).toEqual(expected);
          return fold(state, events);
        },
        /** A command that changes nothing (a retry, a double click) decides no event. */
        thenEmitsNothing(): void {
          expect(decider.decide(command, state)).toEqual([]);
        },
        thenRefuses(code: Code): DomainError<Code> {
          const declared: readonly string[] = decider.refusals[command.type as C['type']];
          expect(declared, `${code} is raised by ${command.type} but not declared in its refusals`).toContain(code);
          let error: unknown;
          try {
            decider.decide(command, state);
          } catch (err) {
            error = err;
          }
          expect(error, `${command.type} was expected to be refused with ${code}`).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(code);
          raised.add(`${command.type}: ${code}`);
          return error as DomainError<Code>;
        },
      }),
    }),

    /** Registers the test that every declared refusal was raised by one of this file's tests. */
    itRaisesEveryDeclaredRefusal(): void {
      it('raises every refusal it declares (the ones the API documents)', () => {
        const declared = Object.entries(decider.refusals as Record<string, readonly string[]>).flatMap(([type, codes]) => codes.map((c) => `${type}: ${c}`));
        expect(declared.filter((d) => !raised.has(d))).toEqual([]);
      });
    },
  };
}
