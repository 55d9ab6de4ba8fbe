import { X509Certificate } from 'node:crypto';
import type { z } from 'zod';
import type {
  CertificateInfo,
  NameIdFormat,
  OidcClaims,
  SamlAttributes,
  ssoConnectionInputSchema,
  SsoConnection,
  SsoSettings,
} from '../../../protocol/sso.js';
import { inTx, type AppContext } from '../../context.js';
import type { OrgsTable, PeopleTable, SsoConnectionsTable } from '../../db/schema.js';
import { AppError, badInput, notFound } from '../../errors.js';
import { personActor, recordAudit } from '../audit/record.js';
import { readIdentitySettings } from '../identity/settings.js';
import { iso } from '../people/present.js';
import { deleteConnectionRow, readConnection, writeConnection } from './store.js';

/** A company's identity provider: one row, the OpenID Connect client secret sealed with the server's key. */
export type SsoConnectionInput = z.output<typeof ssoConnectionInputSchema>;

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scopes: string[];
  claims: OidcClaims;
}

export interface SamlSettings {
  entryPoint: string;
  /** PEM blocks, one after the other. */
  idpCertificates: string;
  idpEntityId: string;
  spEntityId: string | null;
  nameIdFormat: NameIdFormat;
  attributes: SamlAttributes;
}

export const oidcSettings = (row: SsoConnectionsTable): OidcSettings => JSON.parse(row.settings) as OidcSettings;
export const samlSettings = (row: SsoConnectionsTable): SamlSettings => JSON.parse(row.settings) as SamlSettings;

/** Our addresses, as the provider's admin registers them. */
export function serviceProvider(ctx: AppContext, org: Pick<OrgsTable, 'slug'>, row?: SsoConnectionsTable): SsoSettings['serviceProvider'] {
  const metadataUrl = ctx.urls.org(org.slug, '/auth/sso/saml/metadata');
  const custom = row?.protocol === 'saml' ? samlSettings(row).spEntityId : null;
  return {
    redirectUri: ctx.urls.org(org.slug, '/auth/sso/oidc/callback'),
    entityId: custom ?? metadataUrl,
    acsUrl: ctx.urls.org(org.slug, '/auth/sso/saml/acs'),
    metadataUrl,
    startUrl: ctx.urls.org(org.slug, '/auth/sso/start'),
  };
}

/**
 * The issuer is fetched by the server, so it must be https. Plain http is allowed only on this
 * machine's loopback (a provider run beside the server, as in development and the tests):
 * openid-client refuses http unless told, and is told only for these addresses.
 */
export function isLoopbackHttp(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(u.hostname));
}

export function checkIssuer(issuer: string, field = 'issuer'): void {
  const u = URL.canParse(issuer) ? new URL(issuer) : null;
  if (!u || (u.protocol !== 'https:' && !isLoopbackHttp(issuer))) throw badInput(field, 'must be an https:// address');
  if (u.search || u.hash) throw badInput(field, 'must not carry a query or a fragment');
}

const PEM_RE = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/**
 * The certificates in what an admin pasted: PEM blocks, or one bare base64 body (how some
 * providers show it). Each is parsed; the result is canonical PEM, one block after another.
 */
export function parseCertificates(text: string, field = 'idpCertificates'): string[] {
  const bodies = [...text.matchAll(PEM_RE)].map((m) => m[1] ?? '');
  if (bodies.length === 0 && /^[A-Za-z0-9+/=\s]+$/.test(text.trim())) bodies.push(text);
  if (bodies.length === 0) throw badInput(field, 'is not a PEM certificate (-----BEGIN CERTIFICATE----- …)');
  if (bodies.length > 4) throw badInput(field, 'holds more than 4 certificates');
  return bodies.map((body) => {
    const b64 = body.replace(/\s+/g, '');
    const pem = `-----BEGIN CERTIFICATE-----\n${(b64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----`;
    try {
      new X509Certificate(pem);
    } catch {
      throw badInput(field, 'is not a PEM certificate (-----BEGIN CERTIFICATE----- …)');
    }
    return pem;
  });
}

export function certificateInfo(pem: string, now = Date.now()): CertificateInfo {
  const cert = new X509Certificate(pem);
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    fingerprint: cert.fingerprint256,
    expired: new Date(cert.validTo).getTime() < now,
  };
}

export function toConnectionView(row: SsoConnectionsTable): SsoConnection {
  const common = {
    displayName: row.display_name,
    enabled: row.enabled === 1,
    jit: row.jit === 1,
    updatedAt: iso(row.updated_at),
  };
  if (row.protocol === 'oidc') {
    const s = oidcSettings(row);
    return { protocol: 'oidc', ...common, ...s, clientSecretSet: row.client_secret_enc !== null };
  }
  const s = samlSettings(row);
  return { protocol: 'saml', ...common, ...s, certificates: parseCertificates(s.idpCertificates).map((pem) => certificateInfo(pem)) };
}

