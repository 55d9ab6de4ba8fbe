import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { PASSWORD, signUpCompany, uniqueSlug } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

describe.each(DIALECTS)('companies on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs up a company and signs the owner in on its own host', async () => {
    const company = await signUpCompany(t, { name: 'Café Ørsted' });
    const me = await company.owner.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'owner', displayName: 'Olivia Owner' });
    const ctx = await company.owner.get('/api/v1/context');
    expect(ctx.body.org).toMatchObject({ slug: company.slug, name: 'Café Ørsted' });
  });

  it('names every bad field and rejects unknown ones', async () => {
    const res = await t
      .root()
      .post('/api/v1/orgs', { companyName: '', slug: 'A!', ownerName: 'x', email: 'no', password: 'short', admin: true });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = [...new Set((res.body.errors as Array<{ field: string }>).map((e) => e.field))].sort();
    expect(fields).toEqual(['admin', 'companyName', 'email', 'password', 'slug']);
  });

  it('lets exactly one of two racing sign-ups take an address', async () => {
    const slug = uniqueSlug('race');
    const body = (n: number) => ({ companyName: `Racer ${n}`, slug, ownerName: 'R', email: `r${n}@x.test`, password: PASSWORD });
    const results = await Promise.all([t.root().post('/api/v1/orgs', body(1)), t.root().post('/api/v1/orgs', body(2))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body).toMatchObject({ code: 'slug_taken', field: 'slug' });
    const check = await t.root().get(`/api/v1/orgs/slug-check?slug=${slug}`);
    expect(check.body).toMatchObject({ available: false, reason: 'taken' });
  });

  it('keeps the same e-mail in two companies as two separate people', async () => {
    const email = `shared-${uniqueSlug()}@x.test`;
    const a = await signUpCompany(t, { email });
    const b = await signUpCompany(t, { email });
    const meA = await a.owner.get('/api/v1/me');
    const meB = await b.owner.get('/api/v1/me');
    expect(meA.body.id).not.toBe(meB.body.id);
    // A's session does not open B's door.
    const cross = b.owner.fresh();
    cross.cookie = a.owner.cookie;
    expect((await cross.get('/api/v1/me')).status).toBe(401);
    // And A's ids are unknown in B.
    expect((await b.owner.get(`/api/v1/people/${meA.body.id}`)).status).toBe(404);
  });
});
