import { createHash } from 'node:crypto';

const EMAIL = /[^\s"'<>()[\]{},;:]{1,64}@[^\s"'<>()[\]{},;:]{1,255}/g;

/** A stable short digest: the same email always logs the same way, and is never readable. */
export const digest = (value: string) => createHash('sha256').update(value.trim().toLowerCase()).digest('hex').slice(0, 12);

/** An email as logs may show it: `<email:1a2b3c4d5e6f>`, enough to correlate lines, never the address. */
export const redactEmail = (email: string) => `<email:${digest(email)}>`;

/**
 * Makes a log line safe to keep: drops the parameter list a database driver appends to a failed
 * query (it holds emails, names and texts users sent) and replaces anything shaped like an email.
 * Passwords never reach a query (only their hashes), and this would drop them too.
 */
export function redact(text: string): string {
  return text
    .replace(/\bparams:[\s\S]*?(?=\n\s+at |$(?![\s\S]))/g, 'params: <redacted>')
    .replace(EMAIL, (email) => redactEmail(email))
    .replaceAll('\u0000', '\\u0000');
}

/** Logs an unexpected fault (a 500) with its stack, redacted, and the causes it wraps. */
export function logFault(err: unknown, instance?: string): void {
  const lines: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    lines.push(current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  console.error(`[unhandled]${instance ? ` ${redact(instance)}` : ''} ${redact(lines.join('\ncaused by: '))}`);
}
