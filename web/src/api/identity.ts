import type { z } from 'zod';
import type {
  accessCodeCheckSchema,
  accessCodeItemSchema,
  AuditEntry,
  challengeInfoSchema,
  IdentitySettings,
  identitySettingsViewSchema,
  issuedAccessCodeSchema,
  totpEnrollmentSchema,
  twoFactorStatusSchema,
} from '../../../protocol/identity';
import { api, ApiError, withQuery } from './client';
import type { Page, Person, SessionInfo } from './types';

export type { AuditEntry, IdentitySettings } from '../../../protocol/identity';
export type IdentitySettingsView = z.infer<typeof identitySettingsViewSchema>;
export type ChallengeInfo = z.infer<typeof challengeInfoSchema>;
export type TotpEnrollment = z.infer<typeof totpEnrollmentSchema>;
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;
export type AccessCodeCheck = z.infer<typeof accessCodeCheckSchema>;
export type IssuedAccessCode = z.infer<typeof issuedAccessCodeSchema>;
export type AccessCodeItem = z.infer<typeof accessCodeItemSchema>;
export type SignInStepName = ChallengeInfo['step'];

/** A sign-in that still needs a step (202); the answer of that step is posted with `challenge`. */
export interface PendingStep {
  step: SignInStepName;
  challenge: string;
}
/** Shown once, when a second factor has just been set up during a sign-in. */
type WithCodes = { recoveryCodes?: string[] };
export type SignInResult = (SessionInfo & WithCodes) | (PendingStep & WithCodes);

/** 200 and 202 share the endpoint; the body tells them apart (a session has a person). */
export const isPendingStep = (r: SignInResult): r is PendingStep & WithCodes => 'step' in r && 'challenge' in r;

// Signing in and its steps.
export const signInWithLogin = (login: string, password: string): Promise<SignInResult> =>
  api('/api/v1/auth/sign-in', { method: 'POST', body: { login, password } });

export const fetchChallenge = (challenge: string): Promise<ChallengeInfo> =>
  api('/api/v1/auth/sign-in/challenge', { query: { challenge } });

export const startSignInTotpSetup = (challenge: string): Promise<TotpEnrollment> =>
  api('/api/v1/auth/sign-in/totp-setup', { method: 'POST', body: { challenge } });

export interface TotpAnswer {
  code?: string;
  recoveryCode?: string;
  rememberDevice?: boolean;
}
export const answerTotpStep = (challenge: string, answer: TotpAnswer): Promise<SignInResult> =>
  api('/api/v1/auth/sign-in/totp', { method: 'POST', body: { challenge, ...answer } });

export const acceptTermsStep = (challenge: string): Promise<SignInResult> =>
  api('/api/v1/auth/sign-in/terms', { method: 'POST', body: { challenge, accept: true } });

export const checkAccessCode = (code: string): Promise<AccessCodeCheck> =>
  api('/api/v1/auth/access-code/check', { method: 'POST', body: { code } });

export const claimAccessCode = (code: string, password: string): Promise<SignInResult> =>
  api('/api/v1/auth/access-code/claim', { method: 'POST', body: { code, password } });

/** The server's single sign-on entrance: a full page navigation, not an API call. */
export const ssoStartUrl = (returnTo: string): string => withQuery('/auth/sso/start', { returnTo });

// My second factor.
export const myTwoFactorKey = ['me', 'two-factor'] as const;
export const fetchMyTwoFactor = (): Promise<TwoFactorStatus> => api('/api/v1/me/two-factor');
export const startMyTotpSetup = (): Promise<TotpEnrollment> => api('/api/v1/me/two-factor/setup', { method: 'POST' });
export const confirmMyTotp = (code: string): Promise<{ recoveryCodes: string[] }> =>
  api('/api/v1/me/two-factor/confirm', { method: 'POST', body: { code } });
export const renewRecoveryCodes = (code: string): Promise<{ recoveryCodes: string[] }> =>
  api('/api/v1/me/two-factor/recovery-codes', { method: 'POST', body: { code } });
export const disableMyTotp = (code: string): Promise<void> => api('/api/v1/me/two-factor/disable', { method: 'POST', body: { code } });
export const forgetRememberedDevices = (): Promise<void> => api('/api/v1/me/remembered-devices', { method: 'DELETE' });

// Administration.
export const identitySettingsKey = ['admin', 'identity-settings'] as const;
export const fetchIdentitySettings = (): Promise<IdentitySettingsView> => api('/api/v1/admin/identity-settings');
export const saveIdentitySettings = (patch: Partial<IdentitySettings>): Promise<IdentitySettingsView> =>
  api('/api/v1/admin/identity-settings', { method: 'PATCH', body: patch });

export const fetchOwners = (): Promise<Page<Person>> =>
  api('/api/v1/admin/people', { query: { role: 'owner', status: 'active', limit: 100 } });

export const resetTwoFactor = (personId: string): Promise<void> =>
  api(`/api/v1/admin/people/${encodeURIComponent(personId)}/two-factor/reset`, { method: 'POST' });

export interface NewPerson {
  displayName: string;
  username?: string;
  employeeId?: string;
  title?: string;
  department?: string;
  location?: string;
}
export const createPerson = (input: NewPerson): Promise<Person> => api('/api/v1/admin/people', { method: 'POST', body: input });

export const accessCodesKey = ['admin', 'access-codes'] as const;
export const fetchAccessCodes = (cursor?: string): Promise<Page<AccessCodeItem>> =>
  api('/api/v1/admin/access-codes', { query: { cursor, limit: 25 } });
export const issueAccessCodes = (personIds: string[]): Promise<{ items: IssuedAccessCode[] }> =>
  api('/api/v1/admin/access-codes', { method: 'POST', body: { personIds } });
export const revokeAccessCode = (id: string): Promise<void> =>
  api(`/api/v1/admin/access-codes/${encodeURIComponent(id)}`, { method: 'DELETE' });

/**
 * The printable sheet (PDF) or CSV of codes just issued, saved by the browser. The codes go in a
 * POST body (never in an address that could end up in a log) and stay only in memory.
 */
export async function downloadAccessCodeSheet(
  format: 'pdf' | 'csv',
  codes: ReadonlyArray<{ personId: string; code: string }>,
  csrfToken: string,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/api/v1/admin/access-codes/sheet', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ format, codes: codes.map((c) => ({ personId: c.personId, code: c.code })) }),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network', detail: 'Could not reach the server.' });
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; field?: string };
    throw new ApiError({
      status: response.status,
      code: problem.code ?? `http_${response.status}`,
      detail: problem.detail ?? response.statusText,
      field: problem.field,
    });
  }
  const disposition = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  saveBlob(await response.blob(), disposition?.[1] ?? `access-codes.${format}`);
}

/** Hands a blob to the browser as a download, through a short-lived object URL. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// The audit log.
export interface AuditFilter {
  action: string;
  q: string;
  /** ISO 8601 date and time, or '' for no bound. */
  from: string;
  to: string;
}
export const auditKey = ['admin', 'audit-log'] as const;
const auditQuery = (f: AuditFilter) => ({ action: f.action, q: f.q.trim(), from: f.from, to: f.to });
export const fetchAuditLog = (filter: AuditFilter, cursor?: string): Promise<Page<AuditEntry>> =>
  api('/api/v1/admin/audit-log', { query: { ...auditQuery(filter), cursor, limit: 50 } });
export const auditExportUrl = (filter: AuditFilter): string => withQuery('/api/v1/admin/audit-log/export', auditQuery(filter));
