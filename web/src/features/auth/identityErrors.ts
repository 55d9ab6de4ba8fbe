import type { TFunction } from 'i18next';
import type { SsoErrorCode } from '../../../../protocol/sso-presets';
import { ApiError, isApiError } from '../../api/client';
import { errorMessage, fieldErrors } from '../../ui/errors';

/** Codes of the sign-in, access-code and second-factor answers, in the person's language. */
const IDENTITY_CODE_KEYS = {
  invalid_credentials: 'identity.errors.invalidCredentials',
  account_deactivated: 'errors.accountDeactivated',
  sso_required: 'identity.errors.ssoRequired',
  code_invalid: 'identity.errors.codeInvalid',
  challenge_invalid: 'identity.errors.challengeInvalid',
  totp_already_set_up: 'identity.errors.totpAlreadySetUp',
  two_factor_required: 'identity.errors.twoFactorRequired',
  two_factor_not_set_up: 'identity.errors.twoFactorNotSetUp',
  person_taken: 'identity.errors.personTaken',
  code_not_active: 'identity.errors.codeNotActive',
} as const;

type IdentityCode = keyof typeof IDENTITY_CODE_KEYS;
const isIdentityCode = (code: string): code is IdentityCode => Object.hasOwn(IDENTITY_CODE_KEYS, code);

/** The server's "(08:00–18:00, Europe/Paris)": the hours are data, the sentence around them is ours. */
const HOURS = /\((\d{2}:\d{2})\s*[–-]\s*(\d{2}:\d{2}),\s*([^)]+)\)/;

/** One sentence a person understands, for any error of the sign-in and identity screens. */
export function identityErrorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return errorMessage(t, error);
  if (error.status === 429) return errorMessage(t, error);
  if (error.code === 'outside_working_hours') {
    const hours = HOURS.exec(error.problem.detail);
    return hours ? t('identity.errors.outsideHours', { start: hours[1], end: hours[2], timeZone: hours[3] }) : error.problem.detail;
  }
  if (isIdentityCode(error.code)) return t(IDENTITY_CODE_KEYS[error.code]);
  return errorMessage(t, error);
}

/** Like fieldErrors, with the identity codes above translated when they name a field. */
export function identityFieldErrors(t: TFunction, error: unknown): Record<string, string> {
  const out = fieldErrors(t, error);
  if (isApiError(error) && error.problem.field && !error.problem.errors?.length && isIdentityCode(error.code)) {
    out[error.problem.field.split('.')[0] ?? error.problem.field] = identityErrorMessage(t, error);
  }
  return out;
}

/** The message above a form, unless every part of the problem is shown under one of its inputs. */
export function identityFormError(t: TFunction, error: unknown, knownFields: readonly string[]): string | null {
  if (!error) return null;
  const fields = Object.keys(identityFieldErrors(t, error));
  if (fields.length > 0 && fields.every((f) => knownFields.includes(f))) return null;
  return identityErrorMessage(t, error);
}

/**
 * Field messages keyed by the whole path ('workingHours.timeZone'), for forms with nested inputs,
 * each translated as fieldErrors would. A problem naming only the parent keeps the parent's key.
 */
export function errorsByPath(t: TFunction, error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const { problem } = error;
  const items = problem.errors?.length ? problem.errors : problem.field ? [{ field: problem.field, message: problem.detail }] : [];
  const out: Record<string, string> = {};
  for (const item of items) {
    const one = new ApiError({
      ...problem,
      field: problem.errors?.length ? undefined : item.field,
      errors: problem.errors?.length ? [item] : undefined,
    });
    const message = Object.values(identityFieldErrors(t, one))[0];
    if (message) out[item.field] ??= message;
  }
  return out;
}

/** The codes the single sign-on return may put in `?sso_error=` on the sign-in page. */
export const SSO_ERROR_KEYS = {
  sso_failed: 'identity.ssoErrors.sso_failed',
  sso_unknown_person: 'identity.ssoErrors.sso_unknown_person',
  sso_deactivated: 'identity.ssoErrors.sso_deactivated',
  sso_state: 'identity.ssoErrors.sso_state',
  sso_signature: 'identity.ssoErrors.sso_signature',
  sso_audience: 'identity.ssoErrors.sso_audience',
  sso_expired: 'identity.ssoErrors.sso_expired',
  sso_replay: 'identity.ssoErrors.sso_replay',
} as const satisfies Record<SsoErrorCode, string>;

export function ssoErrorMessage(t: TFunction, code: string | null): string | null {
  if (!code) return null;
  return Object.hasOwn(SSO_ERROR_KEYS, code) ? t(SSO_ERROR_KEYS[code as keyof typeof SSO_ERROR_KEYS]) : t('identity.ssoErrors.sso_failed');
}
