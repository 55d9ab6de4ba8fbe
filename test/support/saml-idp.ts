import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as validator from '@authenio/samlify-node-xmllint';
// samlify is CommonJS whose exports Node cannot all list for ESM; its default is the whole module.
import samlify from 'samlify';

/**
 * A real SAML 2.0 identity provider for the tests: samlify in the IdP role on 127.0.0.1, port 0.
 * It takes AuthnRequests by HTTP-Redirect at /sso (parsed and schema-checked by samlify, with
 * xmllint), "signs in" the account named by `?login=` (what a person would type at the
 * provider), and answers with the HTTP-POST form a browser would submit to the service provider.
 * `?case=` makes it misbehave on purpose: `other_key` (signed with a key the service provider does
 * not trust), `tampered` (changed after signing), `unsigned`, `wrong_audience`, `expired`
 * (NotOnOrAfter in the past).
 */

samlify.setSchemaValidator(validator);

const run = promisify(execFile);

export interface SamlAccount {
  nameId: string;
  email?: string;
  displayName?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
}

export type SamlCase = 'normal' | 'other_key' | 'tampered' | 'unsigned' | 'wrong_audience' | 'expired';

export interface PostedForm {
  action: string;
  SAMLResponse: string;
  RelayState: string;
}

export interface TestSamlIdp {
  entityId: string;
  ssoUrl: string;
  metadataUrl: string;
  /** The certificate the provider signs with (what the service provider's admin pastes). */
  certificate: string;
  accounts: Map<string, SamlAccount>;
  /** The service provider's metadata, as its admin would give it to the provider's admin. */
  trust(spMetadataXml: string): void;
  close(): Promise<void>;
}

