import { randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABANDONED_UPLOAD_MS, pruneAbandonedUploads } from '../server/modules/files/pruning.js';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';
import { download, png, upload, uploadId } from './support/uploads.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';

/** A sideways 3000×1500 JPEG (EXIF orientation 6) carrying EXIF text that must not survive. */
const sidewaysJpegWithExif = () =>
  sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Copyright: 'Secret Corp', ImageDescription: 'Taken at 12 Home Street' } })
    .toBuffer();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe.each(DIALECTS)('uploads and post attachments on %s', (dialect) => {
  let t: TestServer;
  let small: TestServer;
  let acme: Company;
  let author: Client & { personId: string };
  let colleague: Client & { personId: string };

  beforeAll(async () => {
    [t, small] = await Promise.all([startTestServer({ dialect }), startTestServer({ dialect, env: { UPLOAD_LIMIT_BYTES: '4096' } })]);
    acme = await signUpCompany(t);
    author = await addPerson(t, acme, { name: 'Ada Author' });
    colleague = await addPerson(t, acme, { name: 'Col League' });
  });
  afterAll(async () => {
    await Promise.all([t?.close(), small?.close()]);
  });

  describe('POST /uploads', () => {
    it('401 without a session, 403 without the CSRF header, 415 unless multipart', async () => {
      const image = await png(16, 16);
      expectProblem(await upload(t.client(acme.slug), image, 'a.png', 'image/png'), 401, 'unauthenticated');
      const noCsrf = author.fresh();
      noCsrf.cookie = author.cookie;
      expectProblem(await upload(noCsrf, image, 'a.png', 'image/png'), 403, 'csrf_failed');
      expectProblem(await author.post('/api/v1/uploads', { file: image.toString('base64') }), 415, 'unsupported_media_type');
    });

    it('400 naming "file" for an empty file, a missing field and a malformed body', async () => {
      expectProblem(await upload(author, Buffer.alloc(0), 'empty.txt', 'text/plain'), 400, 'invalid_input', 'file');
      expectProblem(await upload(author, await png(8, 8), 'a.png', 'image/png', 'photo'), 400, 'invalid_input', 'file');
      const cutShort = Buffer.from('--b0undary\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG');
      expectProblem(
        await author.call('POST', '/api/v1/uploads', cutShort, { 'content-type': 'multipart/form-data; boundary=b0undary' }),
        400,
        'invalid_input',
        'file',
      );
    });

    it('a photo is turned upright, capped at 2048 px, re-encoded as WebP without its metadata, with a 400 px thumbnail', async () => {
      const jpeg = await sidewaysJpegWithExif();
      expect((await sharp(jpeg).metadata()).exif?.includes('Secret Corp')).toBe(true);
      const res = await upload(author, jpeg, 'IMG_0001.JPG', 'image/jpeg');
      expect(res.status).toBe(201);
      // Orientation 6: the 3000×1500 picture stands up as 1500×3000, then fits in 2048 px.
      expect(res.body).toMatchObject({ kind: 'image', name: 'IMG_0001.webp', mimeType: 'image/webp', width: 1024, height: 2048 });
      expect(res.body.url).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}$/);
      expect(res.body.thumbnailUrl).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}$/);

      const full = await download(t, author, res.body.url);
      expect(full.status).toBe(200);
      expect(full.headers).toMatchObject({
        'content-type': 'image/webp',
        'content-disposition': 'inline',
        'x-content-type-options': 'nosniff',
        'cache-control': expect.stringContaining('private'),
        'content-security-policy': expect.stringContaining('sandbox'),
      });
      expect(full.bytes.length).toBe(res.body.size);
      const meta = await sharp(full.bytes).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'webp', width: 1024, height: 2048 });
      expect([meta.exif, meta.xmp, meta.iptc, meta.orientation]).toEqual([undefined, undefined, undefined, undefined]);
      expect(full.bytes.includes('Secret Corp') || full.bytes.includes('Home Street')).toBe(false);

      const thumb = await download(t, author, res.body.thumbnailUrl);
      expect(thumb.status).toBe(200);
      const tmeta = await sharp(thumb.bytes).metadata();
      expect({ format: tmeta.format, width: tmeta.width, height: tmeta.height, exif: tmeta.exif }).toEqual({
        format: 'webp',
        width: 200,
        height: 400,
        exif: undefined,
      });
    });

    it('a small picture is not enlarged; its thumbnail is no bigger than it', async () => {
      const res = await upload(author, await png(120, 80), 'tiny.png', 'image/png');
      expect(res.body).toMatchObject({ kind: 'image', width: 120, height: 80 });
      expect(await sharp((await download(t, author, res.body.thumbnailUrl)).bytes).metadata()).toMatchObject({ width: 120, height: 80 });
    });

    it('a file keeps its bytes, gets its type from them (not its name or header) and is only ever downloaded', async () => {
      const res = await upload(author, PDF, 'Résumé 2026.pdf', 'text/html');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'file',
        name: 'Résumé 2026.pdf',
        mimeType: 'application/pdf',
        size: PDF.length,
        thumbnailUrl: null,
        width: null,
        height: null,
      });
      const file = await download(t, author, res.body.url);
      expect(file.bytes.equals(PDF)).toBe(true);
      expect(file.headers).toMatchObject({
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="R_sum_ 2026.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%202026.pdf`,
        'x-content-type-options': 'nosniff',
      });
    });

    it('a non-image named like one, HTML and SVG are plain files: octet-stream, attachment, never inline', async () => {
      for (const [bytes, name, declared] of [
        [Buffer.from('#!/bin/sh\necho this is not a picture\n'), 'holiday.png', 'image/png'],
        [Buffer.from('<html><script>alert(document.cookie)</script></html>'), 'page.html', 'text/html'],
        [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'logo.svg', 'image/svg+xml'],
      ] as const) {
        const res = await upload(author, bytes, name, declared);
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ kind: 'file', name, mimeType: 'application/octet-stream', thumbnailUrl: null });
        const file = await download(t, author, res.body.url);
        expect(file.headers['content-type']).toBe('application/octet-stream');
        expect(file.headers['content-disposition']).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
        expect(file.headers['x-content-type-options']).toBe('nosniff');
        expect(file.headers['content-security-policy']).toContain("default-src 'none'");
      }
    });

    it('a name is cleaned of folders and control characters', async () => {
      const res = await upload(author, Buffer.from('hello'), '..\\..\\evil\u202e\u0007txt.exe', 'text/plain');
      expect(res.body.name).toBe('evil' + 'txt.exe');
    });

    it('a damaged picture is refused: 400 naming "file", nothing stored', async () => {
      const whole = await png(40, 40);
      const jpeg = await sharp(whole).jpeg().toBuffer();
      for (const broken of [whole.subarray(0, 40), jpeg.subarray(0, 200)]) {
        expectProblem(await upload(author, broken, 'broken.png', 'image/png'), 400, 'not_an_image', 'file');
      }
    });

    it('over the upload limit: 413 naming "file"; a file that fits is taken', async () => {
      const co = await signUpCompany(small);
      const res = await upload(co.owner, randomBytes(4097), 'big.bin');
      expectProblem(res, 413, 'file_too_large', 'file');
      expect(res.body.detail).toBe('The file is larger than 4 KB.');
      expect((await upload(co.owner, randomBytes(4096), 'fits.bin')).status).toBe(201);
    });
  });

  describe('attaching to a post', () => {
    it('a post takes my uploads in the order given and shows them on every path', async () => {
      const g = await author.post('/api/v1/groups', { name: 'Photos', visibility: 'open' });
      const [a, b, c] = [
        await uploadId(author, await png(50, 50)),
        await uploadId(author, PDF, 'a.pdf'),
        await uploadId(author, await png(60, 30)),
      ];
      const res = await author.post('/api/v1/posts', { body: 'Look', groupId: g.body.id, attachmentIds: [c, a, b] });
      expect(res.status).toBe(201);
      expect(res.body.attachments.map((x: { id: string }) => x.id)).toEqual([c, a, b]);
      expect(res.body.attachments[0]).toMatchObject({ kind: 'image', width: 60, height: 30, mimeType: 'image/webp' });
      expect(res.body.attachments[2]).toMatchObject({ kind: 'file', name: 'a.pdf', mimeType: 'application/pdf', thumbnailUrl: null });
      expect((await colleague.get(`/api/v1/posts/${res.body.id}`)).body.attachments).toEqual(res.body.attachments);
      const feed = await colleague.get(`/api/v1/groups/${g.body.id}/posts`);
      expect(feed.body.items[0].attachments).toEqual(res.body.attachments);
      const plain = await author.post('/api/v1/posts', { body: 'No files', groupId: g.body.id });
      expect(plain.body.attachments).toEqual([]);
    });

    it('photos alone are a post; an empty post without them is a 400 naming body', async () => {
      const photo = await uploadId(author, await png(40, 40));
      const alone = await author.post('/api/v1/posts', { body: '', attachmentIds: [photo] });
      expect(alone.status).toBe(201);
      expect(alone.body).toMatchObject({ bodyMarkdown: '', bodyHtml: '', attachments: [{ id: photo, kind: 'image' }] });
      expectProblem(await author.post('/api/v1/posts', { body: '  \n ' }), 400, 'invalid_input', 'body');
      expectProblem(await author.post('/api/v1/posts', { body: '', attachmentIds: [] }), 400, 'invalid_input', 'body');
    });

    it("400 naming attachmentIds for someone else's upload, one already in a post, an unknown id; nothing written", async () => {
      const mine = await uploadId(author, await png(20, 20));
      const theirs = await uploadId(colleague, await png(20, 20));
      const used = await uploadId(author, await png(20, 20));
      expect((await author.post('/api/v1/posts', { body: 'first', attachmentIds: [used] })).status).toBe(201);
      const other = await signUpCompany(t);
      const foreign = await uploadId(other.owner, await png(20, 20));
      const before = (await author.get(`/api/v1/people/${author.personId}/posts?limit=100`)).body.items.length;
      for (const ids of [[mine, theirs], [used], [mine, NEVER_USED_ID], [foreign]]) {
        expectProblem(await author.post('/api/v1/posts', { body: 'x', attachmentIds: ids }), 400, 'invalid_input', 'attachmentIds');
      }
      expect((await author.get(`/api/v1/people/${author.personId}/posts?limit=100`)).body.items.length).toBe(before);
      // The refused post left my upload free.
      const ok = await author.post('/api/v1/posts', { body: 'second', attachmentIds: [mine] });
      expect(ok.body.attachments.map((x: { id: string }) => x.id)).toEqual([mine]);
    });

    it('an upload no post took within a day is deleted, bytes included; attached ones stay', async () => {
      const abandoned = await upload(author, await png(30, 30), 'draft.png', 'image/png');
      const kept = await upload(author, PDF, 'kept.pdf', 'application/pdf');
      expect((await author.post('/api/v1/posts', { body: 'keep', attachmentIds: [kept.body.id] })).status).toBe(201);
      const later = Date.now() + ABANDONED_UPLOAD_MS + 60_000;
      expect(await pruneAbandonedUploads(t.server.ctx, later)).toBeGreaterThanOrEqual(1);
      for (const url of [abandoned.body.url, abandoned.body.thumbnailUrl]) {
        expectProblem(await author.get(url), 404, 'not_found');
        const key = `${acme.orgId}/${url.split('/').pop()}`;
        await expect(access(join(t.dataDir, 'files', key))).rejects.toThrow();
      }
      expect((await download(t, colleague, kept.body.url)).status).toBe(200);
      expectProblem(
        await author.post('/api/v1/posts', { body: 'too late', attachmentIds: [abandoned.body.id] }),
        400,
        'invalid_input',
        'attachmentIds',
      );
    });

    it('400 naming attachmentIds for a wrong shape: not a list, a bad id, repeats, more than 10', async () => {
      const mine = await uploadId(author, await png(10, 10));
      const cases: Array<[unknown, string]> = [
        ['nope', 'attachmentIds'],
        [['not-an-id'], 'attachmentIds.0'],
        [[mine, mine], 'attachmentIds'],
        [Array.from({ length: 11 }, () => mine), 'attachmentIds'],
      ];
      for (const [attachmentIds, field] of cases) {
        expectProblem(await author.post('/api/v1/posts', { body: 'x', attachmentIds }), 400, 'invalid_input', field);
      }
    });
  });
});
