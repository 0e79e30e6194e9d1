import { normalizeTag } from './parse-feed-filters';

export const MAX_TAGS = 10;
// The server's rule (server/social/schemas.ts), checked here so the message comes before the round trip.
const TAG = /^[\p{L}\p{N}_-]{1,30}$/u;

/** "cqrs, #NextJS  events" -> ["cqrs", "nextjs", "events"], or why it cannot be accepted. */
export function parseTags(input: string): { tags: string[]; error?: string } {
  const tags = [
    ...new Set(
      input
        .split(/[\s,]+/)
        .map(normalizeTag)
        .filter(Boolean),
    ),
  ];
  const invalid = tags.find((tag) => !TAG.test(tag));
  if (invalid) return { tags, error: `“${invalid}” is not a tag: use 1–30 letters, digits, “-” or “_”.` };
  if (tags.length > MAX_TAGS) return { tags, error: `Use at most ${MAX_TAGS} tags.` };
  return { tags };
}
