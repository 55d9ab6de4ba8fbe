import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem, multipart } from './support/http.js';
import { addTo, expectUnknown, newGroup, type Person } from './support/post-fixtures.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';
import { download, png } from './support/uploads.js';

const putCover = (c: Client, groupId: string, data: Buffer, field = 'cover', type = 'image/png'): Promise<Res> => {
  const { body, headers } = multipart(field, 'cover.png', type, data);
  return c.call('PUT', `/api/v1/groups/${groupId}/cover`, body, headers);
};

/**
 * A group's cover: its admins set it (re-encoded as a 1800×600 WebP), whoever may find the group
 * sees it, and a secret group's cover is as unknown to others as the group itself.
 */
describe.each(DIALECTS)('group covers on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let admin: Person;
  let member: Person;
  let outsider: Person;
  let guest: Person;
  let openId: string;
  let secretId: string;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    other = await signUpCompany(t);
    admin = await addPerson(t, acme, { name: 'Ada Admin' });
    member = await addPerson(t, acme, { name: 'Mo Member' });
    outsider = await addPerson(t, acme, { name: 'Otto Outside' });
    guest = await addPerson(t, acme, { name: 'Gus Guest', role: 'guest' });
    openId = await newGroup(admin, 'open');
    secretId = await newGroup(admin, 'secret');
    await addTo(admin, openId, member);
    await addTo(admin, secretId, member);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('PUT cover: 401 → 400 → 404 → 403 → 415/400 → 200, told live to members', async () => {
    const picture = await png(900, 900);
    expectProblem(await putCover(t.client(acme.slug), openId, picture), 401, 'unauthenticated');
    expectProblem(await putCover(admin, 'not-an-id', picture), 400, 'invalid_input', 'id');
    expectProblem(await putCover(admin, '01900000-0000-7000-8000-000000000001', picture), 404, 'not_found');
    // A secret group the viewer is not in, another company's group: as unknown as a never-used id.
    await expectUnknown((id) => putCover(outsider, id, picture), secretId);
    await expectUnknown((id) => putCover(other.owner, id, picture), openId);
    expectProblem(await putCover(member, openId, picture), 403, 'forbidden');
    expectProblem(await admin.call('PUT', `/api/v1/groups/${openId}/cover`, { cover: 'x' }), 415, 'unsupported_media_type');
    expectProblem(await putCover(admin, openId, Buffer.from('not a picture at all')), 400, 'not_an_image', 'cover');
    expectProblem(await putCover(admin, openId, Buffer.alloc(0)), 400, 'invalid_input', 'cover');
    expectProblem(await putCover(admin, openId, picture, 'photo'), 400, 'invalid_input', 'cover');

    const live = await connect(member);
    try {
      const ok = await putCover(admin, openId, picture);
      expect(ok.status).toBe(200);
      expect(ok.body.coverUrl).toMatch(/^\/api\/v1\/files\/[0-9a-f-]+$/);
      const event = await live.waitFor((f) => f.type === 'group.updated' && f.payload.group.id === openId);
      expect(event.payload.group.coverUrl).toBe(ok.body.coverUrl);
      const file = await download(t, outsider, ok.body.coverUrl as string);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('image/webp');
      expect(await sharp(file.bytes).metadata()).toMatchObject({ width: 1800, height: 600, format: 'webp' });
      expect((await outsider.get(`/api/v1/groups/${openId}`)).body.coverUrl).toBe(ok.body.coverUrl);
    } finally {
      live.close();
    }
  });

  it('a secret group’s cover: its members see it; everyone else gets the 404 of a file that never existed', async () => {
    const ok = await putCover(admin, secretId, await png(600, 200));
    expect(ok.status).toBe(200);
    const url = ok.body.coverUrl as string;
    const never = await download(t, member, '/api/v1/files/01900000-0000-7000-8000-000000000000');
    expect(never.status).toBe(404);
    expect((await download(t, member, url)).status).toBe(200);
    for (const stranger of [outsider, guest, acme.owner, other.owner]) {
      const res = await download(t, stranger, url);
      expect({ status: res.status, body: JSON.parse(res.bytes.toString()).detail }).toEqual({
        status: 404,
        body: JSON.parse(never.bytes.toString()).detail,
      });
    }
  });

  it('DELETE cover: only group admins; the old picture is gone for everyone', async () => {
    const set = await putCover(admin, openId, await png(300, 100));
    const url = set.body.coverUrl as string;
    expectProblem(await t.client(acme.slug).delete(`/api/v1/groups/${openId}/cover`), 401, 'unauthenticated');
    expectProblem(await member.delete(`/api/v1/groups/${openId}/cover`), 403, 'forbidden');
    await expectUnknown((id) => outsider.delete(`/api/v1/groups/${id}/cover`), secretId);
    const removed = await admin.delete(`/api/v1/groups/${openId}/cover`);
    expect(removed.status).toBe(200);
    expect(removed.body.coverUrl).toBeNull();
    expect((await download(t, member, url)).status).toBe(404);
  });
});
