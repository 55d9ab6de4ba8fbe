import { expect } from 'vitest';
import type { Scope } from '../../protocol/integrations.js';
import type { Client } from './client.js';
import type { Company } from './factories.js';
import type { TestServer } from './server.js';

export interface TestIntegration {
  id: string;
  botPersonId: string;
  token: string;
  tokenId: string;
  /** Speaks to the company's address with `authorization: Bearer <token>`, no cookie. */
  client: Client;
}

/** An integration made through the admin API by the company's owner, with one token. */
export async function createIntegration(
  t: TestServer,
  company: Company,
  opts: { name?: string; scopes: Scope[]; groupIds?: string[] },
): Promise<TestIntegration> {
  const made = await company.owner.post('/api/v1/admin/integrations', { name: opts.name ?? 'Test bot', scopes: opts.scopes });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const token = await company.owner.post(`/api/v1/admin/integrations/${made.body.id}/tokens`, {});
  expect(token.status, JSON.stringify(token.body)).toBe(201);
  if (opts.groupIds) {
    const groups = await company.owner.put(`/api/v1/admin/integrations/${made.body.id}/groups`, { groupIds: opts.groupIds });
    expect(groups.status, JSON.stringify(groups.body)).toBe(200);
  }
  return {
    id: made.body.id,
    botPersonId: made.body.botPersonId,
    token: token.body.token,
    tokenId: token.body.id,
    client: tokenClient(t, company, token.body.token),
  };
}

export function tokenClient(t: TestServer, company: Company, token: string): Client {
  const client = t.client(company.slug);
  client.defaultHeaders = { authorization: `Bearer ${token}` };
  return client;
}
