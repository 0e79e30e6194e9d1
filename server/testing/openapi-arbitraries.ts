import fc from 'fast-check';

/**
 * fast-check arbitraries from the API document's JSON Schemas (the subset zod writes: types,
 * formats, patterns, lengths, bounds, enums, objects, arrays, unions): `valid` values the schema
 * describes, and `invalid` ones that break it one way or another, for the contract fuzzer.
 */
export type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

/** Values that exist (ids of real events, posts, users), so valid requests reach past the 404s. */
export interface Known {
  ids: string[];
}

const MAX_GENERATED = 80;

const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,20}$/), fc.stringMatching(/^[a-z]{1,10}$/))
  .map(([local, domain]) => `${local}-${Math.random().toString(36).slice(2, 8)}@${domain}.test`);

function validString(s: JsonSchema, known: Known): fc.Arbitrary<string> {
  if (s.format === 'uuid') return known.ids.length ? fc.oneof(fc.constantFrom(...known.ids), fc.uuid({ version: 4 })) : fc.uuid({ version: 4 });
  if (s.format === 'date-time') return isoDate;
  if (s.format === 'email') return email;
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? Number.MAX_SAFE_INTEGER;
  const fits = (v: string) => v.length >= min && v.length <= max;
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern, 'u')).filter(fits);
  const generated = fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, MAX_GENERATED)), unit: 'grapheme' }).filter(fits);
  return max <= 10_000 ? fc.oneof({ weight: 4, arbitrary: generated }, { weight: 1, arbitrary: fc.constant('x'.repeat(max)) }) : generated;
}

function validNumber(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : -1e6);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : 1e6);
  if (integer) return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
  return fc.double({ min, max, noNaN: true });
}

/** A value the schema describes (trimmed strings and cross-field rules aside: zod may still say no). */
export function valid(s: JsonSchema, known: Known): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const options = s.anyOf ?? s.oneOf;
  if (options) return fc.oneof(...options.map((o) => valid(o, known)));
  if (s.allOf) return valid(Object.assign({}, ...s.allOf, { ...s, allOf: undefined }), known);
  const types = [s.type ?? []].flat();
  const arbitraries = types.map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return validString(s, known);
      case 'integer':
      case 'number':
        return validNumber(s, type === 'integer');
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(valid(s.items ?? {}, known), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 5, 5) });
      case 'object': {
        const props = s.properties ?? {};
        const required = new Set(s.required ?? []);
        const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valid(v, known)])), {
          requiredKeys: Object.keys(props).filter((k) => required.has(k)),
        });
        return record;
      }
      default:
        return fc.jsonValue();
    }
  });
  return arbitraries.length ? fc.oneof(...arbitraries) : fc.jsonValue();
}

/** Strings that break string rules: NUL, controls, lone surrogates, sizes past the limit, markup. */
export const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', 'a\u0000b', '\ud800', '<script>', "' OR 1=1 --", '{"$gt":""}', '../../etc/passwd', '%00', '\u202e', 'x'.repeat(100_001)),
);

/** A value of the schema's shape with something wrong: a missing field, a wrong type, an extra field, a nasty string. */
export function invalid(s: JsonSchema, known: Known): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const keys = Object.keys(props);
  const base = valid(s, known);
  if (!keys.length) return fc.oneof(fc.jsonValue(), nastyString);
  const key = fc.constantFrom(...keys);
  return fc.oneof(
    fc.tuple(base, key).map(([v, k]) => omit(v, k)),
    fc.tuple(base, key, fc.oneof(fc.jsonValue(), nastyString)).map(([v, k, bad]) => ({ ...(v as object), [k]: bad })),
    fc.tuple(base, fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue()).map(([v, k, x]) => ({ ...(v as object), [`extra-${k}`]: x })),
    fc.jsonValue(),
  );
}

function omit(value: unknown, key: string): unknown {
  if (!value || typeof value !== 'object') return value;
  const { [key]: _dropped, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** Lone surrogates cannot be percent-encoded: a client cannot put them in a URL at all. */
export const urlSafe = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

/** A header value as a client might send it (a ByteString, as fetch's Headers demands). */
export const headerValue = fc.oneof(
  fc.string({ minLength: 0, maxLength: 220 }).map((v) => v.replace(/[^\x20-\x7e]/g, '')),
  fc.stringMatching(/^[!-~]{1,200}$/),
  fc.constantFrom('has spaces', 'clé'.normalize('NFC').replace('é', '\xe9'), 'k'.repeat(201)),
);
