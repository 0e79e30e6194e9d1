import type { z } from 'zod';
import type { ReadDb } from '@/db/mongo';
import type { CommandContext, CommandOutcome } from './handle-command';
import type { Actor } from './types';

/** Who may call: anyone, any signed-in user, or holders of one of the roles. */
export type Access = 'public' | 'signed-in' | { roles: readonly string[] };

/** The caller a handler gets: only public routes see `null`, the others a signed-in `Actor`. */
export type ActorFor<A extends Access> = A extends 'public' ? Actor | null : Actor;

/** A documented error answer: the OpenAPI page lists these per route. */
export interface ErrorDoc {
  status: 400 | 401 | 403 | 404 | 409 | 422 | 429;
  code: string;
  when: string;
}

/** A command: its HTTP contract (zod, also the OpenAPI source) and its handler. */
export interface CommandDefinition<Input = unknown, Output = unknown, A extends Access = Access> {
  /** `<context>/<command>`: the route is POST /api/commands/<name>. */
  name: string;
  summary: string;
  access: A;
  input: z.ZodType<Input>;
  output: z.ZodType<Output>;
  successStatus: 200 | 201;
  errors: ErrorDoc[];
  handle(input: Input, ctx: CommandContext<ActorFor<A>>): Promise<CommandOutcome<Output>>;
}

export interface QueryContext<A extends Actor | null = Actor | null> {
  actor: A;
  db: ReadDb;
  /** The request's time (injectable like a command's). */
  now: Date;
}

/** A query: path and query-string parameters validated together, answered from MongoDB only. */
export interface QueryDefinition<Params = unknown, Output = unknown, A extends Access = Access> {
  /** OpenAPI-style path, e.g. `/api/queries/events/{eventId}`. */
  path: string;
  summary: string;
  access: A;
  params: z.ZodType<Params>;
  output: z.ZodType<Output>;
  /** Projections whose checkpoints a consistency token is checked against. */
  projections: string[];
  errors: ErrorDoc[];
  handle(params: Params, ctx: QueryContext<ActorFor<A>>): Promise<Output>;
}

export const defineCommand = <I, O, const A extends Access>(d: CommandDefinition<I, O, A>) => d;
export const defineQuery = <P, O, const A extends Access>(d: QueryDefinition<P, O, A>) => d;
