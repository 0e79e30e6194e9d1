/**
 * Media types as RFC 9110 §8.3.1 spells them: `type "/" subtype *( OWS ";" OWS name "=" value )`,
 * type, subtype and parameter names case-insensitive, values a token or a quoted string. A
 * substring test would take `text/plain; charset=application/json` for JSON; this does not.
 */
export interface MediaType {
  type: string;
  subtype: string;
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function parseMediaType(header: string): MediaType | null {
  const [essence, ...rest] = splitParams(header);
  const slash = essence.indexOf('/');
  if (slash < 0) return null;
  const type = essence.slice(0, slash).trim().toLowerCase();
  const subtype = essence
    .slice(slash + 1)
    .trim()
    .toLowerCase();
  if (!TOKEN.test(type) || !TOKEN.test(subtype)) return null;
  const params: Record<string, string> = {};
  for (const part of rest) {
    if (part.trim() === '') continue; // "application/json;" is tolerated, as browsers send it
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const name = part.slice(0, eq).trim().toLowerCase();
    let value = part.slice(eq + 1).trim();
    if (!TOKEN.test(name)) return null;
    if (value.startsWith('"')) {
      if (value.length < 2 || !value.endsWith('"')) return null;
      value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    } else if (!TOKEN.test(value)) return null;
    if (name in params) return null; // a repeated parameter is ambiguous
    params[name] = value;
  }
  return { type, subtype, params };
}

/** Splits on `;` outside quoted strings. */
function splitParams(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i];
    if (quoted && c === '\\' && i + 1 < header.length) {
      current += c + header[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** The JSON we read: `application/json` or a `+json` type (RFC 6839), in UTF-8 if a charset is named. */
export function isJsonMediaType(header: string | null): boolean {
  const media = header === null ? null : parseMediaType(header);
  if (media?.type !== 'application') return false;
  if (media.subtype !== 'json' && !media.subtype.endsWith('+json')) return false;
  const charset = media.params.charset?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

export const JSON_MEDIA_TYPE = 'application/json';