async function selfSigned(cn: string): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'cp-saml-'));
  try {
    await run(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '2', '-subj', `/CN=${cn}`],
      { cwd: dir },
    );
    return { key: await readFile(join(dir, 'key.pem'), 'utf8'), cert: await readFile(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Attribute names as Okta sends them (the SAML preset `okta` of the settings). */
function attributeStatement(a: SamlAccount): string {
  const pairs: Array<[string, string | undefined]> = [
    ['email', a.email],
    ['displayName', a.displayName],
    ['firstName', a.firstName],
    ['lastName', a.lastName],
    ['login', a.username],
  ];
  const attrs = pairs
    .filter((p): p is [string, string] => !!p[1])
    .map(
      ([name, value]) =>
        `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"><saml:AttributeValue xsi:type="xs:string">${esc(value)}</saml:AttributeValue></saml:Attribute>`,
    )
    .join('');
  return attrs ? `<saml:AttributeStatement>${attrs}</saml:AttributeStatement>` : '';
}

const AUTHN =
  '<saml:AuthnStatement AuthnInstant="{IssueInstant}" SessionIndex="{AssertionID}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>';

export async function startSamlIdp(): Promise<TestSamlIdp> {
  const good = await selfSigned('Test SAML IdP');
  const other = await selfSigned('Someone else');
  const accounts = new Map<string, SamlAccount>();
  let sp: ReturnType<typeof samlify.ServiceProvider> | null = null;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err instanceof Error ? err.stack : err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${base}/metadata`;
  const ssoUrl = `${base}/sso`;
  const settings = (keys: { key: string; cert: string }) => ({
    entityID: entityId,
    privateKey: keys.key,
    signingCert: keys.cert,
    requestSignatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    nameIDFormat: ['urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'],
    singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: ssoUrl }],
    singleLogoutService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: `${base}/slo` }],
  });
  const idp = samlify.IdentityProvider(settings(good));
  const impostor = samlify.IdentityProvider(settings(other));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname === '/metadata') {
      res.setHeader('content-type', 'application/samlmetadata+xml');
      res.end(idp.getMetadata());
      return;
    }
    if (url.pathname !== '/sso' || !sp) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    const query = Object.fromEntries(url.searchParams);
    const parsed = await idp.parseLoginRequest(sp, 'redirect', { query });
    const account = accounts.get(url.searchParams.get('login') ?? '');
    if (!account) {
      res.statusCode = 403;
      res.end('unknown account');
      return;
    }
    const which = (url.searchParams.get('case') ?? 'normal') as SamlCase;
    const now = Date.now();
    const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
    const expired = which === 'expired';
    const values = {
      ID: `_${randomBytes(16).toString('hex')}`,
      AssertionID: `_${randomBytes(16).toString('hex')}`,
      Destination: sp.entityMeta.getAssertionConsumerService('post') as string,
      Audience: which === 'wrong_audience' ? 'https://someone-else.example/saml' : sp.entityMeta.getEntityID(),
      SubjectRecipient: sp.entityMeta.getAssertionConsumerService('post') as string,
      Issuer: entityId,
      IssueInstant: expired ? at(-20 * 60_000) : at(0),
      StatusCode: samlify.Constants.StatusCode.Success,
      ConditionsNotBefore: expired ? at(-20 * 60_000) : at(-60_000),
      ConditionsNotOnOrAfter: expired ? at(-10 * 60_000) : at(5 * 60_000),
      SubjectConfirmationDataNotOnOrAfter: expired ? at(-10 * 60_000) : at(5 * 60_000),
      NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      NameID: account.nameId,
      InResponseTo: String(parsed.extract.request?.id ?? ''),
    };
    const template = samlify.SamlLib.defaultLoginResponseTemplate.context
      .replace('{AuthnStatement}', AUTHN)
      .replace('{AttributeStatement}', '@@ATTRIBUTES@@');
    const render = (t: string) =>
      samlify.SamlLib.replaceTagsByValue(t, { ...values, AuthnStatement: '', AttributeStatement: '' }).replace(
        '@@ATTRIBUTES@@',
        attributeStatement(account),
      );
    let samlResponse: string;
    if (which === 'unsigned') {
      samlResponse = Buffer.from(render(template)).toString('base64');
    } else {
      const signer = which === 'other_key' ? impostor : idp;
      const out = await signer.createLoginResponse(
        sp,
        { extract: parsed.extract },
        'post',
        { email: account.email ?? '' },
        (t: string) => ({
          id: values.ID,
          context: render(t.replace('{AuthnStatement}', AUTHN).replace('{AttributeStatement}', '@@ATTRIBUTES@@')),
        }),
      );
      samlResponse = out.context;
      if (which === 'tampered') {
        const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
        samlResponse = Buffer.from(xml.replace(`>${esc(account.nameId)}<`, '>someone.else@example.test<')).toString('base64');
      }
    }
    const relayState = url.searchParams.get('RelayState') ?? '';
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><form method="post" action="${esc(values.Destination)}">` +
        `<input type="hidden" name="SAMLResponse" value="${esc(samlResponse)}">` +
        `<input type="hidden" name="RelayState" value="${esc(relayState)}">` +
        `<noscript><button type="submit">Continue</button></noscript></form>`,
    );
  }

  return {
    entityId,
    ssoUrl,
    metadataUrl: entityId,
    certificate: good.cert,
    accounts,
    trust(spMetadataXml) {
      sp = samlify.ServiceProvider({ metadata: spMetadataXml });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The form the provider's page would submit: where, and its two fields. */
export function readPostedForm(html: string): PostedForm {
  const attr = (re: RegExp) => {
    const m = re.exec(html);
    if (!m?.[1]) throw new Error(`no form field in: ${html.slice(0, 300)}`);
    return m[1]
      .replace(/&quot;/g, '"')
      .replace(/&gt;/g, '>')
      .replace(/&lt;/g, '<')
      .replace(/&amp;/g, '&');
  };
  return {
    action: attr(/<form method="post" action="([^"]+)"/),
    SAMLResponse: attr(/name="SAMLResponse" value="([^"]+)"/),
    RelayState: /name="RelayState" value="([^"]*)"/.exec(html)?.[1] ?? '',
  };
}
