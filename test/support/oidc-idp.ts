import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { request } from 'undici';

/**
 * A real OpenID Connect provider for the tests: oidc-provider on 127.0.0.1, port 0, with one
 * confidential client (client_secret_basic), PKCE required, and a login page of its own at
 * /interaction/:uid: a form for a browser, which "signs in" the account named by `?login=` (what a
 * person would type there, without a password). Consent is granted at once, as for a company's own application. Scope claims (e-mail,
 * name) are released through userinfo, not the ID token, like several real providers do.
 */

export interface OidcAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
  employee_number?: string;
}

export interface TestOidcIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** By subject (`sub`). */
  accounts: Map<string, OidcAccount>;
  /**
   * Plays the browser at the provider: opens the authorization URL, signs in as `login` and
   * returns the address the provider sends the browser back to (the redirect URI with the code).
   */
  authorize(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

/** A minimal browser for the provider's own pages: keeps its cookies, follows nothing by itself. */
class ProviderBrowser {
  private readonly jar = new Map<string, string>();

  async get(url: string): Promise<{ status: number; location: string | null; body: string }> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await request(url, { method: 'GET', headers: cookie ? { cookie } : {} });
    const set = res.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const pair = c.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const value = pair.slice(at + 1);
      if (value && !/expires=thu, 01 jan 1970/i.test(c)) this.jar.set(pair.slice(0, at), value);
      else this.jar.delete(pair.slice(0, at));
    }
    const location = res.headers.location;
    return {
      status: res.statusCode,
      location: typeof location === 'string' ? new URL(location, url).href : null,
      body: await res.body.text(),
    };
  }
}

export async function startOidcIdp(opts: { redirectUris: string[] }): Promise<TestOidcIdp> {
  const accounts = new Map<string, OidcAccount>();
  const clientId = `commonplace-${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  // The provider needs its own address, known once the server listens; requests come only after that.
  const late: { provider?: Provider } = {};
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/interaction/')) {
      interaction(req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
      return;
    }
    void late.provider?.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-signing', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, i: { uid: string }) => `/interaction/${i.uid}` },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username', 'employee_number'],
    },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
    },
    // The company's own application: no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { session, client, params } = ctx.oidc;
      if (!session?.accountId || !client) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
  });

  late.provider = provider;

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    const login = new URL(req.url ?? '/', issuer).searchParams.get('login');
    if (login === null && details.prompt.name === 'login') {
      // What a person sees in a real browser: the provider's own sign-in form.
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title>' +
          '<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main><h1>Test identity provider</h1>' +
          '<form method="get"><label>Account <input name="login" autocomplete="username"></label> <button>Sign in</button></form></main></body></html>',
      );
      return;
    }
    if (details.prompt.name !== 'login' || !login || !accounts.has(login)) {
      res.statusCode = 403;
      res.end(`cannot sign in ${login} at prompt ${details.prompt.name}`);
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  }

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    async authorize(authorizationUrl, login) {
      const browser = new ProviderBrowser();
      let url = authorizationUrl;
      for (let hops = 0; hops < 10; hops++) {
        const target = new URL(url);
        if (target.origin !== issuer) return target;
        if (target.pathname.startsWith('/interaction/')) target.searchParams.set('login', login);
        const res = await browser.get(target.href);
        if (!res.location) throw new Error(`the provider stopped at ${target.pathname}: ${res.status} ${res.body.slice(0, 300)}`);
        url = res.location;
      }
      throw new Error('too many redirects at the provider');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
