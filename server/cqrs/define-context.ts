import type { CommandDefinition, QueryDefinition } from './define';
import type { StreamDefinition } from './define-stream';
import type { Projector } from './projector';
import type { Reactor } from './reactor';

/**
 * A bounded context as the platform sees it (`server/<ctx>/index.ts`): what the routes, the
 * OpenAPI document, the test kit and the worker read. Registering it in `server/contexts.ts` is
 * all a new context does to be served, documented, tested and projected.
 */
export interface BoundedContext {
  name: string;
  commands: readonly CommandDefinition<any, any, any>[];
  queries: readonly QueryDefinition<any, any, any>[];
  /** Live queries (Server-Sent Events), each served by a `streamRoute` file at its path. */
  streams: readonly StreamDefinition<any>[];
  projectors: readonly Projector[];
  /** Consumers of the log that issue commands (decision 0008). */
  reactors: readonly Reactor<any>[];
}

/** Fills the parts a context does not have, so readers never test for them. */
export const defineContext = (context: Pick<BoundedContext, 'name'> & Partial<BoundedContext>): BoundedContext => ({
  commands: [],
  queries: [],
  streams: [],
  projectors: [],
  reactors: [],
  ...context,
});
