import type { components } from './openapi.js';

/** An error answer of the API: RFC 9457 problem+json with a stable `code`. */
export type Problem = components['schemas']['Problem'];

/**
 * Thrown by the client's conveniences (and by `unwrap`) when the API answers an error. `code` is
 * stable (`not_found`, `invalid_input`, `missing_scope`, `rate_limited`, …); `field` names the
 * input at fault; quote `requestId` when asking an administrator about a failure.
 */
export class CommonplaceError extends Error {
  override readonly name = 'CommonplaceError';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly field: string | undefined;
  readonly errors: Array<{ field: string; message: string }>;
  /** The scope the route needs, on 403 `missing_scope`. */
  readonly scope: string | undefined;
  readonly requestId: string | undefined;
  /** On 429: how long to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Partial<Problem> | undefined, headers?: Headers) {
    const detail = typeof problem?.detail === 'string' ? problem.detail : `The server answered ${status}.`;
    super(detail);
    this.status = status;
    this.code = typeof problem?.code === 'string' ? problem.code : `http_${status}`;
    this.title = typeof problem?.title === 'string' ? problem.title : '';
    this.detail = detail;
    this.field = typeof problem?.field === 'string' ? problem.field : undefined;
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.scope = typeof problem?.scope === 'string' ? problem.scope : undefined;
    this.requestId = (typeof problem?.requestId === 'string' ? problem.requestId : undefined) ?? headers?.get('x-request-id') ?? undefined;
    this.retryAfterSeconds = retryAfterSeconds(headers?.get('retry-after') ?? null) ?? problem?.retryAfterSeconds;
    this.problem = problem && typeof problem.code === 'string' ? (problem as Problem) : undefined;
  }

  /** From an answer and its body as openapi-fetch parsed it (an object, or text that was not JSON). */
  static fromResponse(response: Response, body: unknown): CommonplaceError {
    const problem = typeof body === 'object' && body !== null ? (body as Partial<Problem>) : undefined;
    return new CommonplaceError(response.status, problem, response.headers);
  }
}

/** Seconds to wait from a Retry-After header (seconds, or an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The data of an openapi-fetch call, or a CommonplaceError: `await unwrap(client.GET('/api/v1/me'))`.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw CommonplaceError.fromResponse(response, error);
  return data as T;
}
