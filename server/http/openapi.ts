import { z } from 'zod';
import { MAX_TOKEN_BODY_BYTES } from '@/server/auth/token-handler';
import { contexts } from '@/server/contexts';
import type { Access, CommandDefinition, QueryDefinition } from '@/server/cqrs/define';
import type { StreamDefinition } from '@/server/cqrs/define-stream';
import { env } from '@/server/env';
import { tokenInput, tokenOutput } from '@/server/identity/schemas';
import { CONSISTENCY_TOKEN_PATTERN } from '@/server/shared/contract';
import { allowedMethods } from './front-door';
import { MAX_JSON_DEPTH } from './json-shape';
import { problemSchema } from './problem';
import { MAX_COMMAND_BODY_BYTES } from './request-body';

type Schema = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): Schema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Schema;
  return rest;
};

/** A documented refusal: its status, its stable code, when it happens. */
export interface Refusal {
  status: number;
  code: string;
  when: string;
}

const retryAfter = {
  'Retry-After': { description: 'Seconds until a new attempt can succeed', required: true, schema: { type: 'integer', minimum: 1 } },
};

/**
 * The refusals grouped by status. Each response's schema is the Problem with `code` narrowed to the
 * codes listed, so the document says exactly which codes a route answers (and the contract test
 * holds the server to it).
 */
function errorResponses(refusals: Refusal[]): Record<string, unknown> {
  const byStatus = new Map<number, Refusal[]>();
  for (const r of refusals) byStatus.set(r.status, [...(byStatus.get(r.status) ?? []).filter((x) => x.code !== r.code), r]);
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        {
          description: list.map((d) => `\`${d.code}\`: ${d.when}`).join('; '),
          ...(status === 429 ? { headers: retryAfter } : {}),
          content: {
            'application/problem+json': {
              schema: {
                allOf: [{ $ref: '#/components/schemas/Problem' }, { properties: { status: { const: status }, code: { enum: list.map((d) => d.code) } } }],
              },
            },
          },
        },
      ]),
  );
}

/** What the access adds: 401 and 403 for routes that need a caller. */
function accessRefusals(access: Access, writes = false): Refusal[] {
  if (access === 'public') return [];
  // commands also look the token's user up (known-user.ts); reads answer a user with no data as having none
  const when = `no session or bearer token, or one that is expired or forged${writes ? ' or names no user' : ''}`;
  const list: Refusal[] = [{ status: 401, code: 'unauthenticated', when }];
  if (typeof access === 'object') list.push({ status: 403, code: 'forbidden', when: `caller lacks the role ${access.roles.join(' or ')}` });
  return list;
}

/** Every route can fail on our side; the contract test fails on any such answer. */
const FAULT: Refusal = { status: 500, code: 'internal', when: 'a fault on our side (logged); never the answer to what a request contains' };

/** What every JSON body route refuses before reading the body's meaning. */
const bodyRefusals = (maxBytes: number): Refusal[] => [
  {
    status: 400,
    code: 'invalid-request',
    when: `malformed JSON, bytes that are not UTF-8, nesting deeper than ${MAX_JSON_DEPTH}, U+0000 in a string, or invalid fields (each named in \`errors\`)`,
  },
  { status: 413, code: 'body-too-large', when: `the body is over ${maxBytes} bytes (refused while reading: the rest is never read)` },
  { status: 415, code: 'unsupported-media-type', when: 'Content-Type is not application/json (or a +json type), or names a charset other than UTF-8' },
];

const accessText = (access: Access) =>
  access === 'public'
    ? 'Public: an Authorization that cannot be verified is ignored, and the answer is the one an anonymous caller gets.'
    : access === 'signed-in'
      ? 'Any signed-in user.'
      : `Roles: ${access.roles.join(', ')}.`;

const security = (access: Access) => (access === 'public' ? [] : [{ bearer: [] }, { session: [] }]);

const jsonBody = (schema: Schema) => ({
  required: true,
  description: 'JSON in UTF-8: `application/json` (parameters allowed, e.g. `; charset=utf-8`) or any `application/*+json` type.',
  content: { 'application/json': { schema } },
});

