import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllowedHosts } from '../server/modules/integrations/admin-extras.js';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem, multipart } from './support/http.js';
import { createIntegration, tokenClient } from './support/integrations.js';
import { connect } from './support/realtime.js';
import { download, png } from './support/uploads.js';
import { CORE_GROUP, expectScimError, scimFor } from './support/scim.js';
import { startTestServer, type TestServer } from './support/server.js';

const SOME_ID = '01900000-0000-7000-8000-000000000000';
const DAY_MS = 86_400_000;

/**
 * The integrations admin area: integrations and their bot people, tokens (shown once, kept hashed,
 * rotated, revoked, expiring), turning off and removing, the bot's groups, the webhook host list;
 * and bot people in the rest of the product (never signing in, managed only through their integration).
 */
describe.each(DIALECTS)('integrations admin on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let member: Client & { personId: string };
  let openGroup: string;
  let secretGroup: string;
  let theirs: { id: string; botPersonId: string; tokenId: string };
  const db = () => t.server.ctx.db;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    [acme, other] = await Promise.all([signUpCompany(t), signUpCompany(t)]);
    member = await addPerson(t, acme, { name: 'Mia Member' });
    openGroup = (await acme.owner.post('/api/v1/groups', { name: 'Rooms', visibility: 'open' })).body.id;
    secretGroup = (await acme.owner.post('/api/v1/groups', { name: 'Board', visibility: 'secret' })).body.id;
    const made = await createIntegration(t, other, { name: 'Their bot', scopes: ['people:read'] });
    theirs = { id: made.id, botPersonId: made.botPersonId, tokenId: made.tokenId };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every admin route: 401 without a session, 403 for members, 404 for ids of another company', async () => {
    const id = theirs.id;
    const routes: Array<[string, string, unknown?]> = [
      ['POST', '/api/v1/admin/integrations', { name: 'X', scopes: [] }],
      ['GET', '/api/v1/admin/integrations'],
      ['GET', `/api/v1/admin/integrations/${id}`],
      ['PATCH', `/api/v1/admin/integrations/${id}`, { name: 'Mine now' }],
      ['DELETE', `/api/v1/admin/integrations/${id}`],
      ['POST', `/api/v1/admin/integrations/${id}/tokens`, {}],
      ['GET', `/api/v1/admin/integrations/${id}/tokens`],
      ['DELETE', `/api/v1/admin/integrations/${id}/tokens/${theirs.tokenId}`],
      ['POST', `/api/v1/admin/integrations/${id}/tokens/${theirs.tokenId}/rotate`, {}],
      ['PUT', `/api/v1/admin/integrations/${id}/groups`, { groupIds: [] }],
      ['GET', `/api/v1/admin/integrations/${id}/groups`],
      ['PUT', `/api/v1/admin/integrations/${id}/avatar`],
      ['DELETE', `/api/v1/admin/integrations/${id}/avatar`],
      ['GET', '/api/v1/admin/integration-settings'],
      ['PUT', '/api/v1/admin/integration-settings', { allowedHosts: [] }],
    ];
    const anonymous = t.client(acme.slug);
    for (const [method, path, body] of routes) {
      expectProblem(await anonymous.call(method, path, body), 401, 'unauthenticated');
      expectProblem(await member.call(method, path, body), 403, 'forbidden');
      if (path.includes(id)) expectProblem(await acme.owner.call(method, path, body), 404, 'not_found');
    }
    // A token of our company on another company's integration, and ids that never existed.
    const ours = await createIntegration(t, acme, { name: 'Probe', scopes: [] });
    expectProblem(await acme.owner.delete(`/api/v1/admin/integrations/${ours.id}/tokens/${theirs.tokenId}`), 404, 'not_found');
    expectProblem(await acme.owner.post(`/api/v1/admin/integrations/${ours.id}/tokens/${theirs.tokenId}/rotate`, {}), 404, 'not_found');
    expectProblem(await acme.owner.get(`/api/v1/admin/integrations/${SOME_ID}`), 404, 'not_found');
    // Nothing of theirs changed.
    const still = await other.owner.get(`/api/v1/admin/integrations/${theirs.id}`);
    expect(still.body).toMatchObject({ name: 'Their bot', disabled: false, removed: false, activeTokens: 1 });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const ours = await createIntegration(t, acme, { name: 'Fields', scopes: [] });
    const base = `/api/v1/admin/integrations/${ours.id}`;
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', '/api/v1/admin/integrations', { scopes: [] }, 'name'],
      ['POST', '/api/v1/admin/integrations', { name: '  ', scopes: [] }, 'name'],
      ['POST', '/api/v1/admin/integrations', { name: 'x'.repeat(81), scopes: [] }, 'name'],
      ['POST', '/api/v1/admin/integrations', { name: 'X', scopes: ['root'] }, 'scopes.0'],
      ['POST', '/api/v1/admin/integrations', { name: 'X', scopes: 'groups:read' }, 'scopes'],
      ['POST', '/api/v1/admin/integrations', { name: 'X', scopes: [], botRole: 'admin' }, 'botRole'],
      ['POST', '/api/v1/admin/integrations', { name: 'X', description: 'x'.repeat(501) }, 'description'],
      ['GET', '/api/v1/admin/integrations?limit=0', undefined, 'limit'],
      ['GET', '/api/v1/admin/integrations/not-an-id', undefined, 'id'],
      ['PATCH', base, { disabled: 'yes' }, 'disabled'],
      ['PATCH', base, { scopes: ['chat:read', 'chat:admin'] }, 'scopes.1'],
      ['POST', `${base}/tokens`, { expiresInDays: 0 }, 'expiresInDays'],
      ['POST', `${base}/tokens`, { expiresInDays: 1.5 }, 'expiresInDays'],
      ['POST', `${base}/tokens/${SOME_ID}/rotate`, { token: 'x' }, 'token'],
      ['DELETE', `${base}/tokens/nope`, undefined, 'tokenId'],
      ['PUT', `${base}/groups`, {}, 'groupIds'],
      ['PUT', `${base}/groups`, { groupIds: ['nope'] }, 'groupIds.0'],
      ['PUT', `${base}/groups`, { groupIds: [openGroup, SOME_ID] }, 'groupIds.1'],
      ['PUT', '/api/v1/admin/integration-settings', { allowedHosts: ['ok.example', 'not a host'] }, 'allowedHosts.1'],
      ['PUT', '/api/v1/admin/integration-settings', { allowedHosts: Array.from({ length: 51 }, (_, i) => `h${i}.test`) }, 'allowedHosts'],
    ];
    for (const [method, path, body, field] of cases) {
      expectProblem(await acme.owner.call(method, path, body), 400, 'invalid_input', field);
    }
    // Another company's group is no group of ours.
    const theirGroup = (await other.owner.post('/api/v1/groups', { name: 'Theirs', visibility: 'open' })).body.id;
    expectProblem(await acme.owner.put(`${base}/groups`, { groupIds: [theirGroup] }), 400, 'invalid_input', 'groupIds.0');
  });

  it('sets and removes the avatar: the bot’s photo, seen by colleagues; not an image is refused', async () => {
    const ours = await createIntegration(t, acme, { name: 'Pictured', scopes: [] });
    const base = `/api/v1/admin/integrations/${ours.id}/avatar`;
    const photo = multipart('photo', 'bot.png', 'image/png', await png(800, 600));
    const set = await acme.owner.call('PUT', base, photo.body, photo.headers);
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.photoUrl).toMatch(/^\/api\/v1\/files\//);
    // Colleagues see it beside the bot and can load it; it was made square.
    const seen = await member.get(`/api/v1/people/${ours.botPersonId}`);
    expect(seen.body.photoUrl).toBe(set.body.photoUrl);
    const image = await download(t, member, set.body.photoUrl);
    expect(image.status).toBe(200);
    expect(String(image.headers['content-type'])).toMatch(/^image\//);
    const text = multipart('photo', 'bot.png', 'image/png', Buffer.from('not a picture at all'));
    expectProblem(await acme.owner.call('PUT', base, text.body, text.headers), 415, 'not_an_image', 'photo');
    const log = await acme.owner.get('/api/v1/admin/audit-log?action=integration.avatar_changed');
    expect(log.body.items.some((e: { target: { id: string } }) => e.target.id === ours.id)).toBe(true);
    const removed = await acme.owner.delete(base);
    expect(removed.status).toBe(200);
    expect(removed.body.photoUrl).toBeNull();
    expect((await member.get(`/api/v1/people/${ours.botPersonId}`)).body.photoUrl).toBeNull();
  });

  it('keeps the bot in an archived group it is in when that group stays listed; joining one anew is refused', async () => {
    const bot = await createIntegration(t, acme, { name: 'Archivist', scopes: [] });
    const base = `/api/v1/admin/integrations/${bot.id}/groups`;
    const old = (await acme.owner.post('/api/v1/groups', { name: 'Old project', visibility: 'open' })).body.id as string;
    const gone = (await acme.owner.post('/api/v1/groups', { name: 'Gone project', visibility: 'open' })).body.id as string;
    expect((await acme.owner.put(base, { groupIds: [old] })).status).toBe(200);
    expect((await acme.owner.post(`/api/v1/groups/${old}/archive`)).status).toBe(200);
    expect((await acme.owner.post(`/api/v1/groups/${gone}/archive`)).status).toBe(200);
    const kept = await acme.owner.put(base, { groupIds: [old, openGroup] });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect((await acme.owner.get(base)).body.groupIds.sort()).toEqual([old, openGroup].sort());
    expectProblem(await acme.owner.put(base, { groupIds: [old, gone] }), 400, 'invalid_input', 'groupIds.1');
  });

  it('makes an integration with its bot person; lists, reads and changes it', async () => {
    const made = await acme.owner.post('/api/v1/admin/integrations', {
      name: 'Leave bot',
      description: 'Asks for leave',
      scopes: ['chat:read', 'chat:read', 'people:read'],
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      name: 'Leave bot',
      description: 'Asks for leave',
      scopes: ['chat:read', 'people:read'],
      disabled: false,
      removed: false,
      activeTokens: 0,
    });
    // The bot: a member, active, marked as a bot, with nothing to sign in with; not in the company-wide group.
    const bot = await db().selectFrom('people').selectAll().where('id', '=', made.body.botPersonId).executeTakeFirstOrThrow();
    expect(bot).toMatchObject({ org_id: acme.orgId, is_bot: 1, role: 'member', status: 'active', display_name: 'Leave bot' });
    expect([bot.email, bot.username, bot.employee_id]).toEqual([null, null, null]);
    const credentials = await db().selectFrom('credentials').select('id').where('person_id', '=', bot.id).execute();
    expect(credentials).toEqual([]);
    expect((await db().selectFrom('group_members').select('group_id').where('person_id', '=', bot.id).execute()).length).toBe(0);
    expect((await member.get(`/api/v1/people/${bot.id}`)).body).toMatchObject({ displayName: 'Leave bot', isBot: true });
    expect((await member.get('/api/v1/me')).body.isBot).toBe(false);

    expect((await acme.owner.get(`/api/v1/admin/integrations/${made.body.id}`)).body).toEqual(made.body);
    // Paged, newest first.
    const first = await acme.owner.get('/api/v1/admin/integrations?limit=1');
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([made.body.id]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await acme.owner.get(`/api/v1/admin/integrations?limit=100&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((i: { id: string }) => i.id)).not.toContain(made.body.id);
    expect(second.body.items.map((i: { id: string }) => i.id)).not.toContain(theirs.id);

    const renamed = await acme.owner.patch(`/api/v1/admin/integrations/${made.body.id}`, {
      name: 'Holiday bot',
      description: null,
      scopes: ['groups:read'],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Holiday bot', description: null, scopes: ['groups:read'] });
    expect((await member.get(`/api/v1/people/${bot.id}`)).body.displayName).toBe('Holiday bot');
    const found = await member.get('/api/v1/people?q=holiday');
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(bot.id);

    const log = await acme.owner.get(`/api/v1/admin/audit-log?targetId=${made.body.id}&limit=10`);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['integration.updated', 'integration.created']);
    expect(log.body.items[1]).toMatchObject({
      actor: { kind: 'person', label: 'Olivia Owner' },
      details: { scopes: ['chat:read', 'people:read'] },
    });
  });

  it('shows a token once and keeps only its hash; rotates, revokes and expires tokens, each at once', async () => {
    const bot = await createIntegration(t, acme, { name: 'Token bot', scopes: [] });
    const base = `/api/v1/admin/integrations/${bot.id}/tokens`;
    const made = await acme.owner.post(base, { expiresInDays: 30 });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^cpi_[A-Za-z0-9_-]{43}$/);
    expect(made.body.prefix).toBe(made.body.token.slice(0, 12));
    expect(Date.parse(made.body.expiresAt) - Date.parse(made.body.createdAt)).toBe(30 * DAY_MS);
    const stored = await db().selectFrom('integration_tokens').selectAll().where('id', '=', made.body.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(made.body.token);

    const listed = await acme.owner.get(base);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([made.body.id, bot.tokenId]);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token);
    expect(JSON.stringify(listed.body)).not.toContain(bot.token);
    expect(listed.body.items[0]).toMatchObject({ prefix: made.body.prefix, lastUsedAt: null, revokedAt: null });

    // Used: it acts as the bot, and its last use is recorded.
    const client = tokenClient(t, acme, made.body.token);
    expect((await client.get('/api/v1/me')).body).toMatchObject({ id: bot.botPersonId, isBot: true });
    await expect.poll(async () => (await acme.owner.get(base)).body.items[0].lastUsedAt).toEqual(expect.any(String));

    // Rotated: the old one stops at once, the new one works; a revoked token cannot be rotated.
    const rotated = await acme.owner.post(`${base}/${made.body.id}/rotate`, {});
    expect(rotated.status).toBe(201);
    expect(rotated.body.token).not.toBe(made.body.token);
    expect(rotated.body.expiresAt).toBeNull();
    expectProblem(await client.get('/api/v1/me'), 401, 'invalid_token');
    const next = tokenClient(t, acme, rotated.body.token);
    expect((await next.get('/api/v1/me')).status).toBe(200);
    expectProblem(await acme.owner.post(`${base}/${made.body.id}/rotate`, {}), 404, 'not_found');

    // Revoked: stops at once; twice is a 404.
    expect((await acme.owner.delete(`${base}/${rotated.body.id}`)).status).toBe(204);
    expectProblem(await next.get('/api/v1/me'), 401, 'invalid_token');
    expectProblem(await acme.owner.delete(`${base}/${rotated.body.id}`), 404, 'not_found');
    const after = (await acme.owner.get(base)).body.items.find((i: { id: string }) => i.id === rotated.body.id);
    expect(after.revokedAt).toEqual(expect.any(String));

    // Expired: stops.
    const short = await acme.owner.post(base, { expiresInDays: 1 });
    const shortClient = tokenClient(t, acme, short.body.token);
    expect((await shortClient.get('/api/v1/me')).status).toBe(200);
    await db()
      .updateTable('integration_tokens')
      .set({ expires_at: Date.now() - 1 })
      .where('id', '=', short.body.id)
      .execute();
    expectProblem(await shortClient.get('/api/v1/me'), 401, 'invalid_token');
    // The original token of the helper still works; only active tokens are counted.
    expect((await bot.client.get('/api/v1/me')).status).toBe(200);
    expect((await acme.owner.get(`/api/v1/admin/integrations/${bot.id}`)).body.activeTokens).toBe(1);

    const actions = (await acme.owner.get(`/api/v1/admin/audit-log?targetId=${bot.id}&action=integration&limit=20`)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['integration.token_created', 'integration.token_rotated', 'integration.token_revoked']),
    );
  });

  it('turning an integration off stops its tokens at once and deactivates its bot; on again, they work', async () => {
    const bot = await createIntegration(t, acme, { name: 'Switch bot', scopes: ['people:read'] });
    const path = `/api/v1/admin/integrations/${bot.id}`;
    expect((await bot.client.get('/api/v1/people')).status).toBe(200);
    const off = await acme.owner.patch(path, { disabled: true });
    expect(off.body).toMatchObject({ disabled: true, removed: false });
    expectProblem(await bot.client.get('/api/v1/people'), 401, 'invalid_token');
    expect((await acme.owner.get(`/api/v1/people/${bot.botPersonId}`)).body.status).toBe('deactivated');
    // A token made while off works once it is on.
    const made = await acme.owner.post(`${path}/tokens`, {});
    expect(made.status).toBe(201);
    expectProblem(await tokenClient(t, acme, made.body.token).get('/api/v1/me'), 401, 'invalid_token');
    const on = await acme.owner.patch(path, { disabled: false });
    expect(on.body.disabled).toBe(false);
    expect((await bot.client.get('/api/v1/people')).status).toBe(200);
    expect((await tokenClient(t, acme, made.body.token).get('/api/v1/me')).status).toBe(200);
    expect((await acme.owner.get(`/api/v1/people/${bot.botPersonId}`)).body.status).toBe('active');
    // Scopes taken away apply to the next call.
    await acme.owner.patch(path, { scopes: [] });
    expectProblem(await bot.client.get('/api/v1/people'), 403, 'missing_scope');
    const log = await acme.owner.get(`/api/v1/admin/audit-log?targetId=${bot.id}&action=integration&limit=20`);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['integration.disabled', 'integration.enabled']),
    );
  });

  it('removing an integration revokes every token and turns it off for good; the rows stay', async () => {
    const bot = await createIntegration(t, acme, { name: 'Gone bot', scopes: ['people:read'], groupIds: [openGroup] });
    const second = await acme.owner.post(`/api/v1/admin/integrations/${bot.id}/tokens`, {});
    const path = `/api/v1/admin/integrations/${bot.id}`;
    expect((await acme.owner.delete(path)).status).toBe(204);
    expectProblem(await bot.client.get('/api/v1/me'), 401, 'invalid_token');
    expectProblem(await tokenClient(t, acme, second.body.token).get('/api/v1/me'), 401, 'invalid_token');
    const kept = await acme.owner.get(path);
    expect(kept.body).toMatchObject({ disabled: true, removed: true, activeTokens: 0 });
    const tokens = (await acme.owner.get(`${path}/tokens`)).body.items;
    expect(tokens).toHaveLength(2);
    for (const token of tokens) expect(token.revokedAt).toEqual(expect.any(String));
    expectProblem(await acme.owner.patch(path, { disabled: false }), 409, 'integration_removed');
    expectProblem(await acme.owner.post(`${path}/tokens`, {}), 409, 'integration_removed');
    expectProblem(await acme.owner.put(`${path}/groups`, { groupIds: [] }), 409, 'integration_removed');
    expect((await acme.owner.delete(path)).status).toBe(204);
    expect((await acme.owner.get(`/api/v1/people/${bot.botPersonId}`)).body).toMatchObject({ status: 'deactivated', isBot: true });
    const log = await acme.owner.get(`/api/v1/admin/audit-log?targetId=${bot.id}&action=integration.deleted`);
    expect(log.body.items).toHaveLength(1);
  });

  it('sets the groups the bot is in, of any visibility, telling the group as any membership change does', async () => {
    const bot = await createIntegration(t, acme, { name: 'Group bot', scopes: ['groups:read'] });
    const path = `/api/v1/admin/integrations/${bot.id}/groups`;
    const live = await connect(acme.owner);
    try {
      const set = await acme.owner.put(path, { groupIds: [openGroup, secretGroup, openGroup] });
      expect(set.status).toBe(200);
      expect(new Set(set.body.groupIds)).toEqual(new Set([openGroup, secretGroup]));
      await live.waitFor(
        (f) => f.type === 'group.membership' && f.payload.groupId === secretGroup && f.payload.personId === bot.botPersonId,
      );
      expect(new Set((await acme.owner.get(path)).body.groupIds)).toEqual(new Set([openGroup, secretGroup]));
      // The bot now sees the secret group and is listed among its members.
      expect((await bot.client.get(`/api/v1/groups/${secretGroup}`)).status).toBe(200);
      const members = await acme.owner.get(`/api/v1/groups/${secretGroup}/members`);
      expect(members.body.items.map((m: { person: { id: string } }) => m.person.id)).toContain(bot.botPersonId);

      const fewer = await acme.owner.put(path, { groupIds: [openGroup] });
      expect(fewer.body.groupIds).toEqual([openGroup]);
      await live.waitFor(
        (f) =>
          f.type === 'group.membership' &&
          f.payload.groupId === secretGroup &&
          f.payload.personId === bot.botPersonId &&
          f.payload.status === 'removed',
      );
      expectProblem(await bot.client.get(`/api/v1/groups/${secretGroup}`), 404, 'not_found');
    } finally {
      live.close();
    }
    const log = await acme.owner.get(`/api/v1/admin/audit-log?targetId=${bot.id}&action=integration.groups_changed`);
    expect(log.body.items[0].details).toEqual({ added: [], removed: [secretGroup] });
  });

  it('keeps the hosts webhooks may reach, lower-cased and without repeats', async () => {
    expect((await acme.owner.get('/api/v1/admin/integration-settings')).body).toEqual({ allowedHosts: [] });
    const put = await acme.owner.put('/api/v1/admin/integration-settings', {
      allowedHosts: [' Hooks.Internal.Example ', 'hooks.internal.example', '10.0.0.5'],
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ allowedHosts: ['hooks.internal.example', '10.0.0.5'] });
    expect((await acme.owner.get('/api/v1/admin/integration-settings')).body).toEqual(put.body);
    expect(await readAllowedHosts(db(), acme.orgId)).toEqual(['hooks.internal.example', '10.0.0.5']);
    expect(await readAllowedHosts(db(), other.orgId)).toEqual([]);
    const log = await acme.owner.get('/api/v1/admin/audit-log?action=integration.settings_changed');
    expect(log.body.items[0].details).toEqual({ allowedHosts: ['hooks.internal.example', '10.0.0.5'] });
  });

  it('bots never sign in and are managed only through their integration', async () => {
    const bot = await createIntegration(t, acme, { name: 'Quiet bot', scopes: [] });
    const anonymous = t.client(acme.slug);
    expectProblem(
      await anonymous.post('/api/v1/auth/sign-in', { login: 'Quiet bot', password: 'whatever it is' }),
      401,
      'invalid_credentials',
    );
    // No role, status or sign-in name through the people admin screens.
    const people = `/api/v1/admin/people/${bot.botPersonId}`;
    expectProblem(await acme.owner.patch(people, { role: 'admin' }), 409, 'bot_person');
    expectProblem(await acme.owner.post(`${people}/deactivate`), 409, 'bot_person');
    expectProblem(await acme.owner.patch(`${people}/profile`, { employeeId: 'E-1' }), 400, 'invalid_input', 'employeeId');
    expectProblem(await acme.owner.patch(`${people}/profile`, { displayName: 'Renamed' }), 400, 'invalid_input', 'displayName');
    expect((await acme.owner.patch(`${people}/profile`, { title: 'Answers questions' })).body.title).toBe('Answers questions');
    expectProblem(
      await acme.owner.post('/api/v1/admin/access-codes', { personIds: [bot.botPersonId] }),
      400,
      'invalid_input',
      'personIds.0',
    );
    const stored = await db().selectFrom('people').selectAll().where('id', '=', bot.botPersonId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ role: 'member', status: 'active', employee_id: null });
  });

  it('SCIM neither lists nor changes bots, and a members replace leaves them in their groups', async () => {
    const bot = await createIntegration(t, acme, { name: 'Scim bot', scopes: [] });
    const scim = await scimFor(t, acme);
    expect(await scim.find('displayName eq "Scim bot"')).toEqual([]);
    const all = await scim.get('/Users?count=1000');
    expect(all.body.Resources.map((r: { id: string }) => r.id)).not.toContain(bot.botPersonId);
    expect(all.body.totalResults).toBe(all.body.Resources.length);
    expectScimError(await scim.get(`/Users/${bot.botPersonId}`), 404);
    expectScimError(await scim.patch(`/Users/${bot.botPersonId}`, [{ op: 'replace', path: 'active', value: false }]), 404);
    expectScimError(await scim.delete(`/Users/${bot.botPersonId}`), 404);

    const group = await scim.post('/Groups', { schemas: [CORE_GROUP], displayName: 'Synced team', members: [{ value: member.personId }] });
    expect(group.status).toBe(201);
    expectScimError(
      await scim.patch(`/Groups/${group.body.id}`, [{ op: 'add', path: 'members', value: [{ value: bot.botPersonId }] }]),
      400,
      'invalidValue',
    );
    await acme.owner.put(`/api/v1/admin/integrations/${bot.id}/groups`, { groupIds: [group.body.id] });
    const read = await scim.get(`/Groups/${group.body.id}`);
    expect(read.body.members.map((m: { value: string }) => m.value)).toEqual([member.personId]);
    const replaced = await scim.put(`/Groups/${group.body.id}`, { schemas: [CORE_GROUP], displayName: 'Synced team', members: [] });
    expect(replaced.status).toBe(200);
    expect((await acme.owner.get(`/api/v1/admin/integrations/${bot.id}/groups`)).body.groupIds).toEqual([group.body.id]);
    const stored = await db().selectFrom('people').select(['status', 'display_name']).where('id', '=', bot.botPersonId).executeTakeFirst();
    expect(stored).toEqual({ status: 'active', display_name: 'Scim bot' });
  });

  it('people in a conversation add a bot like anyone; it then reads and answers there', async () => {
    const bot = await createIntegration(t, acme, { name: 'Chat bot', scopes: ['chat:read', 'chat:write'] });
    const colleague = await addPerson(t, acme, { name: 'Carl Colleague' });
    const conv = await member.post('/api/v1/conversations', { kind: 'group', name: 'Lunch', personIds: [colleague.personId] });
    expect(conv.status).toBe(201);
    expectProblem(await bot.client.get(`/api/v1/conversations/${conv.body.id}`), 404, 'not_found');
    const added = await member.post(`/api/v1/conversations/${conv.body.id}/members`, { personIds: [bot.botPersonId] });
    expect(added.status).toBe(200);
    expect((await bot.client.get(`/api/v1/conversations/${conv.body.id}`)).status).toBe(200);
    const sent = await bot.client.post(`/api/v1/conversations/${conv.body.id}/messages`, { clientKey: 'chat-bot-0001', body: 'Pizza?' });
    expect(sent.status).toBe(201);
    const seen = await colleague.get(`/api/v1/conversations/${conv.body.id}/messages`);
    expect(seen.body.items.at(-1)).toMatchObject({ body: 'Pizza?', sender: { id: bot.botPersonId, isBot: true } });
    const members = await colleague.get(`/api/v1/conversations/${conv.body.id}/members`);
    expect(members.body.items.find((m: { person: { id: string } }) => m.person.id === bot.botPersonId).person.isBot).toBe(true);
  });
});
