import type { SsoAvailability, SsoConnectionInput, SsoSettings, SsoTestInput, SsoTestResult } from '../../../protocol/sso';
import { api } from './client';

export type {
  CertificateInfo,
  SsoAvailability,
  SsoConnection,
  SsoConnectionInput,
  SsoSettings,
  SsoTestResult,
} from '../../../protocol/sso';
export {
  DEFAULT_OIDC_CLAIMS,
  DEFAULT_OIDC_SCOPES,
  NAME_ID_FORMATS,
  SAML_ATTRIBUTE_PRESETS,
  SAML_ATTRIBUTES,
  type NameIdFormat,
  type OidcClaims,
  type SamlAttributePreset,
  type SamlAttributes,
  type SsoProtocolName,
} from '../../../protocol/sso-presets';

const BASE = '/api/v1/admin/sso';

export const ssoSettingsKey = ['admin', 'sso'] as const;
export const ssoAvailabilityKey = ['sso', 'availability'] as const;

/** The connection (null when none) and the values the provider's admin needs from us. */
export const fetchSsoSettings = (): Promise<SsoSettings> => api(BASE);

export const saveSsoConnection = (input: SsoConnectionInput): Promise<SsoSettings> => api(BASE, { method: 'PUT', body: input });

export const deleteSsoConnection = (): Promise<void> => api(BASE, { method: 'DELETE' });

/** Tests the values given (the stored ones fill in what is left out). */
export const testSsoConnection = (input: SsoTestInput): Promise<SsoTestResult> => api(`${BASE}/test`, { method: 'POST', body: input });

/** For the sign-in page: is there a company sign-in to offer? */
export const fetchSsoAvailability = (): Promise<SsoAvailability> => api('/api/v1/auth/sso');
