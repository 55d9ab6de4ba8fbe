import {
  DEFAULT_OIDC_CLAIMS,
  DEFAULT_OIDC_SCOPES,
  SAML_ATTRIBUTE_PRESETS,
  SAML_ATTRIBUTES,
  type NameIdFormat,
  type OidcClaims,
  type SamlAttributePreset,
  type SamlAttributes,
  type SsoConnection,
  type SsoConnectionInput,
  type SsoProtocolName,
} from '../../../api/sso';

/** The single sign-on form as typed: both protocols' fields are kept, so switching loses nothing. */
export type ClaimsDraft = Record<keyof OidcClaims, string>;
export type AttributesDraft = Record<keyof SamlAttributes, string>;
export type AttributePreset = SamlAttributePreset | 'custom';

export interface SsoDraft {
  protocol: SsoProtocolName;
  displayName: string;
  enabled: boolean;
  jit: boolean;
  issuer: string;
  clientId: string;
  /** Empty: keep the stored one. */
  clientSecret: string;
  /** Space-separated, as providers write them. */
  scopes: string;
  claims: ClaimsDraft;
  entryPoint: string;
  idpEntityId: string;
  idpCertificates: string;
  spEntityId: string;
  nameIdFormat: NameIdFormat;
  preset: AttributePreset;
  attributes: AttributesDraft;
}

export const CLAIM_FIELDS = ['email', 'name', 'username', 'employeeId'] as const;
export const ATTRIBUTE_FIELDS = ['email', 'name', 'firstName', 'lastName', 'username', 'employeeId'] as const;

const texts = <K extends string>(o: Record<K, string | null>): Record<K, string> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v ?? ''])) as Record<K, string>;
const orNull = (s: string): string | null => s.trim() || null;

/** Which preset these attribute names are, if any. */
export function presetOf(a: SamlAttributes): AttributePreset {
  return SAML_ATTRIBUTE_PRESETS.find((p) => ATTRIBUTE_FIELDS.every((f) => SAML_ATTRIBUTES[p][f] === a[f])) ?? 'custom';
}

export function draftFrom(c: SsoConnection | null): SsoDraft {
  const draft: SsoDraft = {
    protocol: c?.protocol ?? 'oidc',
    displayName: c?.displayName ?? '',
    enabled: c?.enabled ?? false,
    jit: c?.jit ?? false,
    issuer: '',
    clientId: '',
    clientSecret: '',
    scopes: DEFAULT_OIDC_SCOPES.join(' '),
    claims: texts(DEFAULT_OIDC_CLAIMS),
    entryPoint: '',
    idpEntityId: '',
    idpCertificates: '',
    spEntityId: '',
    nameIdFormat: 'unspecified',
    preset: 'entra',
    attributes: texts(SAML_ATTRIBUTES.entra),
  };
  if (c?.protocol === 'oidc') {
    Object.assign(draft, { issuer: c.issuer, clientId: c.clientId, scopes: c.scopes.join(' '), claims: texts(c.claims) });
  } else if (c?.protocol === 'saml') {
    Object.assign(draft, {
      entryPoint: c.entryPoint,
      idpEntityId: c.idpEntityId,
      idpCertificates: c.idpCertificates,
      spEntityId: c.spEntityId ?? '',
      nameIdFormat: c.nameIdFormat,
      preset: presetOf(c.attributes),
      attributes: texts(c.attributes),
    });
  }
  return draft;
}

export function withPreset(d: SsoDraft, preset: AttributePreset): SsoDraft {
  return preset === 'custom' ? { ...d, preset } : { ...d, preset, attributes: texts(SAML_ATTRIBUTES[preset]) };
}

export function inputOf(d: SsoDraft): SsoConnectionInput {
  const common = { displayName: orNull(d.displayName), enabled: d.enabled, jit: d.jit };
  if (d.protocol === 'oidc') {
    return {
      protocol: 'oidc',
      ...common,
      issuer: d.issuer.trim(),
      clientId: d.clientId.trim(),
      ...(d.clientSecret ? { clientSecret: d.clientSecret } : {}),
      scopes: d.scopes.split(/[\s,]+/).filter(Boolean),
      claims: {
        email: d.claims.email.trim(),
        name: d.claims.name.trim(),
        username: orNull(d.claims.username),
        employeeId: orNull(d.claims.employeeId),
      },
    };
  }
  return {
    protocol: 'saml',
    ...common,
    entryPoint: d.entryPoint.trim(),
    idpEntityId: d.idpEntityId.trim(),
    idpCertificates: d.idpCertificates.trim(),
    spEntityId: orNull(d.spEntityId),
    nameIdFormat: d.nameIdFormat,
    attributes: {
      email: orNull(d.attributes.email),
      name: orNull(d.attributes.name),
      firstName: orNull(d.attributes.firstName),
      lastName: orNull(d.attributes.lastName),
      username: orNull(d.attributes.username),
      employeeId: orNull(d.attributes.employeeId),
    },
  };
}

/** Fields the browser checks before sending, so the common slips are named at once. */
export function missingFields(d: SsoDraft, secretStored: boolean): string[] {
  const required =
    d.protocol === 'oidc'
      ? (['issuer', 'clientId'] as const).filter((k) => !d[k].trim())
      : (['entryPoint', 'idpEntityId', 'idpCertificates'] as const).filter((k) => !d[k].trim());
  const out: string[] = [...required];
  if (d.protocol === 'oidc' && !secretStored && !d.clientSecret) out.push('clientSecret');
  return out;
}
