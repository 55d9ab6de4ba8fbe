/**
 * The one way the app talks to the server: same-origin JSON with the session's CSRF token on
 * every state change, and RFC 9457 problems turned into ApiError.
 */

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  status: number;
  code: string;
  detail: string;
  field?: string;
  errors?: FieldProblem[];
  retryAfterSeconds?: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;

let csrfToken: string | null = null;

/** Called whenever the session changes, so every later write carries the right token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** JSON body; writes without one still send `{}` because the server requires a JSON body. */
  body?: unknown;
  /** Multipart body; the browser sets the content type with its boundary. */
  form?: FormData;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (method !== 'GET') {
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (options.form) {
      body = options.form;
    } else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body ?? {});
    }
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'network', detail: 'Could not reach the server.' });
  }

  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw new ApiError(toProblem(response, data));
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toProblem(response: Response, data: unknown): Problem {
  const fallback: Problem = { status: response.status, code: `http_${response.status}`, detail: response.statusText };
  if (typeof data !== 'object' || data === null) return fallback;
  const p = data as Partial<Problem>;
  return {
    status: response.status,
    code: typeof p.code === 'string' ? p.code : fallback.code,
    detail: typeof p.detail === 'string' ? p.detail : fallback.detail,
    field: typeof p.field === 'string' ? p.field : undefined,
    errors: Array.isArray(p.errors) ? p.errors : undefined,
    retryAfterSeconds:
      typeof p.retryAfterSeconds === 'number' ? p.retryAfterSeconds : retryAfterHeader(response.headers.get('retry-after')),
  };
}

function retryAfterHeader(value: string | null): number | undefined {
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds : undefined;
}
