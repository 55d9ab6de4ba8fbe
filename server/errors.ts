import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/**
 * The one error type. `code` is stable and documented; `field` names the offending input.
 * Rendered as RFC 9457 problem+json by the handler below.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { field?: string; retryAfterSeconds?: number; errors?: FieldProblem[]; scope?: string; callId?: string } = {},
  ) {
    super(message);
  }
}

export interface FieldProblem {
  field: string;
  message: string;
}

export const notFound = (what = 'Not found'): AppError => new AppError(404, 'not_found', what);
export const unauthenticated = (): AppError => new AppError(401, 'unauthenticated', 'Sign in to continue.');
export const forbidden = (msg = 'You are not allowed to do this.'): AppError => new AppError(403, 'forbidden', msg);
export const badInput = (field: string, message: string): AppError =>
  new AppError(400, 'invalid_input', `${field}: ${message}`, { field, errors: [{ field, message }] });
export const conflict = (code: string, message: string, field?: string): AppError =>
  new AppError(409, code, message, field ? { field } : {});

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  field?: string;
  errors?: FieldProblem[];
  retryAfterSeconds?: number;
  /** The token scope a route needs (403 `missing_scope`). */
  scope?: string;
  /** The call already going on in the conversation (409 `call_in_progress`): join it instead. */
  callId?: string;
  requestId?: string;
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const problem: Problem = {
    type: `about:blank#${err.code}`,
    title: TITLES[err.status] ?? 'Error',
    status: err.status,
    code: err.code,
    detail: err.message,
    instance: req.url.split('?')[0],
    ...err.extra,
    requestId: req.id,
  };
  if (err.extra.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.extra.retryAfterSeconds));
  return reply.code(err.status).type('application/problem+json').send(problem);
}

/** Turns whatever was thrown into an AppError: known framework errors become 4xx, the rest 500. */
export function toAppError(err: unknown, req: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const where = e.validationContext ?? 'body';
    const errors: FieldProblem[] = e.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const keys = (v.params as { keys?: string[] }).keys;
      const field = keys?.length ? [path, keys.join(',')].filter(Boolean).join('.') : path || where;
      const message = keys?.length ? `unknown field${keys.length > 1 ? 's' : ''}` : v.message;
      return { field, message: message ?? 'invalid' };
    });
    const first = errors[0] ?? { field: where, message: 'invalid' };
    return new AppError(400, 'invalid_input', `${first.field}: ${first.message}`, { field: first.field, errors });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'body_too_large', `The request body is larger than the limit of ${req.routeOptions.bodyLimit ?? ''} bytes.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'invalid_json', 'The JSON body is empty.', { field: 'body' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(400, 'invalid_json', 'The body is not valid JSON.', { field: 'body' });
    case 'FST_ERR_INVALID_URL':
    case 'FST_ERR_BAD_URL':
      return new AppError(400, 'invalid_url', 'The address is malformed.');
  }
  if (e instanceof SyntaxError) return new AppError(400, 'invalid_json', 'The body is not valid JSON.', { field: 'body' });
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) return new AppError(status, 'bad_request', e.message);
  return new AppError(500, 'internal', 'Something went wrong on our side. It has been logged; please try again.');
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const appErr = toAppError(err, req);
    if (appErr.status >= 500) req.log.error({ err }, 'unhandled error');
    return sendProblem(req, reply, appErr);
  });
}
