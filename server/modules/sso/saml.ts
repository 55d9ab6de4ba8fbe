import { generateServiceProviderMetadata, SAML, SamlStatusError, ValidateInResponseTo, type CacheProvider } from '@node-saml/node-saml';
import { NAME_ID_FORMATS } from '../../../protocol/sso.js';
import type { AppContext } from '../../context.js';
import type { OrgsTable, SsoConnectionsTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { parseCertificates, samlSettings, serviceProvider } from './config.js';
import { SsoFailure, textValue, type SsoIdentity } from './failure.js';
import { findSamlRequest, insertRequest } from './store.js';

/**
 * SAML 2.0 with @node-saml/node-saml as the service provider: AuthnRequests by HTTP-Redirect,
 * responses by HTTP-POST to the ACS. Assertions must be signed by one of the provider's
 * certificates; audience, time (60 s of clock skew) and InResponseTo are checked by the library;
 * the issuer and replays are checked here.
 */

export const REQUEST_TTL_MS = 10 * 60_000;
const CLOCK_SKEW_MS = 60_000;

/**
 * node-saml keeps the ids of the requests it sent in a cache so that InResponseTo can be checked.
 * Ours is the sso_requests table, so any process can take the answer. A request is not removed
 * when an answer comes: acs.ts spends it (and the assertion) in one transaction once the answer
 * passed every check, so a second answer to it reads as a replay rather than an unknown request,
 * and a forged answer cannot burn a person's real sign-in.
 */
class RequestStore implements CacheProvider {
  constructor(
    private readonly ctx: AppContext,
    private readonly orgId: string,
    private readonly returnTo: string,
  ) {}

  async saveAsync(key: string, value: string) {
    const now = Date.now();
    await insertRequest(this.ctx.db, {
      id: newId(),
      org_id: this.orgId,
      protocol: 'saml',
      browser_hash: null,
      state: null,
      nonce: null,
      code_verifier_enc: null,
      request_id: key,
      return_to: this.returnTo,
      created_at: now,
      expires_at: now + REQUEST_TTL_MS,
      used_at: null,
    });
    return { value, createdAt: now };
  }

  async getAsync(key: string) {
    const row = await findSamlRequest(this.ctx.db, this.orgId, key, Date.now());
    return row ? new Date(row.created_at).toISOString() : null;
  }

  removeAsync(): Promise<string | null> {
    return Promise.resolve(null);
  }
}

function samlFor(ctx: AppContext, org: OrgsTable, row: SsoConnectionsTable, returnTo = '/'): SAML {
  const s = samlSettings(row);
  const sp = serviceProvider(ctx, org, row);
  return new SAML({
    callbackUrl: sp.acsUrl,
    entryPoint: s.entryPoint,
    issuer: sp.entityId,
    audience: sp.entityId,
    idpCert: parseCertificates(s.idpCertificates),
    identifierFormat: NAME_ID_FORMATS[s.nameIdFormat],
    wantAssertionsSigned: true,
    // Entra ID signs the assertion only, by default; the assertion's signature is what counts.
    wantAuthnResponseSigned: false,
    // Asking for one exact kind of authentication makes providers refuse passwordless and MFA sign-ins.
    disableRequestedAuthnContext: true,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: REQUEST_TTL_MS,
    cacheProvider: new RequestStore(ctx, org.id, returnTo),
  });
}

/** Our metadata, for the provider's admin: entity id, ACS, NameID format, signed assertions wanted. */
export function spMetadata(ctx: AppContext, org: OrgsTable, row: SsoConnectionsTable | undefined): string {
  const sp = serviceProvider(ctx, org, row);
  const format = row?.protocol === 'saml' ? NAME_ID_FORMATS[samlSettings(row).nameIdFormat] : NAME_ID_FORMATS.unspecified;
  return generateServiceProviderMetadata({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    identifierFormat: format,
    wantAssertionsSigned: true,
  });
}

/** The provider's address with a new AuthnRequest (its id stored for InResponseTo). */
export function startSaml(ctx: AppContext, org: OrgsTable, row: SsoConnectionsTable, returnTo: string): Promise<string> {
  return samlFor(ctx, org, row, returnTo).getAuthorizeUrlAsync('', undefined, {});
}

function failureOf(err: unknown): SsoFailure {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof SamlStatusError) return new SsoFailure('sso_failed', 'provider_refused', message);
  if (/InResponseTo/i.test(message)) return new SsoFailure('sso_state', 'in_response_to', message);
  if (/signature/i.test(message)) return new SsoFailure('sso_signature', 'bad_signature', message);
  if (/audience/i.test(message)) return new SsoFailure('sso_audience', 'wrong_audience', message);
  if (/expired|not yet valid|subject confirmation/i.test(message)) return new SsoFailure('sso_expired', 'expired', message);
  return new SsoFailure('sso_failed', 'invalid_response', message);
}

