/**
 * Checks on a JSON body that must not cost more than its size: both walk iteratively, so no
 * nesting depth can overflow the stack (a 20 kB body of 10,000 brackets used to).
 */

/** The deepest nesting a request body may have; no contract here nests more than a few levels. */
export const MAX_JSON_DEPTH = 64;

/** True when `text` opens more than `max` arrays/objects at once (strings skipped, escapes honoured). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** An unpaired UTF-16 surrogate (JSON's `"\ud800"`): no UTF-8 can hold it, PostgreSQL would get U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a string PostgreSQL should store as sent, if anything. */
function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(s)) return 'must be valid Unicode (no unpaired surrogate escapes)';
  return null;
}

/**
 * Every string, or object key, that PostgreSQL text cannot store as sent (U+0000, or an unpaired
 * surrogate that would turn into U+FFFD), by path (`a.b.0`), with what is wrong.
 */
export function badText(root: unknown): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) found.push({ path: path || '(body)', message: problem });
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        const problem = textProblem(key);
        if (problem) found.push({ path: childPath, message: problem });
        else stack.push([child, childPath]);
      }
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The paths of `badText` (the tests' view). */
export const pathsWithNul = (root: unknown): string[] => badText(root).map((e) => e.path);
