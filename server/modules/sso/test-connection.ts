import { SaxesParser } from 'saxes';
import type { SsoTestInput, SsoTestResult } from '../../../protocol/sso.js';
import type { AppContext } from '../../context.js';
import type { OrgsTable, PeopleTable } from '../../db/schema.js';
import { badInput, notFound } from '../../errors.js';
import { personActor, recordAudit } from '../audit/record.js';
import { certificateInfo, checkIssuer, oidcSettings, parseCertificates, samlSettings } from './config.js';
import { discover } from './oidc.js';
import { readConnection } from './store.js';

/**
 * Tries a configuration before or after it is saved. OpenID Connect: discovery from the issuer,
 * whose document must name that very issuer. SAML: the provider's certificates are read (and its
 * metadata, when pasted, gives its entity id, sign-in address and certificates). The outcome is
 * the answer (200) whether or not it worked; a malformed value is a 400 naming it.
 */

const EMPTY = {
  message: null,
  problem: null,
  issuer: null,
  authorizationEndpoint: null,
  idpEntityId: null,
  entryPoint: null,
  idpCertificates: null,
  certificates: [],
} satisfies Partial<SsoTestResult>;

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

interface IdpMetadata {
  entityId: string | null;
  entryPoint: string | null;
  certificates: string[];
}

/** Reads an IdP's metadata (namespaces checked; no DTD or entity is ever expanded by saxes). */
export function parseIdpMetadata(xml: string): IdpMetadata {
  const parser = new SaxesParser({ xmlns: true });
  const out: IdpMetadata = { entityId: null, entryPoint: null, certificates: [] };
  let inIdp = 0;
  let keyUse: string | null = null;
  let certText: string | null = null;
  parser.on('opentag', (tag) => {
    const attr = (name: string) => tag.attributes[name]?.value;
    if (tag.uri === MD && tag.local === 'EntityDescriptor' && !out.entityId) out.entityId = attr('entityID') ?? null;
    if (tag.uri === MD && tag.local === 'IDPSSODescriptor') inIdp++;
    if (inIdp && tag.uri === MD && tag.local === 'KeyDescriptor') keyUse = attr('use') ?? 'signing';
    if (inIdp && tag.uri === MD && tag.local === 'SingleSignOnService' && attr('Binding') === REDIRECT && !out.entryPoint)
      out.entryPoint = attr('Location') ?? null;
    if (inIdp && keyUse === 'signing' && tag.uri === DS && tag.local === 'X509Certificate') certText = '';
  });
  parser.on('text', (t) => {
    if (certText !== null) certText += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.uri === DS && tag.local === 'X509Certificate' && certText !== null) {
      out.certificates.push(certText.replace(/\s+/g, ''));
      certText = null;
    }
    if (tag.uri === MD && tag.local === 'KeyDescriptor') keyUse = null;
    if (tag.uri === MD && tag.local === 'IDPSSODescriptor') inIdp--;
  });
  try {
    parser.write(xml).close();
  } catch {
    throw badInput('idpMetadataXml', 'is not XML');
  }
  if (!out.entityId) throw badInput('idpMetadataXml', 'is not SAML metadata (no EntityDescriptor with an entityID)');
  return out;
}

async function testOidc(issuer: string | undefined, clientId: string | undefined): Promise<SsoTestResult> {
  if (!issuer) throw badInput('issuer', 'is required');
  if (!URL.canParse(issuer)) throw badInput('issuer', 'must be an http(s) address');
  checkIssuer(issuer);
  try {
    // Discovery alone reads no secret; the client needs one to be built.
    const config = await discover(issuer, clientId || 'test', 'discovery-only');
    const meta = config.serverMetadata();
    return { ...EMPTY, ok: true, protocol: 'oidc', issuer: meta.issuer, authorizationEndpoint: meta.authorization_endpoint ?? null };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const problem = /issuer/i.test(message) ? 'issuer_mismatch' : 'discovery';
    return { ...EMPTY, ok: false, protocol: 'oidc', problem, message: `Discovery failed: ${message}` };
  }
}

function testSaml(input: SsoTestInput, stored: { entryPoint?: string; idpCertificates?: string; idpEntityId?: string }): SsoTestResult {
  let entityId = input.idpEntityId ?? stored.idpEntityId ?? null;
  let entryPoint = input.entryPoint ?? stored.entryPoint ?? null;
  let certText = input.idpCertificates ?? stored.idpCertificates ?? null;
  if (input.idpMetadataXml !== undefined) {
    const meta = parseIdpMetadata(input.idpMetadataXml);
    entityId = meta.entityId;
    entryPoint = meta.entryPoint ?? entryPoint;
    if (meta.certificates.length) certText = meta.certificates.join('\n');
  }
  if (!certText) throw badInput(input.idpMetadataXml !== undefined ? 'idpMetadataXml' : 'idpCertificates', 'is required');
  const field = input.idpMetadataXml !== undefined && input.idpCertificates === undefined ? 'idpMetadataXml' : 'idpCertificates';
  const pems = parseCertificates(certText, field);
  const certificates = pems.map((pem) => certificateInfo(pem));
  const base = { ...EMPTY, protocol: 'saml' as const, idpEntityId: entityId, entryPoint, idpCertificates: pems.join('\n'), certificates };
  if (!entryPoint || !URL.canParse(entryPoint) || !/^https?:$/.test(new URL(entryPoint).protocol))
    return { ...base, ok: false, problem: 'entry_point', message: 'The sign-in address (SSO URL) is missing or not an http(s) address.' };
  if (certificates.every((c) => c.expired))
    return { ...base, ok: false, problem: 'certificate', message: 'Every certificate has expired: sign-ins would be refused.' };
  return { ...base, ok: true };
}

export async function testConnection(
  ctx: AppContext,
  org: OrgsTable,
  actor: PeopleTable,
  input: SsoTestInput,
  ip: string,
): Promise<SsoTestResult> {
  const stored = await readConnection(ctx.db, org.id);
  const protocol = input.protocol ?? stored?.protocol ?? (input.idpMetadataXml !== undefined ? 'saml' : undefined);
  if (!protocol) {
    if (!stored && Object.keys(input).length === 0) throw notFound('No single sign-on is configured for this company.');
    throw badInput('protocol', 'is required');
  }
  const same = stored?.protocol === protocol ? stored : undefined;
  let result: SsoTestResult;
  if (protocol === 'oidc') {
    const s = same ? oidcSettings(same) : undefined;
    result = await testOidc(input.issuer ?? s?.issuer, input.clientId ?? s?.clientId);
  } else {
    result = testSaml(input, same ? samlSettings(same) : {});
  }
  await recordAudit(ctx.db, {
    orgId: org.id,
    actor: personActor(actor),
    action: 'sso.tested',
    target: { kind: 'sso', id: null, label: protocol },
    ip,
    details: { protocol, ok: result.ok, problem: result.problem },
  });
  return result;
}
