import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCodes } from '../protocol/events.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { closeOf, connect, refusedUpgrade } from './support/realtime.js';
import { CORE_USER, entraUser, expectScimError, Scim, scimFor } from './support/scim.js';
import { startTestServer, type TestServer } from './support/server.js';

const SOME_ID = '01900000-0000-7000-8000-000000000000';

/**
 * SCIM tokens (admin API, per company, revocable), what a SCIM write does at once (deactivation
 * ends sessions and sockets), the audit log, discovery, and concurrent provisioning.
 */
describe.each(DIALECTS)('SCIM tokens and effects on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let globex: Company;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    globex = await signUpCompany(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('manages tokens in the admin area: 401, 403, 400 naming the field, 404, then success; shown once, stored hashed', async () => {
    const anon = t.client(acme.slug);
    expectProblem(await anon.post('/api/v1/admin/scim-tokens', { name: 'x' }), 401, 'unauthenticated');
    expectProblem(await anon.get('/api/v1/admin/scim-tokens'), 401, 'unauthenticated');
    expectProblem(await anon.delete(`/api/v1/admin/scim-tokens/${SOME_ID}`), 401, 'unauthenticated');
    const member = await addPerson(t, acme, { name: 'Mo Member' });
    expectProblem(await member.post('/api/v1/admin/scim-tokens', { name: 'x' }), 403, 'forbidden');
    expectProblem(await member.get('/api/v1/admin/scim-tokens'), 403, 'forbidden');

    expectProblem(await acme.owner.post('/api/v1/admin/scim-tokens', {}), 400, 'invalid_input', 'name');
    expectProblem(await acme.owner.post('/api/v1/admin/scim-tokens', { name: '   ' }), 400, 'invalid_input', 'name');
    expectProblem(await acme.owner.post('/api/v1/admin/scim-tokens', { name: 'x'.repeat(101) }), 400, 'invalid_input', 'name');
    expectProblem(await acme.owner.post('/api/v1/admin/scim-tokens', { name: 'x', secret: 'y' }), 400, 'invalid_input', 'secret');
    expectProblem(await acme.owner.get('/api/v1/admin/scim-tokens?limit=0'), 400, 'invalid_input', 'limit');
    expectProblem(await acme.owner.delete('/api/v1/admin/scim-tokens/not-an-id'), 400, 'invalid_input', 'id');
    expectProblem(await acme.owner.delete(`/api/v1/admin/scim-tokens/${SOME_ID}`), 404, 'not_found');

    const made = await acme.owner.post('/api/v1/admin/scim-tokens', { name: 'Entra ID' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'Entra ID', lastUsedAt: null, createdBy: { displayName: 'Olivia Owner' } });
    expect(made.body.token).toMatch(/^cpscim_[A-Za-z0-9_-]{40,}$/);
    const stored = await t.server.ctx.db.selectFrom('scim_tokens').selectAll().where('id', '=', made.body.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(made.body.token);

    const scim = new Scim(t.client(acme.slug), made.body.token);
    expect((await scim.get('/Users?count=1')).status).toBe(200);
    const listed = await acme.owner.get('/api/v1/admin/scim-tokens');
    expect(listed.status).toBe(200);
    const item = listed.body.items.find((i: { id: string }) => i.id === made.body.id);
    expect(item).toMatchObject({ id: made.body.id, name: 'Entra ID', createdBy: { displayName: 'Olivia Owner' } });
    expect(Date.parse(item.lastUsedAt)).toBeGreaterThan(Date.parse(item.createdAt) - 1);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token);

    // Another company's admin cannot see or revoke it.
    expectProblem(await globex.owner.delete(`/api/v1/admin/scim-tokens/${made.body.id}`), 404, 'not_found');
    expect((await globex.owner.get('/api/v1/admin/scim-tokens')).body.items).toEqual([]);

    expect((await acme.owner.delete(`/api/v1/admin/scim-tokens/${made.body.id}`)).status).toBe(204);
    expectScimError(await scim.get('/Users?count=1'), 401);
    expectProblem(await acme.owner.delete(`/api/v1/admin/scim-tokens/${made.body.id}`), 404, 'not_found');
    expect((await acme.owner.get('/api/v1/admin/scim-tokens')).body.items.map((i: { id: string }) => i.id)).not.toContain(made.body.id);

    const audit = await acme.owner.get('/api/v1/admin/audit-log?action=scim');
    const actions = audit.body.items.map((e: { action: string; actor: { kind: string } }) => `${e.action}:${e.actor.kind}`);
    expect(actions).toEqual(expect.arrayContaining(['scim.token_created:person', 'scim.token_revoked:person']));
  });

  it('answers 401 without a token, with a wrong one, with another company’s, and with a revoked one', async () => {
    const acmeScim = await scimFor(t, acme);
    const globexScim = await scimFor(t, globex);
    const onAcme = t.client(acme.slug);
    const noToken = await onAcme.get('/scim/v2/Users');
    expectScimError(noToken, 401);
    expect(noToken.headers['www-authenticate']).toContain('Bearer');
    expectScimError(await onAcme.get('/scim/v2/Users', { authorization: 'Basic dXNlcjpwYXNz' }), 401);
    expectScimError(await new Scim(onAcme, 'cpscim_made-up').get('/Users'), 401);
    // Globex's token on Acme's address: refused before anything is read or written.
    const wrongHost = new Scim(onAcme, globexScim.token);
    expectScimError(await wrongHost.get('/Users'), 401);
    expectScimError(await wrongHost.post('/Users', entraUser('intruder@acme.test')), 401);
    expectScimError(await wrongHost.get('/Nothing'), 401);
    expect(await acmeScim.find('userName eq "intruder@acme.test"')).toEqual([]);
    // On its own address it works; another company's users are not there.
    const globexUser = await globexScim.post('/Users', entraUser('g.user@globex.test'));
    expect(globexUser.status).toBe(201);
    expectScimError(await acmeScim.get(`/Users/${globexUser.body.id}`), 404);
    expectScimError(await acmeScim.patch(`/Users/${globexUser.body.id}`, [{ op: 'replace', path: 'active', value: false }]), 404);
    // No company at all at the address.
    expectScimError(await new Scim(t.client('no-such-company'), acmeScim.token).get('/Users'), 404);

    expect((await acme.owner.delete(`/api/v1/admin/scim-tokens/${acmeScim.tokenId}`)).status).toBe(204);
    expectScimError(await acmeScim.get('/Users'), 401);
    expectScimError(await acmeScim.post('/Users', entraUser('late@acme.test')), 401);
  });

  it('ends the sessions and live connections of a person deactivated by SCIM, at once', async () => {
    const scim = await scimFor(t, acme);
    const dee = await addPerson(t, acme, { name: 'Dee Activated' });
    const eve = await addPerson(t, acme, { name: 'Eve Deleted' });
    const socket = await connect(dee);
    const closed = closeOf(socket);
    const bystander = await connect(acme.owner);

    const res = await scim.patch(`/Users/${dee.personId}`, [{ op: 'Replace', path: 'active', value: 'False' }]);
    const answeredAt = Date.now();
    expect(res.status).toBe(200);
    const close = await closed;
    expect(close.code).toBe(CloseCodes.signedOut);
    expect(close.at - answeredAt).toBeLessThan(1000);
    expectProblem(await dee.get('/api/v1/me'), 401, 'unauthenticated');
    expect(await refusedUpgrade(dee)).toBe(401);
    // Admins' lists are told, without one event per change.
    await bystander.waitFor((f) => f.type === 'people.changed');
    expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
    bystander.close();

    // DELETE ends them too.
    const eveSocket = await connect(eve);
    const eveClosed = closeOf(eveSocket);
    expect((await scim.delete(`/Users/${eve.personId}`)).status).toBe(204);
    expect((await eveClosed).code).toBe(CloseCodes.signedOut);
    expectProblem(await eve.get('/api/v1/me'), 401, 'unauthenticated');

    // The last owner is never deactivated by provisioning.
    const owner = (await scim.find(`userName eq "owner@${acme.slug}.test"`))[0]!;
    expectScimError(await scim.patch(`/Users/${owner}`, [{ op: 'replace', value: { active: false } }]), 400, 'mutability');
    expect((await acme.owner.get('/api/v1/me')).status).toBe(200);
  });

  it('writes every SCIM change to the audit log as the token, refusals included', async () => {
    const co = await signUpCompany(t);
    const scim = await scimFor(t, co, 'Okta production');
    const made = await scim.post('/Users', entraUser('audited@co.test'));
    await scim.patch(`/Users/${made.body.id}`, [{ op: 'replace', path: 'title', value: 'Audited' }]);
    await scim.patch(`/Users/${made.body.id}`, [{ op: 'add', path: 'nickName', value: 'Audi' }]);
    await scim.patch(`/Users/${made.body.id}`, [{ op: 'replace', path: 'active', value: false }]);
    await scim.delete(`/Users/${made.body.id}`);
    const group = await scim.post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Audited group' });
    await scim.patch(`/Groups/${group.body.id}`, [{ op: 'replace', path: 'displayName', value: 'Audited group 2' }]);
    await scim.delete(`/Groups/${group.body.id}`);
    await scim.post('/Users', { schemas: [CORE_USER], userName: 'bad name!' });

    const log = await co.owner.get('/api/v1/admin/audit-log?limit=100');
    const entries = (
      log.body.items as Array<{ action: string; actor: { kind: string; label: string }; details: Record<string, unknown> }>
    ).filter((e) => e.actor.kind === 'scim');
    expect(entries.every((e) => e.actor.label === 'Okta production')).toBe(true);
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'person.created',
      'person.updated',
      'scim.user_updated',
      'person.deactivated',
      'scim.user_deleted',
      'scim.group_created',
      'scim.group_updated',
      'scim.group_deleted',
      'scim.request_failed',
    ]);
    expect(entries.find((e) => e.action === 'person.created')?.details).toMatchObject({ via: 'scim' });
    expect(entries[0]?.details).toMatchObject({ method: 'POST', status: 400, scimType: 'invalidValue' });
  });

  it('serves discovery: ServiceProviderConfig, ResourceTypes, Schemas', async () => {
    const scim = await scimFor(t, globex);
    const config = await scim.get('/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      etag: { supported: true },
      authenticationSchemes: [{ type: 'oauthbearertoken' }],
    });
    const types = await scim.get('/ResourceTypes');
    expect(types.body.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
    expect((await scim.get('/ResourceTypes/User')).body).toMatchObject({
      endpoint: '/Users',
      schemaExtensions: [{ schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', required: false }],
    });
    const schemas = await scim.get('/Schemas');
    expect(schemas.body.totalResults).toBe(3);
    const user = await scim.get(`/Schemas/${CORE_USER}`);
    const userName = user.body.attributes.find((a: { name: string }) => a.name === 'userName');
    expect(userName).toMatchObject({ type: 'string', required: true, uniqueness: 'server' });
    expect(
      (await scim.get('/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User')).body.attributes.map(
        (a: { name: string }) => a.name,
      ),
    ).toContain('manager');
    expectScimError(await scim.get('/Schemas/urn:example:nothing'), 404);
    expectScimError(await scim.get('/ResourceTypes/Printer'), 404);
  });

  it('keeps one person per userName when the same create arrives twice at once, and serves 8 clients at once', async () => {
    const co = await signUpCompany(t);
    const scim = await scimFor(t, co);
    const twice = await Promise.all([scim.post('/Users', entraUser('twin@co.test')), scim.post('/Users', entraUser('twin@co.test'))]);
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
    expectScimError(
      twice.find((r) => r.status === 409)!,
      409,
      'uniqueness',
    );
    expect(await scim.find('userName eq "twin@co.test"')).toHaveLength(1);

    // Eight clients, each creating, reading and changing its own people, plus the same duplicate.
    const clients = Array.from({ length: 8 }, (_, c) => c);
    const results = await Promise.all(
      clients.map(async (c) => {
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) {
          const made = await scim.post('/Users', entraUser(`c${c}-u${i}@co.test`));
          statuses.push(made.status);
          statuses.push((await scim.patch(`/Users/${made.body.id}`, [{ op: 'Replace', path: 'title', value: `T${c}` }])).status);
        }
        statuses.push((await scim.post('/Users', entraUser('same@co.test'))).status);
        return statuses;
      }),
    );
    const flat = results.flat();
    expect(flat.filter((s) => s === 201)).toHaveLength(8 * 6 + 1);
    expect(flat.filter((s) => s === 200)).toHaveLength(8 * 6);
    expect(flat.filter((s) => s === 409)).toHaveLength(7);
    expect((await scim.get('/Users?count=0')).body.totalResults).toBe(8 * 6 + 3);
  });
});