type XmlNode = { $?: Record<string, string>; _?: string } & { [child: string]: XmlNode[] | Record<string, string> | string | undefined };
const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => (node?.[name] as XmlNode[] | undefined)?.[0];

/** The latest time the assertion itself allows (Conditions, subject confirmations). */
function assertionDeadline(assertion: XmlNode): number | null {
  const times: string[] = [];
  const conditions = child(assertion, 'Conditions')?.$?.NotOnOrAfter;
  if (conditions) times.push(conditions);
  for (const sc of (child(assertion, 'Subject')?.SubjectConfirmation as XmlNode[] | undefined) ?? []) {
    const t = child(sc, 'SubjectConfirmationData')?.$?.NotOnOrAfter;
    if (t) times.push(t);
  }
  const ms = times.map((t) => Date.parse(t)).filter((n) => Number.isFinite(n));
  return ms.length ? Math.max(...ms) : null;
}

export interface SamlAnswer {
  identity: SsoIdentity;
  /** The AuthnRequest this answers (its sso_requests row carries where to go next). */
  requestId: string;
  assertionId: string;
  /** Until when the assertion's id must be remembered to refuse it again. */
  keepUntil: number;
}

/** Checks a posted SAMLResponse and reads who the person is; spending it is the caller's. */
export async function readSamlResponse(
  ctx: AppContext,
  org: OrgsTable,
  row: SsoConnectionsTable,
  samlResponse: string,
): Promise<SamlAnswer> {
  const s = samlSettings(row);
  let profile;
  try {
    ({ profile } = await samlFor(ctx, org, row).validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (err) {
    throw failureOf(err);
  }
  if (!profile) throw new SsoFailure('sso_failed', 'no_assertion', 'The response carries no sign-in.');
  const login = profile.nameID ?? null;
  if (profile.issuer !== s.idpEntityId)
    throw new SsoFailure(
      'sso_signature',
      'wrong_issuer',
      `Assertion issued by ${String(profile.issuer)}, expected ${s.idpEntityId}`,
      login,
    );
  const assertion = (profile.getAssertion?.() as { Assertion?: XmlNode } | undefined)?.Assertion;
  const assertionId = assertion?.$?.ID;
  const requestId = typeof profile.inResponseTo === 'string' ? profile.inResponseTo : null;
  if (!assertion || !assertionId || !requestId) throw new SsoFailure('sso_failed', 'invalid_response', 'Assertion without an ID', login);
  if (!profile.nameID) throw new SsoFailure('sso_failed', 'no_name_id', 'The assertion names nobody (no NameID).');
  const deadline = assertionDeadline(assertion);
  const a = s.attributes;
  const attr = (name: string | null) => (name ? textValue((profile.attributes as Record<string, unknown> | undefined)?.[name]) : null);
  const fullName = [attr(a.firstName), attr(a.lastName)].filter(Boolean).join(' ');
  const email = attr(a.email) ?? (profile.nameIDFormat === NAME_ID_FORMATS.emailAddress ? profile.nameID : null);
  return {
    identity: {
      method: 'saml',
      issuer: s.idpEntityId,
      subject: profile.nameID,
      email,
      emailVerified: null,
      name: attr(a.name) ?? (fullName || null),
      username: attr(a.username),
      employeeId: attr(a.employeeId),
    },
    requestId,
    assertionId,
    keepUntil: Math.max((deadline ?? 0) + CLOCK_SKEW_MS, Date.now() + REQUEST_TTL_MS),
  };
}
