import { randomBytes } from 'node:crypto';
import type { Client } from './client.js';
import type { TestServer } from './server.js';

export const PASSWORD = 'correct horse battery staple';
let counter = 0;
export const uniqueSlug = (prefix = 'co'): string =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

export interface Company {
  slug: string;
  orgId: string;
  owner: Client;
}

/** Signs up a company and follows the hand-off link, as a browser would; returns the signed-in owner. */
export async function signUpCompany(t: TestServer, opts: { slug?: string; name?: string; email?: string } = {}): Promise<Company> {
  const slug = opts.slug ?? uniqueSlug();
  const res = await t.root().post('/api/v1/orgs', {
    companyName: opts.name ?? `Company ${slug}`,
    slug,
    ownerName: 'Olivia Owner',
    email: opts.email ?? `owner@${slug}.test`,
    password: PASSWORD,
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  const owner = t.client(slug);
  const handoff = new URL(res.body.continueUrl as string);
  const hop = await owner.get(`${handoff.pathname}${handoff.search}`);
  if (hop.status !== 303) throw new Error(`hand-off failed: ${hop.status}`);
  await owner.get('/api/v1/auth/session');
  return { slug, orgId: res.body.org.id as string, owner };
}

/** Adds a person through an invite link (admin creates it, the person accepts); returns them signed in. */
export async function addPerson(
  t: TestServer,
  company: Company,
  opts: { name?: string; email?: string; role?: 'member' | 'admin' | 'guest' } = {},
): Promise<Client & { personId: string; email: string }> {
  const email = opts.email ?? `p${(counter++).toString(36)}${randomBytes(3).toString('hex')}@${company.slug}.test`;
  const link = await company.owner.post('/api/v1/admin/invite-links', { role: opts.role === 'guest' ? 'guest' : 'member', maxUses: 1 });
  if (link.status !== 201) throw new Error(`invite link failed: ${link.status} ${JSON.stringify(link.body)}`);
  const token = new URL(link.body.url as string).pathname.split('/').pop() ?? '';
  const person = t.client(company.slug);
  const res = await person.post(`/api/v1/invites/${token}/accept`, { displayName: opts.name ?? 'Pat Person', email, password: PASSWORD });
  if (res.status !== 201) throw new Error(`accept failed: ${res.status} ${JSON.stringify(res.body)}`);
  const personId = res.body.person.id as string;
  if (opts.role === 'admin') {
    const promoted = await company.owner.patch(`/api/v1/admin/people/${personId}`, { role: 'admin' });
    if (promoted.status !== 200) throw new Error(`promote failed: ${promoted.status}`);
  }
  return Object.assign(person, { personId, email });
}
