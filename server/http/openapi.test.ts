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

  it('is as strict as the server: header and cursor formats, every status with its codes, Retry-After on 429', () => {
    const create = doc.paths['/api/commands/events/create-event'].post;
    const key = create.parameters.find((p: { name: string }) => p.name === 'Idempotency-Key').schema;
    expect(new RegExp(key.pattern).test('has spaces')).toBe(false);
    expect(new RegExp(key.pattern).test('retry-1')).toBe(true);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '409', '413', '415', '500']));
    expect(create.responses['201'].headers['X-Consistency-Token'].schema.pattern).toBeDefined();
    expect(create.responses['409'].content['application/problem+json'].schema.allOf[1].properties.code.enum).toEqual(
      expect.arrayContaining(['idempotency-key-reused', 'idempotency-key-in-flight']),
    );
    const signUp = doc.paths['/api/commands/identity/create-user'].post;
    expect(signUp.responses['429'].headers['Retry-After'].required).toBe(true);
    expect(signUp.requestBody.content['application/json'].schema.properties.email.pattern).toContain('{1,64}');
    expect(signUp.description).toMatch(/ignored/);
    const token = doc.paths['/api/auth/token'].post;
    expect(Object.keys(token.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '413', '415', '429']));
    const upcoming = doc.paths['/api/queries/events/upcoming'].get;
    const param = (name: string) => upcoming.parameters.find((p: { name: string }) => p.name === name).schema;
    expect(param('cursor').pattern).toBeDefined();
    expect(param('X-Consistency-Token').pattern).toBe('^\\d{1,18}\\.\\d{1,18}$');
    expect(doc.paths['/api/queries/events/upcoming'].description).toMatch(/405 with Allow/);
    expect(doc.info.description).toMatch(/OPTIONS \*/);
    const feed = doc.paths['/api/queries/social/feed'].get.parameters.find((p: { name: string }) => p.name === 'since');
    expect(feed.description).toBe('since must be before until.');
  });
});
