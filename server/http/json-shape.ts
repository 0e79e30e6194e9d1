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

/** The paths (`a.b.0`) of every string, or object key, holding U+0000, which PostgreSQL text cannot store. */
export function pathsWithNul(root: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) found.push(path || '(body)');
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) found.push(childPath);
        else stack.push([child, childPath]);
      }
    }
  }
  return found.sort();
}