export const IDEMPOTENCY_KEY_PATTERN = '^[!-~]{1,200}$';
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Makes retries safe: the same key and body answer the first answer again.',
  schema: { type: 'string', minLength: 1, maxLength: 200, pattern: IDEMPOTENCY_KEY_PATTERN },
};
const consistencyTokenHeader = {
  description: 'Send back as X-Consistency-Token to read your own write',
  schema: { type: 'string', pattern: CONSISTENCY_TOKEN_PATTERN.source, maxLength: 37 },
};

function commandOperation(c: CommandDefinition) {
  const refusals: Refusal[] = [
    ...bodyRefusals(MAX_COMMAND_BODY_BYTES),
    ...accessRefusals(c.access, true),
    ...c.errors,
    { status: 409, code: 'idempotency-key-reused', when: 'the Idempotency-Key was used with another body' },
    { status: 409, code: 'idempotency-key-in-flight', when: 'a request with this Idempotency-Key is still running' },
    ...(c.access === 'public'
      ? [
          {
            status: 429,
            code: 'rate-limited',
            when: `more than ${env.PUBLIC_COMMANDS_PER_CLIENT} valid requests from this address in ${env.PUBLIC_COMMANDS_WINDOW_SECONDS} s`,
          },
        ]
      : []),
    FAULT,
  ];
  return {
    post: {
      operationId: `command:${c.name}`,
      tags: [c.name.split('/')[0]],
      summary: c.summary,
      description: `${accessText(c.access)} Send \`Idempotency-Key\` to make retries safe.`,
      security: security(c.access),
      parameters: [idempotencyKey],
      requestBody: jsonBody(jsonSchema(c.input, 'input')),
      responses: {
        [String(c.successStatus)]: {
          description: 'Done. The consistency token is also in the X-Consistency-Token header.',
          headers: { 'X-Consistency-Token': consistencyTokenHeader },
          content: { 'application/json': { schema: jsonSchema(c.output, 'output') } },
        },
        ...errorResponses(refusals),
      },
    },
  };
}

function queryOperation(q: QueryDefinition) {
  const shape = q.params instanceof z.ZodObject ? (q.params.shape as Record<string, z.ZodType>) : {};
  const rules = crossFieldRules(q.params);
  const parameters: Schema[] = Object.entries(shape).map(([name, schema]) => {
    const inPath = q.path.includes(`{${name}}`);
    const description = rules
      .get(name)
      ?.map((rule) => `${name} ${rule}.`)
      .join(' ');
    return {
      name,
      in: inPath ? 'path' : 'query',
      required: inPath || !schema.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: jsonSchema(schema, 'input'),
    };
  });
  parameters.push({
    name: 'X-Consistency-Token',
    in: 'header',
    required: false,
    description: 'A token a command answered (only those): the answer waits up to 2 s for the projection.',
    schema: consistencyTokenHeader.schema,
  });
  const refusals: Refusal[] = [
    { status: 400, code: 'invalid-request', when: 'a parameter is malformed (each named in `errors`), including bad percent-encoding and U+0000' },
    ...accessRefusals(q.access),
    ...q.errors,
    FAULT,
  ];
  return {
    get: {
      operationId: `query:${q.path}`,
      tags: [q.path.split('/')[3]],
      summary: q.summary,
      description: `${accessText(q.access)} With X-Consistency-Token the answer waits up to 2 s for the projection; X-Consistency says fresh or stale.`,
      security: security(q.access),
      parameters,
      responses: {
        '200': {
          description: 'OK',
          headers: { 'X-Consistency': { description: 'fresh or stale; only with X-Consistency-Token', schema: { enum: ['fresh', 'stale'] } } },
          content: { 'application/json': { schema: jsonSchema(q.output, 'output') } },
        },
        ...errorResponses(refusals),
      },
    },
  };
}

/**
 * Rules over several parameters (`since` before `until`), which JSON Schema cannot say: zod keeps
 * each refinement's path and message, so the document states them in words on the parameter.
 */
function crossFieldRules(schema: z.ZodType): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  const checks = ((schema as unknown as { _zod: { def: { checks?: { _zod: { def: Record<string, unknown> } }[] } } })._zod.def.checks ?? []).map(
    (c) => c._zod.def,
  );
  for (const check of checks) {
    const [field] = (check.path as string[] | undefined) ?? [];
    const message = typeof check.error === 'function' ? (check.error as (issue: object) => unknown)({}) : undefined;
    if (check.check === 'custom' && field && typeof message === 'string') rules.set(field, [...(rules.get(field) ?? []), message]);
  }
  return rules;
}

