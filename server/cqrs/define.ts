import type { z } from 'zod';
import type { ReadDb } from '@/db/mongo';
import type { CommandContext, CommandOutcome } from './handle-command';
import type { Actor } from './types';

/** Who may call: anyone, any signed-in user, or holders of one of the roles. */
export type Access = 'public' | 'signed-in' | { roles: string[] };

/** A documented error answer: the OpenAPI page lists these per route. */
export interface ErrorDoc {
  status: 400 | 401 | 403 | 404 | 409 | 422 | 429;
  code: string;
  when: string;
}

/** A command: its HTTP contract (zod, also the OpenAPI source) and its handler. */
export interface CommandDefinition<Input = unknown, Output = unknown> {
  /** `<context>/<command>`: the route is POST /api/commands/<name>. */
  name: string;
  summary: string;
  access: Access;
  input: z.ZodType<Input>;
  output: z.ZodType<Output>;
  successStatus: 200 | 201;
  errors: ErrorDoc[];
  handle(input: Input, ctx: CommandContext): Promise<CommandOutcome<Output>>;
}

export interface QueryContext {
  actor: Actor | null;
  db: ReadDb;
}

/** A query: path and query-string parameters validated together, answered from MongoDB only. */
export interface QueryDefinition<Params = unknown, Output = unknown> {
  /** OpenAPI-style path, e.g. `/api/queries/events/{eventId}`. */
  path: string;
  summary: string;
  access: Access;
  params: z.ZodType<Params>;
  output: z.ZodType<Output>;
  /** Projections whose checkpoints a consistency token is checked against. */
  projections: string[];
  errors: ErrorDoc[];
  handle(params: Params, ctx: QueryContext): Promise<Output>;
}

export const defineCommand = <I, O>(d: CommandDefinition<I, O>) => d;
export const defineQuery = <P, O>(d: QueryDefinition<P, O>) => d;
