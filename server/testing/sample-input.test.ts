import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sampleInput, sampleParams } from './sample-input';

/** The contract suite reaches its post-validation checks only if these samples pass the contract. */
describe('sampleInput', () => {
  it('fills required fields only, each with a value its contract accepts', () => {
    const schema = z.strictObject({
      id: z.uuid(),
      at: z.iso.datetime({ offset: true }),
      price: z.strictObject({ amountMinor: z.number().int().positive(), currency: z.string().regex(/^[A-Z]{3}$/) }),
      lines: z.array(z.strictObject({ sku: z.string().regex(/^\d{6}$/), quantity: z.number().int().min(2) })).min(1),
      kind: z.enum(['purchase', 'refund']),
      memo: z.string().min(12).nullable(),
      note: z.string().optional(),
    });
    const sample = sampleInput(schema, 'test/route');
    expect(schema.safeParse(sample).success).toBe(true);
    expect(Object.keys(sample).sort()).toEqual(['at', 'id', 'kind', 'lines', 'memo', 'price']);
    expect(new Date(sample.at as string).getTime()).toBeGreaterThan(Date.now());
  });

  it('gives query parameters as strings', () => {
    const params = sampleParams(z.object({ eventId: z.uuid(), limit: z.coerce.number().int().min(1).default(20) }), 'GET /x/{eventId}');
    expect(params).toEqual({ eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('names the route it cannot build an input for, rather than testing nothing', () => {
    const schema = z.strictObject({ code: z.string().refine((s) => s === 'only-this') });
    expect(() => sampleInput(schema, 'test/refined')).toThrow(/test\/refined/);
  });
});
