import { ApiError, NetworkError, type Problem } from './api-error';
import { clearConsistencyToken, getConsistencyToken, setConsistencyToken } from './consistency-store';

/**
 * What a query hook receives: the read model plus how trustworthy it is.
 * `stale` means the server waited for our last command to be projected and gave up (2 s),
 * so the UI must say "Updating…" rather than present this as final.
 */
export type Projected<T> = {
  value: T;
  stale: boolean;
  /** The consistency token this answer was requested with (null: none sent). */
  token: string | null;
};

export type CommandResult = Record<string, unknown> & { consistencyToken?: string };

async function readProblem(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status };
  try {
    const body = (await response.json()) as Partial<Problem>;
    if (body && typeof body === 'object') problem = { ...body, status: response.status };
  } catch {
    // Not JSON (proxy error page, empty body): keep the status-only problem.
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

async function send(input: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(input, { credentials: 'same-origin', cache: 'no-store', ...init });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new NetworkError(cause);
  }
}

/** `/api/commands/events/create-event` -> `events`. */
function contextOf(commandPath: string): string {
  return commandPath.split('/').filter(Boolean)[0] ?? 'default';
}

/**
 * POST a command. `path` is relative to /api/commands (e.g. "events/create-event").
 * Remembers the returned consistency token so following queries of the same context
 * read their own write.
 */
export async function sendCommand<T extends CommandResult = CommandResult>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
  const response = await send(`/api/commands/${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, application/problem+json',
      'Idempotency-Key': idempotencyKey,
    },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) throw await readProblem(response);
  const text = await response.text();
  const result = (text ? JSON.parse(text) : {}) as T;
  const token = response.headers.get('X-Consistency-Token') ?? result.consistencyToken;
  if (typeof token === 'string' && token) setConsistencyToken(contextOf(path), token);
  return result;
}

/**
 * GET a query. `path` is relative to /api/queries (e.g. "events/upcoming?limit=20").
 * `context` picks which remembered consistency token to send (none for ops).
 */
export async function fetchQuery<T>(path: string, options: { context?: string | null; signal?: AbortSignal } = {}): Promise<Projected<T>> {
  const context = options.context === undefined ? contextOf(path) : options.context;
  const token = context ? getConsistencyToken(context) : null;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (token) headers['X-Consistency-Token'] = token;
  const response = await send(`/api/queries/${path}`, { headers, signal: options.signal });
  if (!response.ok) {
    const error = await readProblem(response);
    // A token the server no longer recognises (other stack, reset data): forget it and read plainly.
    if (token && context && error.status === 400 && error.fieldProblems.some((p) => /consistency-token/i.test(p.path))) {
      clearConsistencyToken(context);
      return fetchQuery<T>(path, options);
    }
    throw error;
  }
  const value = (await response.json()) as T;
  const stale = response.headers.get('X-Consistency')?.toLowerCase() === 'stale';
  return { value, stale, token };
}
