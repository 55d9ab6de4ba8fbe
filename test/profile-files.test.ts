import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem, multipart } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#cc3366' } })
    .png()
    .toBuffer();

/** A JPEG carrying EXIF that must not survive the upload. */
const jpegWithExif = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Secret Corp', ImageDescription: 'Taken at 12 Home Street' } })
    .toBuffer();

const uploadPhoto = (c: Client, data: Buffer, filename = 'me.png', type = 'image/png', field = 'photo') => {
  const { body, headers } = multipart(field, filename, type, data);
  return c.call('PUT', '/api/v1/me/photo', body, headers);
};

/** Downloads raw bytes (the JSON client would decode them as text). */
async function download(t: TestServer, c: Client, path: string) {
  const res = await request(`http://127.0.0.1:${t.port}${path}`, { headers: { host: c.host, ...(c.cookie ? { cookie: c.cookie } : {}) } });
  return { status: res.statusCode, headers: res.headers, bytes: Buffer.from(await res.body.arrayBuffer()) };
}

describe.each(DIALECTS)('profile and photo on %s', (dialect) => {
  let t: TestServer;
  let small: TestServer;
  let acme: Company;
  let colleague: Client & { personId: string };

  beforeAll(async () => {
    [t, small] = await Promise.all([startTestServer({ dialect }), startTestServer({ dialect, env: { UPLOAD_LIMIT_BYTES: '2048' } })]);
    acme = await signUpCompany(t);
    colleague = await addPerson(t, acme, { name: 'Col League' });
  });
  afterAll(async () => {
    await Promise.all([t?.close(), small?.close()]);
  });

  describe('PATCH /me', () => {
    it('401 without a session; 400 naming the field; nothing changes on a refusal', async () => {
      expectProblem(await t.client(acme.slug).patch('/api/v1/me', { displayName: 'Nobody' }), 401, 'unauthenticated');
      const p = await addPerson(t, acme, { name: 'Stable Name' });
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ displayName: '' }, 'displayName'],
        [{ displayName: '    ' }, 'displayName'],
        [{ displayName: 'x'.repeat(101) }, 'displayName'],
        [{ displayName: 'Bell\u0007Ringer' }, 'displayName'],
        [{ displayName: 'Two\nLines' }, 'displayName'],
        [{ displayName: 'Null\u0000Byte' }, 'displayName'],
        [{ displayName: 'Del\u007f' }, 'displayName'],
        [{ displayName: 42 }, 'displayName'],
        [{ displayName: null }, 'displayName'],
        [{ title: 't'.repeat(101) }, 'title'],
        [{ department: 'Tab\there' }, 'department'],
        [{ locale: 'de' }, 'locale'],
        [{ role: 'owner' }, 'role'],
        [{ email: 'me@elsewhere.test' }, 'email'],
      ];
      for (const [body, field] of bad) expectProblem(await p.patch('/api/v1/me', body), 400, 'invalid_input', field);
      expect(await p.get('/api/v1/me')).toMatchObject({ status: 200, body: { displayName: 'Stable Name', role: 'member', title: null } });
    });

    it('stores names in any script, emoji included, trimmed, and shows them to colleagues', async () => {
      const p = await addPerson(t, acme, { name: 'Plain Name' });
      for (const [sent, stored] of [
        ['مريم الحسيني', 'مريم الحسيني'],
        ['Zoë Ångström-Øberg', 'Zoë Ångström-Øberg'],
        ['  Ana 🚀✨ Lima  ', 'Ana 🚀✨ Lima'],
        ['王小明', '王小明'],
        ['x'.repeat(100), 'x'.repeat(100)],
      ]) {
        const res = await p.patch('/api/v1/me', { displayName: sent });
        expect(res.status).toBe(200);
        expect(res.body.displayName).toBe(stored);
        expect((await p.get('/api/v1/me')).body.displayName).toBe(stored);
        expect((await colleague.get(`/api/v1/people/${p.personId}`)).body.displayName).toBe(stored);
      }
      const found = await acme.owner.get(`/api/v1/admin/people?q=${encodeURIComponent('مريم')}`);
      expect(found.body.items).toEqual([]);
      await p.patch('/api/v1/me', { displayName: 'مريم' });
      const again = await acme.owner.get(`/api/v1/admin/people?q=${encodeURIComponent('مريم')}`);
      expect(again.body.items.map((x: { id: string }) => x.id)).toEqual([p.personId]);
    });

    it('sets and clears title, department and locale', async () => {
      const p = await addPerson(t, acme);
      const set = await p.patch('/api/v1/me', { title: '  Head of Sales ', department: 'Ventes & Marketing', locale: 'fr' });
      expect(set.body).toMatchObject({ title: 'Head of Sales', department: 'Ventes & Marketing', locale: 'fr' });
      // Only what is sent changes.
      expect((await p.patch('/api/v1/me', { department: 'Sales' })).body).toMatchObject({
        title: 'Head of Sales',
        department: 'Sales',
        locale: 'fr',
      });
      const cleared = await p.patch('/api/v1/me', { title: '', department: null, locale: null });
      expect(cleared.body).toMatchObject({ title: null, department: null, locale: null });
      expect((await p.get('/api/v1/me')).body).toMatchObject({ title: null, department: null, locale: null });
    });
  });

  describe('profile photo', () => {
    it('401 without a session, 403 without the CSRF header, 415 unless multipart', async () => {
      const image = await png(64, 64);
      expectProblem(await uploadPhoto(t.client(acme.slug), image), 401, 'unauthenticated');
      const noCsrf = colleague.fresh();
      noCsrf.cookie = colleague.cookie;
      expectProblem(await uploadPhoto(noCsrf, image), 403, 'csrf_failed');
      expectProblem(await colleague.put('/api/v1/me/photo', { photo: image.toString('base64') }), 415, 'unsupported_media_type');
      expect((await colleague.get('/api/v1/me')).body.photoUrl).toBeNull();
    });

    it('refuses a non-image named like one, an empty file and a missing field', async () => {
      const text = Buffer.from('#!/bin/sh\necho this is not a picture\n');
      expectProblem(await uploadPhoto(colleague, text, 'holiday.png', 'image/png'), 415, 'not_an_image', 'photo');
      expectProblem(
        await uploadPhoto(colleague, Buffer.from('<svg onload="alert(1)"/>'), 'x.jpg', 'image/jpeg'),
        415,
        'not_an_image',
        'photo',
      );
      expectProblem(await uploadPhoto(colleague, Buffer.alloc(0)), 400, 'invalid_input', 'photo');
      expectProblem(await uploadPhoto(colleague, await png(8, 8), 'me.png', 'image/png', 'avatar'), 400, 'invalid_input', 'photo');
      expect((await colleague.get('/api/v1/me')).body.photoUrl).toBeNull();
    });

    it('a malformed multipart body is a 400 naming the photo, not a server error', async () => {
      const cutShort = Buffer.from(
        '--b0undary\r\nContent-Disposition: form-data; name="photo"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG',
      );
      expectProblem(
        await colleague.call('PUT', '/api/v1/me/photo', cutShort, { 'content-type': 'multipart/form-data; boundary=b0undary' }),
        400,
        'invalid_input',
        'photo',
      );
      expectProblem(
        await colleague.call('PUT', '/api/v1/me/photo', Buffer.from('no boundary here'), { 'content-type': 'multipart/form-data' }),
        400,
        'invalid_input',
        'photo',
      );
      expect((await colleague.get('/api/v1/me')).body.photoUrl).toBeNull();
    });

    it('stores a PNG as a 512×512 WebP served with nosniff; colleagues see it, other companies do not', async () => {
      const p = await addPerson(t, acme, { name: 'Photo Genic' });
      const res = await uploadPhoto(p, await png(800, 600));
      expect(res.status).toBe(200);
      expect(res.body.photoUrl).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}$/);
      expect((await colleague.get(`/api/v1/people/${p.personId}`)).body.photoUrl).toBe(res.body.photoUrl);

      const file = await download(t, colleague, res.body.photoUrl);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('image/webp');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(Number(file.headers['content-length'])).toBe(file.bytes.length);
      const meta = await sharp(file.bytes).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'webp', width: 512, height: 512 });

      expect((await download(t, t.client(acme.slug), res.body.photoUrl)).status).toBe(401);
      const other = await signUpCompany(t);
      const foreign = await other.owner.get(res.body.photoUrl);
      expectProblem(foreign, 404, 'not_found');
      expect(foreign.body.detail).toBe((await other.owner.get(`/api/v1/files/${NEVER_USED_ID}`)).body.detail);
      expectProblem(await colleague.get(`/api/v1/files/${NEVER_USED_ID}`), 404, 'not_found');
      expectProblem(await colleague.get('/api/v1/files/not-an-id'), 400, 'invalid_input', 'id');
    });

    it('drops EXIF and every other metadata block from a JPEG', async () => {
      const jpeg = await jpegWithExif();
      const before = await sharp(jpeg).metadata();
      expect(before.exif).toBeDefined();
      const res = await uploadPhoto(colleague, jpeg, 'IMG_0001.JPG', 'image/jpeg');
      expect(res.status).toBe(200);
      const file = await download(t, colleague, res.body.photoUrl);
      const meta = await sharp(file.bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(file.bytes.includes('Secret Corp')).toBe(false);
      expect(file.bytes.includes('Home Street')).toBe(false);
    });

    it('a guest sees only their own photo', async () => {
      const guest = await addPerson(t, acme, { name: 'Gus Guest', role: 'guest' });
      const mine = await uploadPhoto(guest, await png(100, 100));
      expect((await download(t, guest, mine.body.photoUrl)).status).toBe(200);
      const theirs = await uploadPhoto(colleague, await png(100, 100));
      expectProblem(await guest.get(theirs.body.photoUrl), 404, 'not_found');
    });

    it('DELETE /me/photo: 401 without a session; removes the photo', async () => {
      const p = await addPerson(t, acme);
      expect((await uploadPhoto(p, await png(32, 32))).body.photoUrl).not.toBeNull();
      expectProblem(await t.client(acme.slug).delete('/api/v1/me/photo'), 401, 'unauthenticated');
      const res = await p.delete('/api/v1/me/photo');
      expect(res.status).toBe(200);
      expect(res.body.photoUrl).toBeNull();
      expect((await colleague.get(`/api/v1/people/${p.personId}`)).body.photoUrl).toBeNull();
    });

    it('does not keep a replaced or removed photo', async () => {
      const p = await addPerson(t, acme);
      const first = (await uploadPhoto(p, await png(40, 40))).body.photoUrl as string;
      const second = (await uploadPhoto(p, await png(50, 50))).body.photoUrl as string;
      expect(second).not.toBe(first);
      expectProblem(await colleague.get(first), 404, 'not_found');
      expect((await download(t, colleague, second)).status).toBe(200);
      await p.delete('/api/v1/me/photo');
      expectProblem(await colleague.get(second), 404, 'not_found');
    });

    it('refuses a photo over the upload limit with 413, and keeps serving', async () => {
      const co = await signUpCompany(small);
      const noise = await sharp(randomBytes(64 * 64 * 3), { raw: { width: 64, height: 64, channels: 3 } })
        .png()
        .toBuffer();
      expect(noise.length).toBeGreaterThan(2048);
      const res = await uploadPhoto(co.owner, noise);
      expectProblem(res, 413, 'file_too_large', 'photo');
      expect(res.body.detail).toBe('The photo is larger than 2 KB.');
      expect((await co.owner.get('/api/v1/me')).body.photoUrl).toBeNull();
      const fits = await uploadPhoto(co.owner, await png(16, 16));
      expect(fits.status).toBe(200);
      expect(fits.body.photoUrl).not.toBeNull();
    });
  });
});
