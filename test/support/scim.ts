import { expect } from 'vitest';
import type { Client, Res } from './client.js';
import type { Company } from './factories.js';
import { expectNoInternals } from './http.js';
import type { TestServer } from './server.js';

export const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const CORE_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** An identity provider talking to a company's SCIM endpoint with a bearer token. */
export class Scim {
  constructor(
    private readonly http: Client,
    readonly token: string,
  ) {}

  call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    return this.http.call<T>(method, `/scim/v2${path}`, body, {
      authorization: `Bearer ${this.token}`,
      ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
      ...headers,
    });
  }

  get = <T = any>(path: string, headers?: Record<string, string>) => this.call<T>('GET', path, undefined, headers);
  post = <T = any>(path: string, body: unknown, headers?: Record<string, string>) => this.call<T>('POST', path, body, headers);
  put = <T = any>(path: string, body: unknown, headers?: Record<string, string>) => this.call<T>('PUT', path, body, headers);
  patch = <T = any>(path: string, ops: unknown[], headers?: Record<string, string>) =>
    this.call<T>('PATCH', path, { schemas: [PATCH_OP], Operations: ops }, headers);
  delete = <T = any>(path: string, headers?: Record<string, string>) => this.call<T>('DELETE', path, undefined, headers);

  /** The ids of the Users a filter finds. */
  async find(filter: string): Promise<string[]> {
    const res = await this.get(`/Users?filter=${encodeURIComponent(filter)}`);
    if (res.status !== 200) throw new Error(`filter ${filter} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body.Resources as Array<{ id: string }>).map((r) => r.id);
  }
}

/** Makes a SCIM token as the company's owner and returns a client using it. */
export async function scimFor(t: TestServer, company: Company, name = 'Entra ID'): Promise<Scim & { tokenId: string }> {
  const res = await company.owner.post('/api/v1/admin/scim-tokens', { name });
  if (res.status !== 201) throw new Error(`token failed: ${res.status} ${JSON.stringify(res.body)}`);
  return Object.assign(new Scim(t.client(company.slug), res.body.token as string), { tokenId: res.body.id as string });
}

/** A SCIM error: status (as the string SCIM sends), scimType when given, a detail, nothing internal. */
export function expectScimError(res: Res, status: number, scimType?: string | null): void {
  expect({ status: res.status, scimType: res.body?.scimType ?? null }).toEqual({ status, scimType: scimType ?? null });
  expect(String(res.headers['content-type'])).toContain('application/scim+json');
  expect(res.body).toMatchObject({ schemas: [ERROR], status: String(status) });
  expect(typeof res.body.detail).toBe('string');
  expectNoInternals(res);
}

/** A minimal Entra-shaped create body (Microsoft's documented example, with our names). */
export function entraUser(userName: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [CORE_USER, ENTERPRISE],
    externalId: `ext-${userName}`,
    userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: userName.includes('@') ? userName : `${userName}@example.test` }],
    meta: { resourceType: 'User' },
    name: { formatted: 'Given Family', familyName: 'Family', givenName: 'Given' },
    roles: [],
    ...extra,
  };
}
