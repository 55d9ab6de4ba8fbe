import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

/** Server codes with a message of our own, in the person's language. */
const CODE_KEYS = {
  network: 'errors.network',
  internal: 'errors.internal',
  invalid_credentials: 'errors.invalidCredentials',
  account_deactivated: 'errors.accountDeactivated',
  csrf_failed: 'errors.csrfFailed',
  bad_origin: 'errors.csrfFailed',
  invite_invalid: 'errors.inviteInvalid',
  reset_link_invalid: 'errors.resetLinkInvalid',
  handoff_invalid: 'errors.handoffInvalid',
  email_taken: 'errors.emailTaken',
  slug_taken: 'errors.slugTaken',
  last_owner: 'errors.lastOwner',
  cannot_change_self: 'errors.cannotChangeSelf',
  not_an_image: 'errors.notAnImage',
  body_too_large: 'errors.tooLarge',
  unauthenticated: 'errors.unauthenticated',
  manager_cycle: 'errors.managerCycle',
  employee_id_taken: 'errors.employeeIdTaken',
  too_many_fields: 'errors.tooManyFields',
} as const;

type KnownCode = keyof typeof CODE_KEYS;
const isKnownCode = (code: string): code is KnownCode => Object.hasOwn(CODE_KEYS, code);

/** One sentence a person understands, for any error thrown by the API layer. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.status === 429) {
    const seconds = error.problem.retryAfterSeconds;
    if (seconds === undefined) return t('errors.rateLimitedSoon');
    // "896 seconds" means little to a person; minutes past a minute and a half.
    return seconds > 90
      ? t('errors.rateLimitedMinutes', { count: Math.ceil(seconds / 60) })
      : t('errors.rateLimited', { count: Math.ceil(seconds) });
  }
  if (isKnownCode(error.code)) return t(CODE_KEYS[error.code]);
  if (error.status >= 500) return t('errors.internal');
  if (error.status === 403 && error.problem.detail) return error.problem.detail;
  if (error.status === 404) return t('errors.notFound');
  // The server's own sentence is written for people; better than a generic message.
  return error.problem.detail || t('errors.unexpected');
}

/** Turns the server's English validation phrases into the person's language when we know them. */
function fieldMessage(t: TFunction, message: string): string {
  const min = /^must be at least (\d+) characters$/.exec(message);
  if (min) return t('validation.minLength', { count: Number(min[1]) });
  const max = /^must be at most (\d+) characters$/.exec(message);
  if (max) return t('validation.maxLength', { count: Number(max[1]) });
  switch (message) {
    case 'must not be empty':
    case 'is required':
    case 'is empty':
    case 'is required to join with this link':
      return t('validation.required');
    case 'must be a valid e-mail address':
      return t('validation.email');
    case 'is not your current password':
      return t('validation.notCurrentPassword');
    case 'use lower-case letters, digits and dashes (not at the ends)':
      return t('validation.slugFormat');
    default:
      return message;
  }
}

/**
 * Per-field messages keyed by the top-level input name ('emails.3' → 'emails'), so each can be
 * shown under its input. A coded problem naming a field (e.g. slug_taken) counts for that field.
 */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  const { problem } = error;
  if (problem.errors?.length) {
    for (const item of problem.errors) {
      const name = item.field.split('.')[0] ?? item.field;
      out[name] ??= fieldMessage(t, item.message);
    }
  } else if (problem.field) {
    const name = problem.field.split('.')[0] ?? problem.field;
    out[name] = isKnownCode(problem.code) ? t(CODE_KEYS[problem.code]) : errorMessage(t, error);
  }
  return out;
}

/** The form-level message, unless the problem is fully shown under one of the known inputs. */
export function formError(t: TFunction, error: unknown, knownFields: readonly string[]): string | null {
  if (!error) return null;
  const fields = Object.keys(fieldErrors(t, error));
  if (fields.length > 0 && fields.every((f) => knownFields.includes(f))) return null;
  return errorMessage(t, error);
}
