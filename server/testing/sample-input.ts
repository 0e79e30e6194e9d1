import { randomUUID } from 'node:crypto';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

const FORMATS: Record<string, () => string> = {
  uuid: () => randomUUID(),
  'date-time': () => new Date(Date.now() + 30 * 86_400_000).toISOString(),
  date: () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  email: () => `${randomUUID()}@sample.test`,
};

function sampleString(s: JsonSchema): string {
  if (s.format && FORMATS[s.format]) return FORMATS[s.format]();
  // the shortest run of one letter or digit that the length limits and the pattern (if any) allow
  const min = Math.max(s.minLength ?? 1, 1);
  const lengths = Array.from({ length: 64 }, (_, i) => min + i).filter((n) => n <= (s.maxLength ?? Number.MAX_SAFE_INTEGER));
  const candidates = lengths.flatMap((n) => ['x', 'X', '1'].map((c) => c.repeat(n)));
  const pattern = s.pattern ? new RegExp(s.pattern, 'u') : null;
  return candidates.find((c) => !pattern || pattern.test(c)) ?? 'x';
}

function sampleNumber(s: JsonSchema): number {
  const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
  return Math.min(low, s.maximum ?? low);
}

function sample(s: JsonSchema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const options = s.anyOf ?? s.oneOf;
  if (options) return sample(options.find((o) => o.type !== 'null') ?? options[0]);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((key) => [key, sample(s.properties?.[key] ?? {})]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}));
    case 'string':
      return sampleString(s);
    case 'integer':
    case 'number':
      return sampleNumber(s);
    case 'boolean':
      return false;
    default:
      return null;
  }
}

function accepted<T>(schema: z.ZodType, value: T, route: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`sampleInput cannot build a valid input for ${route}: ${JSON.stringify(value)} fails ${parsed.error.message}`);
  }
  return value;
}

const sampleOf = (schema: z.ZodType) => sample(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) as Record<string, unknown>;

/**
 * The smallest input a zod contract accepts: its required fields only, each the simplest value its
 * JSON Schema allows (a fresh UUID, a time 30 days ahead, the minimum number). The contract suite and
 * the access matrix use it to reach the checks that run after validation on any route, new ones
 * included; a contract it cannot satisfy throws, naming the route, instead of testing nothing.
 */
export function sampleInput(schema: z.ZodType, route: string): Record<string, unknown> {
  return accepted(schema, sampleOf(schema), route);
}

/** The same for query parameters: every value a string, as a URL carries it. */
export function sampleParams(schema: z.ZodType, route: string): Record<string, string> {
  return accepted(schema, Object.fromEntries(Object.entries(sampleOf(schema)).map(([k, v]) => [k, String(v)])), route);
}
