import { describe, expect, it } from 'vitest';
import { contexts } from '@/server/contexts';
import { buildOpenApi } from './openapi';

describe('the OpenAPI document', () => {
  const doc = buildOpenApi() as any;

  it('is OpenAPI 3.1 and lists every command and query of every context', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const context of contexts) {
      for (const c of context.commands) expect(doc.paths[`/api/commands/${c.name}`]?.post, c.name).toBeDefined();
      for (const q of context.queries) expect(doc.paths[q.path]?.get, q.path).toBeDefined();
    }
  });

  it('describes request bodies from the zod schemas, with required fields and limits', () => {
    const schema = doc.paths['/api/commands/events/create-event'].post.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'startsAt', 'capacity']));
    expect(schema.properties.title.maxLength).toBe(200);
    expect(schema.additionalProperties).toBe(false);
  });

  it('documents auth and error answers per route', () => {
    const create = doc.paths['/api/commands/events/create-event'].post;
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409']));
    expect(create.security.length).toBeGreaterThan(0);
    const details = doc.paths['/api/queries/events/{eventId}'].get;
    expect(details.security).toEqual([]);
    expect(details.parameters.find((p: { name: string }) => p.name === 'eventId')).toMatchObject({ in: 'path', required: true });
  });
});