/** A live query: its body is an endless text/event-stream, described in words rather than a JSON schema. */
function streamOperation(tag: string, stream: StreamDefinition) {
  return {
    get: {
      operationId: `stream:${stream.path}`,
      tags: [tag],
      summary: stream.summary,
      description: `${accessText(stream.access)} ${stream.description}`,
      security: security(stream.access),
      parameters: [
        { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
        { name: 'lastEventId', in: 'query', required: false, schema: { type: 'string' } },
      ],
      responses: {
        '200': { description: 'An endless text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        ...errorResponses([{ status: 400, code: 'invalid-request', when: 'a parameter is malformed' }, ...accessRefusals(stream.access), FAULT]),
      },
    },
  };
}

function tokenOperation() {
  return {
    post: {
      operationId: 'auth:token',
      tags: ['identity'],
      summary: 'Exchange email and password for a bearer token',
      description:
        'Public. Failed attempts are limited per account and client address (few), per account from all addresses (many, a short window) and per address; an attempt over a limit is refused with 429 and Retry-After without checking the password.',
      security: [],
      requestBody: jsonBody(jsonSchema(tokenInput, 'input')),
      responses: {
        '200': { description: 'Use as Authorization: Bearer <token>', content: { 'application/json': { schema: jsonSchema(tokenOutput, 'output') } } },
        ...errorResponses([
          ...bodyRefusals(MAX_TOKEN_BODY_BYTES),
          { status: 401, code: 'invalid-credentials', when: 'wrong email or password (never says which)' },
          { status: 429, code: 'rate-limited', when: 'too many failures for this account from this address, for this account, or from this address' },
          FAULT,
        ]),
      },
    },
  };
}

const PROTOCOL = `
Errors are RFC 9457 problem+json with a stable \`code\`; each operation lists its statuses and codes.

What every path answers, besides its operations:
- a method it does not serve: **405** \`method-not-allowed\` with an \`Allow\` header (TRACE and unknown methods included);
- \`OPTIONS\`: **204** with \`Allow\`; \`OPTIONS *\`: **204** with the methods the server serves;
- \`HEAD\` on a GET route: the GET's status and headers, no body;
- a path with malformed percent-encoding (\`%ff%fe\`, \`%zz\`): **400** \`invalid-request\`.

Bodies are JSON only (415 otherwise), read up to their cap and no further (413), UTF-8 (400). Public routes ignore an
Authorization they cannot verify. Rate limits answer 429 with \`Retry-After\`; client addresses come from the socket, or from
\`X-Forwarded-For\` only as written by a proxy the server is configured to trust.`;

/** Builds the OpenAPI 3.1 document from the same zod schemas that validate requests. */
export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const context of contexts) {
    for (const c of context.commands) paths[`/api/commands/${c.name}`] = commandOperation(c);
    for (const q of context.queries) paths[q.path] = queryOperation(q);
    for (const stream of context.streams) paths[stream.path] = streamOperation(context.name, stream);
  }
  paths['/api/auth/token'] = tokenOperation();
  const health = z.object({ status: z.enum(['up', 'down']), checks: z.record(z.string(), z.string()) });
  paths['/api/health'] = {
    get: {
      operationId: 'ops:health',
      tags: ['ops'],
      summary: '200 when web, worker, PostgreSQL and the read store are up, else 503',
      security: [],
      responses: {
        '200': { description: 'All up', content: { 'application/json': { schema: jsonSchema(health, 'output') } } },
        '503': { description: 'Something is down; `checks` says what', content: { 'application/json': { schema: jsonSchema(health, 'output') } } },
      },
    },
  };
  paths['/api/openapi.json'] = {
    get: {
      operationId: 'ops:openapi',
      tags: ['ops'],
      summary: 'This document',
      security: [],
      responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  for (const [path, item] of Object.entries(paths)) {
    item.description = `Other methods than ${allowedMethods(path).join(', ')}: 405 with Allow.`;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Quadrant API', version: '0.1.0', description: `Commands write PostgreSQL; queries read MongoDB read models.\n${PROTOCOL}` },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'From POST /api/auth/token' },
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
    },
  };
}

export async function openApiHandler(): Promise<Response> {
  return Response.json(buildOpenApi());
}
