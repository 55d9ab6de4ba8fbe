import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';
import { download, png, upload } from './support/uploads.js';

/**
 * Who may download a post's photo (and its thumbnail) and file: exactly whoever sees the post.
 * Any refusal answers like a file id that was never used.
 */

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const VISIBILITIES = ['open', 'closed', 'secret'] as const;
type Visibility = (typeof VISIBILITIES)[number];
const ROLES = [
  'author',
  'group member',
  'company owner, not member',
  'non-member',
  'guest member',
  'guest non-member',
  'another company (its owner)',
  'deactivated member',
] as const;
type Role = (typeof ROLES)[number];

const ALL = { open: 200, closed: 200, secret: 200 };
const OPEN_ONLY = { open: 200, closed: 404, secret: 404 };
const NONE = { open: 404, closed: 404, secret: 404 };
const MATRIX: Record<Role, Record<Visibility, number>> = {
  author: ALL,
  'group member': ALL,
  'company owner, not member': OPEN_ONLY,
  'non-member': OPEN_ONLY,
  'guest member': ALL,
  'guest non-member': NONE,
  'another company (its owner)': NONE,
  // Deactivation ends every session: the person is signed out before any file rule applies.
  'deactivated member': { open: 401, closed: 401, secret: 401 },
};

const comparable = (res: Res): Record<string, unknown> => {
  const { requestId, instance, ...rest } = res.body as Record<string, unknown>;
  void requestId;
  void instance;
  return rest;
};

describe.each(DIALECTS)('attachment download visibility on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let author: Client & { personId: string };
  let member: Client & { personId: string };
  const who = {} as Record<Role, Client>;
  /** The three file URLs (photo, its thumbnail, a file) of the post in each group. */
  const urls = {} as Record<Visibility, string[]>;

  /** Uploads a photo and a file as `c` and writes a post taking both; returns the post and its URLs. */
  async function postWithFiles(c: Client, groupId?: string): Promise<{ postId: string; urls: string[] }> {
    const photo = await upload(c, await png(600, 300), 'p.png', 'image/png');
    const file = await upload(c, PDF, 'plan.pdf', 'application/pdf');
    expect([photo.status, file.status]).toEqual([201, 201]);
    const post = await c.post('/api/v1/posts', { body: 'files', groupId, attachmentIds: [photo.body.id, file.body.id] });
    expect(post.status).toBe(201);
    return { postId: post.body.id, urls: [photo.body.url, photo.body.thumbnailUrl, file.body.url] };
  }

  /** 200, or a 404 identical to a never-used file id's (or 401 signed out). */
  async function expectDownload(c: Client, url: string, status: number, label: string) {
    if (status === 200) {
      const res = await download(t, c, url);
      expect(res.status, label).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      return;
    }
    const res = await c.get(url);
    expect(res.status, label).toBe(status);
    if (status === 401) return expectProblem(res, 401, 'unauthenticated');
    expectProblem(res, 404, 'not_found');
    expect(comparable(res)).toEqual(comparable(await c.get(`/api/v1/files/${NEVER_USED_ID}`)));
  }

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    const other = await signUpCompany(t);
    author = await addPerson(t, acme, { name: 'Ada Author' });
    member = await addPerson(t, acme, { name: 'Mo Member' });
    const guestMember = await addPerson(t, acme, { name: 'Gina Guest', role: 'guest' });
    const deactivated = await addPerson(t, acme, { name: 'Dan Departed' });
    Object.assign(who, {
      author,
      'group member': member,
      'company owner, not member': acme.owner,
      'non-member': await addPerson(t, acme, { name: 'Nora Non-member' }),
      'guest member': guestMember,
      'guest non-member': await addPerson(t, acme, { name: 'Gil Guest', role: 'guest' }),
      'another company (its owner)': other.owner,
      'deactivated member': deactivated,
    });
    for (const visibility of VISIBILITIES) {
      const g = await author.post('/api/v1/groups', { name: `Files ${visibility}`, visibility });
      expect(g.status).toBe(201);
      const invited = await author.post(`/api/v1/groups/${g.body.id}/invitations`, {
        personIds: [member.personId, guestMember.personId, deactivated.personId],
      });
      expect(invited.status).toBe(201);
      for (const c of [member, guestMember, deactivated]) {
        expect((await c.post(`/api/v1/groups/${g.body.id}/invitations/accept`)).status).toBe(200);
      }
      urls[visibility] = (await postWithFiles(author, g.body.id)).urls;
    }
    expect((await acme.owner.post(`/api/v1/admin/people/${deactivated.personId}/deactivate`)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const cells = ROLES.flatMap((role) => VISIBILITIES.map((visibility) => [role, visibility] as const));

  it.each(cells)('%s × %s group: photo, thumbnail and file', async (role, visibility) => {
    for (const url of urls[visibility]) await expectDownload(who[role], url, MATRIX[role][visibility], `${role} ${visibility} ${url}`);
  });

  it('a profile post: the company sees its files, guests and other companies do not', async () => {
    const { urls: mine } = await postWithFiles(author);
    for (const url of mine) {
      for (const role of ['author', 'group member', 'company owner, not member', 'non-member'] as const) {
        await expectDownload(who[role], url, 200, `${role} ${url}`);
      }
      for (const role of ['guest member', 'guest non-member', 'another company (its owner)'] as const) {
        await expectDownload(who[role], url, 404, `${role} ${url}`);
      }
    }
  });

  it('an upload no post has taken is its uploader’s alone, company owner included', async () => {
    const photo = await upload(author, await png(50, 50), 'draft.png', 'image/png');
    for (const url of [photo.body.url, photo.body.thumbnailUrl]) {
      await expectDownload(author, url, 200, 'uploader');
      for (const role of ['group member', 'company owner, not member', 'guest member', 'another company (its owner)'] as const) {
        await expectDownload(who[role], url, 404, `${role} ${url}`);
      }
    }
  });

  it('removal from a closed group ends access to its files at once', async () => {
    const g = await author.post('/api/v1/groups', { name: 'Leaving soon', visibility: 'closed' });
    const leaver = await addPerson(t, acme, { name: 'Lee Leaver' });
    expect((await author.post(`/api/v1/groups/${g.body.id}/invitations`, { personIds: [leaver.personId] })).status).toBe(201);
    expect((await leaver.post(`/api/v1/groups/${g.body.id}/invitations/accept`)).status).toBe(200);
    const { urls: files } = await postWithFiles(author, g.body.id);
    for (const url of files) await expectDownload(leaver, url, 200, `before ${url}`);
    expect((await author.delete(`/api/v1/groups/${g.body.id}/members/${leaver.personId}`)).status).toBe(204);
    for (const url of files) await expectDownload(leaver, url, 404, `after ${url}`);
  });

  it('deleting the post ends access for everyone, its author included', async () => {
    const { postId, urls: files } = await postWithFiles(author, undefined);
    for (const url of files) await expectDownload(member, url, 200, `before ${url}`);
    expect((await author.delete(`/api/v1/posts/${postId}`)).status).toBe(204);
    for (const url of files) {
      await expectDownload(member, url, 404, `member ${url}`);
      await expectDownload(author, url, 404, `author ${url}`);
    }
  });

  it('an attachment id is not a file id: downloading by it is a 404', async () => {
    const photo = await upload(author, await png(30, 30), 'x.png', 'image/png');
    await expectDownload(author, `/api/v1/files/${photo.body.id}`, 404, 'attachment id');
  });
});
