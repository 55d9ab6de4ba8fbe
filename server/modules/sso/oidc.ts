import * as client from 'openid-client';
import type { AppContext } from '../../context.js';
import type { OrgsTable, SsoConnectionsTable, SsoRequestsTable } from '../../db/schema.js';
import { connectionVersion, isLoopbackHttp, oidcSettings, serviceProvider } from './config.js';
import { SsoFailure, textValue, type SsoIdentity } from './failure.js';

/**
 * OpenID Connect with openid-client: discovery, the authorization code flow with PKCE (S256),
 * `state` (checked against the browser's own sign-in) and `nonce` (checked in the ID token), and
 * the client authenticated with client_secret_basic.
 */

const DISCOVERY_TTL_MS = 10 * 60_000;
const TIMEOUT_SECONDS = 10;

/** Connects to an issuer. http is accepted only on the loopback (see `isLoopbackHttp`). */
export function discover(issuer: string, clientId: string, clientSecret: string): Promise<client.Configuration> {
  const insecure = isLoopbackHttp(issuer);
  return client.discovery(
    new URL(issuer),
    clientId,
    { client_secret: clientSecret },
    client.ClientSecretBasic(clientSecret),
    insecure ? { execute: [client.allowInsecureRequests], timeout: TIMEOUT_SECONDS } : { timeout: TIMEOUT_SECONDS },
  );
}

const cache = new WeakMap<AppContext, Map<string, { version: string; at: number; config: Promise<client.Configuration> }>>();

/** The discovered configuration, kept 10 minutes per process and dropped when the connection changes. */
export function configurationOf(ctx: AppContext, row: SsoConnectionsTable): Promise<client.Configuration> {
  let byOrg = cache.get(ctx);
  if (!byOrg) cache.set(ctx, (byOrg = new Map()));
  const version = connectionVersion(row);
  const hit = byOrg.get(row.org_id);
  if (hit && hit.version === version && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const s = oidcSettings(row);
  const config = discover(s.issuer, s.clientId, row.client_secret_enc ? ctx.secrets.open(row.client_secret_enc) : '');
  byOrg.set(row.org_id, { version, at: Date.now(), config });
  // A failed discovery is not kept: the next sign-in tries again.
  config.catch(() => byOrg.delete(row.org_id));
  return config;
}

export interface OidcStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function startOidc(ctx: AppContext, org: OrgsTable, row: SsoConnectionsTable): Promise<OidcStart> {
  let config: client.Configuration;
  try {
    config = await configurationOf(ctx, row);
  } catch (err) {
    throw new SsoFailure('sso_failed', 'discovery_failed', err instanceof Error ? err.message : String(err));
  }
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: serviceProvider(ctx, org).redirectUri,
    scope: oidcSettings(row).scopes.join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

interface OAuthError {
  code?: string;
  cause?: unknown;
}

/**
 * openid-client's refusals, in the words the sign-in page knows. It wraps oauth4webapi's error,
 * whose message and `cause.claim` say what exactly did not match.
 */
function failureOf(err: unknown): SsoFailure {
  const e = err as OAuthError;
  const inner = e.cause instanceof Error ? (e.cause as Error & { cause?: unknown }) : null;
  const message = inner?.message ?? (err instanceof Error ? err.message : String(err));
  const detail = inner?.cause && typeof inner.cause === 'object' ? (inner.cause as { claim?: unknown }) : {};
  const claim = typeof detail.claim === 'string' ? detail.claim : undefined;
  if (e.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'nonce') return new SsoFailure('sso_state', 'nonce_mismatch', message);
  if (e.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && (claim === 'aud' || claim === 'azp'))
    return new SsoFailure('sso_audience', 'audience_mismatch', message);
  if (e.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return new SsoFailure('sso_expired', 'token_expired', message);
  if (/signature/i.test(message)) return new SsoFailure('sso_signature', 'bad_signature', message);
  return new SsoFailure('sso_failed', 'token_exchange_failed', message);
}

/**
 * Redeems the code of an answer that `request` (this browser's sign-in, state already compared)
 * asked for, and reads who the person is from the ID token, completed by userinfo when a mapped
 * claim is missing there.
 */
export async function finishOidc(
  ctx: AppContext,
  org: OrgsTable,
  row: SsoConnectionsTable,
  request: SsoRequestsTable,
  query: Record<string, string>,
): Promise<SsoIdentity> {
  const config = await configurationOf(ctx, row).catch((err: unknown) => {
    throw new SsoFailure('sso_failed', 'discovery_failed', err instanceof Error ? err.message : String(err));
  });
  // The address the provider sent the browser to, as we registered it (the redirect_uri sent again).
  const current = new URL(serviceProvider(ctx, org).redirectUri);
  for (const [k, v] of Object.entries(query)) current.searchParams.set(k, v);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: request.code_verifier_enc ? ctx.secrets.open(request.code_verifier_enc) : '',
      expectedState: request.state ?? '',
      expectedNonce: request.nonce ?? '',
      idTokenExpected: true,
    });
  } catch (err) {
    throw failureOf(err);
  }
  const idClaims = tokens.claims();
  if (!idClaims) throw new SsoFailure('sso_failed', 'no_id_token', 'The provider returned no ID token.');
  let claims: Record<string, unknown> = { ...idClaims };
  const { claims: map } = oidcSettings(row);
  const wanted = [map.email, map.name, map.username, map.employeeId].filter((c): c is string => !!c);
  if (wanted.some((c) => claims[c] === undefined) && config.serverMetadata().userinfo_endpoint && tokens.access_token) {
    try {
      // The ID token's values win; userinfo only fills what it lacks (and must be about the same subject).
      claims = { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...claims };
    } catch (err) {
      ctx.log.warn({ err, orgId: org.id }, 'OpenID Connect userinfo could not be read; using the ID token alone');
    }
  }
  const verified = claims.email_verified;
  return {
    method: 'oidc',
    issuer: idClaims.iss,
    subject: idClaims.sub,
    email: textValue(claims[map.email]),
    emailVerified: typeof verified === 'boolean' ? verified : verified === 'true' ? true : verified === 'false' ? false : null,
    name: textValue(claims[map.name]) ?? ([textValue(claims.given_name), textValue(claims.family_name)].filter(Boolean).join(' ') || null),
    username: map.username ? textValue(claims[map.username]) : null,
    employeeId: map.employeeId ? textValue(claims[map.employeeId]) : null,
  };
}
