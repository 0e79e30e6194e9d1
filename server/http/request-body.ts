import { invalid } from '@/server/cqrs/errors';
import { badText, MAX_JSON_DEPTH, nestsDeeperThan } from './json-shape';
import { isJsonMediaType, JSON_MEDIA_TYPE } from './media-type';
import { bodyTooLarge, unsupportedMediaType } from './problem';

/** The largest command body; the biggest contract (a post or an event) needs a few kB. */
export const MAX_COMMAND_BODY_BYTES = 64 * 1024;

const clientAborted = () => invalid([{ path: '(body)', message: 'could not be read (the client aborted)' }], 'The request body could not be read');

/**
 * Reads at most `maxBytes` of the body and stops there: a declared Content-Length over the cap is
 * refused before reading, and a longer stream is cancelled at the cap, so a 50 MB upload costs the
 * process 64 kB, not 50 MB. Throws 413 past the cap; 400 when the client hangs up mid-body.
 */
export async function readCapped(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = req.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) throw bodyTooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw clientAborted();
    }
    if (next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The JSON body of a request, or a refusal naming what is wrong with it: 415 unless the media type
 * is JSON (parsed, not substring-matched), 413 past `maxBytes`, 400 for bytes that are not UTF-8
 * (never stored as U+FFFD), nesting deeper than 64, invalid JSON, or U+0000 or an unpaired
 * surrogate escape in any string.
 */
export async function readJsonBody(req: Request, maxBytes = MAX_COMMAND_BODY_BYTES): Promise<unknown> {
  if (!isJsonMediaType(req.headers.get('content-type'))) throw unsupportedMediaType(JSON_MEDIA_TYPE);
  const bytes = await readCapped(req, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid([{ path: '(body)', message: 'is not valid UTF-8' }], 'The body is not valid UTF-8');
  }
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw invalid([{ path: '(body)', message: `must not nest arrays and objects more than ${MAX_JSON_DEPTH} levels deep` }], 'The body nests too deeply');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid([{ path: '(body)', message: 'is not valid JSON' }], 'The body is not valid JSON');
  }
  // PostgreSQL text cannot hold U+0000 or a lone surrogate: refuse them here for every command, naming where.
  const bad = badText(body);
  if (bad.length) throw invalid(bad);
  return body;
}