export async function readSettings(ctx: AppContext, org: OrgsTable): Promise<SsoSettings> {
  const row = await readConnection(ctx.db, org.id);
  return { connection: row ? toConnectionView(row) : null, serviceProvider: serviceProvider(ctx, org, row) };
}

const enforcedError = (field: string) =>
  new AppError(
    409,
    'sso_enforced',
    'Single sign-on is enforced for this company: turn "enforce single sign-on" off first (Admin → Sign-in), or everyone but the break-glass owner would be locked out.',
    { field },
  );

/** Every process re-reads the connection when this number changes (cached OpenID Connect discovery). */
export const connectionVersion = (row: SsoConnectionsTable): string => `${row.org_id}:${row.updated_at}`;

export async function saveConnection(
  ctx: AppContext,
  org: OrgsTable,
  actor: PeopleTable,
  input: SsoConnectionInput,
  ip: string,
): Promise<SsoConnectionsTable> {
  let settings: OidcSettings | SamlSettings;
  if (input.protocol === 'oidc') {
    checkIssuer(input.issuer);
    settings = { issuer: input.issuer, clientId: input.clientId, scopes: [...new Set(input.scopes)], claims: input.claims };
  } else {
    const pems = parseCertificates(input.idpCertificates);
    settings = {
      entryPoint: input.entryPoint,
      idpCertificates: pems.join('\n'),
      idpEntityId: input.idpEntityId,
      spEntityId: input.spEntityId,
      nameIdFormat: input.nameIdFormat,
      attributes: input.attributes,
    };
  }
  return inTx(ctx, async (trx) => {
    const current = await readConnection(trx, org.id);
    const keepSecret = current?.protocol === 'oidc' && input.protocol === 'oidc' ? current.client_secret_enc : null;
    if (input.protocol === 'oidc' && input.clientSecret === undefined && !keepSecret) throw badInput('clientSecret', 'is required');
    if (!input.enabled && current?.enabled === 1 && (await readIdentitySettings(trx, org.id)).enforceSso) throw enforcedError('enabled');
    const now = Date.now();
    const row: SsoConnectionsTable = {
      org_id: org.id,
      protocol: input.protocol,
      enabled: input.enabled ? 1 : 0,
      jit: input.jit ? 1 : 0,
      display_name: input.displayName || null,
      settings: JSON.stringify(settings),
      client_secret_enc:
        input.protocol === 'oidc' ? (input.clientSecret !== undefined ? ctx.secrets.seal(input.clientSecret) : keepSecret) : null,
      updated_by: actor.id,
      created_at: current?.created_at ?? now,
      // Strictly later than before: caches keyed on it (discovery) see every change.
      updated_at: current ? Math.max(now, current.updated_at + 1) : now,
    };
    await writeConnection(trx, row, !!current);
    const changed = current
      ? (['protocol', 'enabled', 'jit', 'display_name', 'settings'] as const).filter((k) => current[k] !== row[k]).map(String)
      : [];
    const secretChanged = input.protocol === 'oidc' && input.clientSecret !== undefined;
    if (secretChanged && current) changed.push('client_secret');
    if (!current || changed.length > 0) {
      await recordAudit(trx, {
        orgId: org.id,
        actor: personActor(actor),
        action: current ? 'sso.connection_changed' : 'sso.connection_created',
        target: { kind: 'sso', id: null, label: input.protocol === 'oidc' ? input.issuer : input.idpEntityId },
        ip,
        // Facts only: never the client secret.
        details: { protocol: row.protocol, enabled: row.enabled === 1, jit: row.jit === 1, settings, changed },
      });
    }
    if ((current?.enabled ?? 0) !== row.enabled) {
      await recordAudit(trx, {
        orgId: org.id,
        actor: personActor(actor),
        action: row.enabled ? 'sso.enabled' : 'sso.disabled',
        target: { kind: 'sso', id: null, label: row.protocol },
        ip,
      });
    }
    return row;
  });
}

export async function deleteConnection(ctx: AppContext, org: OrgsTable, actor: PeopleTable, ip: string): Promise<void> {
  await inTx(ctx, async (trx) => {
    const current = await readConnection(trx, org.id);
    if (!current) throw notFound('No single sign-on is configured for this company.');
    if (current.enabled === 1 && (await readIdentitySettings(trx, org.id)).enforceSso) throw enforcedError('enabled');
    await deleteConnectionRow(trx, org.id);
    await recordAudit(trx, {
      orgId: org.id,
      actor: personActor(actor),
      action: 'sso.connection_deleted',
      target: { kind: 'sso', id: null, label: current.protocol },
      ip,
    });
  });
}
