import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, toAppError } from '../../errors.js';
import { ERROR_SCHEMA, ENTERPRISE_USER } from './urns.js';

/**
 * SCIM answers errors in its own shape (RFC 7644 §3.12), not problem+json: a status (a string),
 * a `scimType` for the 400s and 409s a client can act on, and a `detail` in words.
 */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | null,
    detail: string,
  ) {
    super(detail);
  }
}

export const invalidSyntax = (detail: string) => new ScimError(400, 'invalidSyntax', detail);
export const invalidValue = (detail: string) => new ScimError(400, 'invalidValue', detail);
export const invalidPath = (detail: string) => new ScimError(400, 'invalidPath', detail);
export const invalidFilter = (detail: string) => new ScimError(400, 'invalidFilter', detail);
export const noTarget = (detail: string) => new ScimError(400, 'noTarget', detail);
export const mutability = (detail: string) => new ScimError(400, 'mutability', detail);
export const uniqueness = (detail: string) => new ScimError(409, 'uniqueness', detail);
export const scimNotFound = (what = 'No such resource.') => new ScimError(404, null, what);

/** The SCIM attribute behind a field name of the people rules (server/modules/identity/provisioning.ts). */
const SCIM_ATTRIBUTE: Record<string, string> = {
  displayName: 'displayName',
  email: 'emails',
  username: 'userName',
  employeeId: `${ENTERPRISE_USER}:employeeNumber`,
  title: 'title',
  department: `${ENTERPRISE_USER}:department`,
  location: 'addresses',
  phone: 'phoneNumbers',
  managerId: `${ENTERPRISE_USER}:manager`,
  name: 'displayName',
};

const UNIQUE_CODES = new Set(['email_taken', 'username_taken', 'employee_id_taken']);

/** Whatever was thrown, as a SCIM error: the people rules' refusals keep their meaning. */
export function toScimError(err: unknown, req: FastifyRequest): ScimError {
  if (err instanceof ScimError) return err;
  const app = err instanceof AppError ? err : toAppError(err, req);
  const field = app.extra.field ? (SCIM_ATTRIBUTE[app.extra.field] ?? app.extra.field) : null;
  const firstMessage = app.extra.errors?.[0]?.message;
  if (app.status === 409 && UNIQUE_CODES.has(app.code)) {
    return uniqueness(field ? `${field}: ${app.message}` : app.message);
  }
  if (app.code === 'manager_cycle') return invalidValue(`${ENTERPRISE_USER}:manager: ${app.message}`);
  if (app.code === 'last_owner') return mutability(`active: ${app.message}`);
  if (app.code === 'invalid_json') return invalidSyntax(app.message);
  if (app.status === 400) return invalidValue(field && firstMessage ? `${field}: ${firstMessage}` : app.message);
  return new ScimError(app.status, null, app.message);
}

export function sendScimError(reply: FastifyReply, err: ScimError): FastifyReply {
  const body: Record<string, unknown> = { schemas: [ERROR_SCHEMA], status: String(err.status) };
  if (err.scimType) body.scimType = err.scimType;
  body.detail = err.message;
  if (err.status === 401) reply.header('www-authenticate', 'Bearer realm="scim"');
  return reply.code(err.status).type('application/scim+json; charset=utf-8').send(JSON.stringify(body));
}
