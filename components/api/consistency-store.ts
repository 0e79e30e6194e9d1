/**
 * Remembers the latest consistency token a command returned, per bounded context.
 *
 * Why per context: a token says "the write side is at position P"; only that context's
 * projections are worth waiting for. Sending an events token to the ops query would make it
 * wait for nothing. Kept in memory (reactive through useSyncExternalStore) and mirrored in
 * sessionStorage so a full page reload right after a command still reads its own writes.
 */
type Listener = () => void;

const STORAGE_PREFIX = 'quadrant:consistency-token:';
const tokens = new Map<string, string>();
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function getConsistencyToken(context: string): string | null {
  const inMemory = tokens.get(context);
  if (inMemory) return inMemory;
  const stored = storage()?.getItem(STORAGE_PREFIX + context) ?? null;
  if (stored) tokens.set(context, stored);
  return stored;
}

export function setConsistencyToken(context: string, token: string): void {
  if (tokens.get(context) === token) return;
  tokens.set(context, token);
  storage()?.setItem(STORAGE_PREFIX + context, token);
  for (const listener of listeners) listener();
}

export function clearConsistencyToken(context: string): void {
  if (!tokens.delete(context)) return;
  storage()?.removeItem(STORAGE_PREFIX + context);
  for (const listener of listeners) listener();
}

export function clearConsistencyTokens(): void {
  tokens.clear();
  const store = storage();
  if (store) {
    for (const key of Object.keys(store)) {
      if (key.startsWith(STORAGE_PREFIX)) store.removeItem(key);
    }
  }
  for (const listener of listeners) listener();
}

export function subscribeConsistencyTokens(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
