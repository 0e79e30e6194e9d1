/** One field-level message from a problem+json `errors` array. */
export type FieldProblem = { path: string; message: string };

/** RFC 9457 problem details as our API sends them. */
export type Problem = {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: Array<{ path: string | Array<string | number>; message: string }>;
};

/**
 * Every failed API call surfaces as an ApiError, so the UI has one vocabulary:
 * `status` and the stable `code` drive behaviour, `detail` is shown to people.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldProblems: FieldProblem[];
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, retryAfterSeconds: number | null = null) {
    const detail = problem.detail ?? problem.title ?? `Request failed (${problem.status})`;
    super(detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code ?? `http-${problem.status}`;
    this.title = problem.title ?? 'Request failed';
    this.detail = detail;
    this.fieldProblems = (problem.errors ?? []).map((e) => ({
      path: normalizePath(e.path),
      message: e.message,
    }));
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Messages keyed by field name ("capacity", "startsAt"), first message wins. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { path, message } of this.fieldProblems) {
      if (path && !(path in out)) out[path] = message;
    }
    return out;
  }
}

/** A network failure (server down, offline) is not a problem+json answer. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Could not reach the server. Check your connection and try again.');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

/** "body.capacity", "/capacity", ["capacity"] -> "capacity". */
function normalizePath(path: string | Array<string | number>): string {
  const parts = Array.isArray(path) ? path.map(String) : path.split(/[./]/).filter(Boolean);
  const meaningful = parts.filter((p) => p !== 'body' && p !== 'query');
  return meaningful.join('.');
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
