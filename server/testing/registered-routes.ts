import type { Access, CommandDefinition, QueryDefinition } from '@/server/cqrs/define';
import type { BoundedContext } from '@/server/cqrs/define-context';
import { type ApiResponse, type Caller, command, query, type TestHeaders } from './api';
import { sampleInput, sampleParams } from './sample-input';

export type AnyCommand = CommandDefinition<any, any>;
export type AnyQuery = QueryDefinition<any, any>;

/** What the test kit reads of a context (`server/<ctx>/index.ts`): its registered routes. */
export type ContextRoutes = Pick<BoundedContext, 'name' | 'commands' | 'queries'>;

/** A registered command or query; `key` is the command's name or the query's path. */
export type CommandRoute = { kind: 'command'; key: string; access: Access; def: AnyCommand };
export type QueryRoute = { kind: 'query'; key: string; access: Access; def: AnyQuery };
export type Route = CommandRoute | QueryRoute;

export function registeredRoutes(context: ContextRoutes): Route[] {
  return [
    ...context.commands.map((def): Route => ({ kind: 'command', key: def.name, access: def.access, def })),
    ...context.queries.map((def): Route => ({ kind: 'query', key: def.path, access: def.access, def })),
  ];
}

/** A command body or query parameters the route's contract accepts (see `sampleInput`). */
export const validInput = (route: Route): Record<string, unknown> =>
  route.kind === 'command' ? sampleInput(route.def.input, route.key) : sampleParams(route.def.params, route.key);

/** Sends a command body or query parameters to the route's real handler. */
export function send(route: Route, caller: Caller, input: unknown, headers: TestHeaders = {}): Promise<ApiResponse> {
  return route.kind === 'command' ? command(route.def, caller, input, headers) : query(route.def, caller, input as Record<string, string>, headers);
}
