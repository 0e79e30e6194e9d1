import { z } from 'zod';
import { contexts } from '@/server/contexts';
import type { Access, CommandDefinition, ErrorDoc, QueryDefinition } from '@/server/cqrs/define';
import type { StreamDefinition } from '@/server/cqrs/define-stream';
import { tokenInput, tokenOutput } from '@/server/identity/schemas';

type Schema = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): Schema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Schema;
  return rest;
};

const problem = { $ref: '#/components/schemas/Problem' };

function errorResponses(access: Access, errors: ErrorDoc[], always: ErrorDoc[]): Record<string, unknown> {
  const docs = [...always, ...errors];
  if (access !== 'public') docs.push({ status: 401, code: 'unauthenticated', when: 'no session or bearer token' });
  if (typeof access === 'object') docs.push({ status: 403, code: 'forbidden', when: `caller lacks the role ${access.roles.join(' or ')}` });
  const byStatus = new Map<number, ErrorDoc[]>();
  for (const d of docs) byStatus.set(d.status, [...(byStatus.get(d.status) ?? []), d]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      {
        description: list.map((d) => `\`${d.code}\`: ${d.when}`).join('; '),
        content: { 'application/problem+json': { schema: problem } },
      },
    ]),
  );
}

const accessText = (access: Access) =>
  access === 'public' ? 'Public.' : access === 'signed-in' ? 'Any signed-in user.' : `Roles: ${access.roles.join(', ')}.`;

const security = (access: Access) => (access === 'public' ? [] : [{ bearer: [] }, { session: [] }]);

function commandOperation(c: CommandDefinition) {
  return {
    post: {
      tags: [c.name.split('/')[0]],
      summary: c.summary,
      description: `${accessText(c.access)} Send \`Idempotency-Key\` to make retries safe.`,
      security: security(c.access),
      parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }],
      requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(c.input, 'input') } } },
      responses: {
        [String(c.successStatus)]: {
          description: 'Done. The consistency token is also in the X-Consistency-Token header.',
          content: { 'application/json': { schema: jsonSchema(c.output, 'output') } },
        },
        ...errorResponses(c.access, c.errors, [
          { status: 400, code: 'invalid-request', when: 'malformed JSON or invalid fields (each one named in `errors`)' },
          { status: 409, code: 'idempotency-key-reused', when: 'the Idempotency-Key was used with another body' },
        ]),
      },
    },
  };
}

function queryOperation(q: QueryDefinition) {
  const shape = q.params instanceof z.ZodObject ? (q.params.shape as Record<string, z.ZodType>) : {};
  const parameters = Object.entries(shape).map(([name, schema]) => {
    const inPath = q.path.includes(`{${name}}`);
    return { name, in: inPath ? 'path' : 'query', required: inPath || !schema.safeParse(undefined).success, schema: jsonSchema(schema, 'input') };
  });
  parameters.push({ name: 'X-Consistency-Token', in: 'header', required: false, schema: { type: 'string' } });
  return {
    get: {
      tags: [q.path.split('/')[3]],
      summary: q.summary,
      description: `${accessText(q.access)} With X-Consistency-Token the answer waits up to 2 s for the projection; X-Consistency says fresh or stale.`,
      security: security(q.access),
      parameters,
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: jsonSchema(q.output, 'output') } } },
        ...errorResponses(q.access, q.errors, [{ status: 400, code: 'invalid-request', when: 'a parameter is malformed' }]),
      },
    },
  };
}

/** A live query: its body is an endless text/event-stream, described in words rather than a JSON schema. */
function streamOperation(tag: string, stream: StreamDefinition) {
  return {
    get: {
      tags: [tag],
      summary: stream.summary,
      description: stream.description,
      parameters: [
        { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
        { name: 'lastEventId', in: 'query', required: false, schema: { type: 'string' } },
      ],
      responses: {
        '200': { description: 'An endless text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        ...errorResponses(stream.access, [], []),
      },
    },
  };
}

/** Builds the OpenAPI 3.1 document from the same zod schemas that validate requests. */
export function buildOpenApi() {
  const paths: Record<string, unknown> = {};
  for (const context of contexts) {
    for (const c of context.commands) paths[`/api/commands/${c.name}`] = commandOperation(c);
    for (const q of context.queries) paths[q.path] = queryOperation(q);
    for (const stream of context.streams) paths[stream.path] = streamOperation(context.name, stream);
  }
  paths['/api/auth/token'] = {
    post: {
      tags: ['identity'],
      summary: 'Exchange email and password for a bearer token',
      requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(tokenInput, 'input') } } },
      responses: {
        '200': { description: 'Use as Authorization: Bearer <token>', content: { 'application/json': { schema: jsonSchema(tokenOutput, 'output') } } },
        ...errorResponses(
          'public',
          [
            { status: 401, code: 'invalid-credentials', when: 'wrong email or password (never says which)' },
            { status: 429, code: 'rate-limited', when: 'too many failures for this account or client; see Retry-After' },
          ],
          [{ status: 400, code: 'invalid-request', when: 'missing fields' }],
        ),
      },
    },
  };
  paths['/api/health'] = {
    get: {
      tags: ['ops'],
      summary: '200 when web, worker, PostgreSQL and the read store are up, else 503',
      responses: { '200': { description: 'All up' }, '503': { description: 'Something is down' } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Quadrant API',
      version: '0.1.0',
      description: 'Commands write PostgreSQL; queries read MongoDB read models. Errors are RFC 9457 problem+json with a stable `code`.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'From POST /api/auth/token' },
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string', description: 'Stable machine-readable code' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  };
}

export async function openApiHandler(): Promise<Response> {
  return Response.json(buildOpenApi());
}
