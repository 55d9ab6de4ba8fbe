import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

type Person = Client & { personId: string; email: string };
const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';
const mention = (name: string, id: string) => `@[${name}](person:${id})`;

describe.each(DIALECTS)('posts on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let admin: Person;
  let member: Person;
  let outsider: Person;
  let guest: Person;
  let groupId: string;
  let secretId: string;

  const newGroup = async (c: Client, visibility: string, name = `G ${Math.random()}`) => {
    const g = await c.post('/api/v1/groups', { name, visibility });
    expect(g.status).toBe(201);
    return g.body.id as string;
  };
  const addTo = async (gid: string, ...people: Person[]) => {
    expect((await admin.post(`/api/v1/groups/${gid}/invitations`, { personIds: people.map((p) => p.personId) })).status).toBe(201);
    for (const p of people) expect((await p.post(`/api/v1/groups/${gid}/invitations/accept`)).status).toBe(200);
  };
  const post = async (c: Client, body: string, gid?: string): Promise<Res> =>
    c.post('/api/v1/posts', gid ? { body, groupId: gid } : { body });

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    other = await signUpCompany(t);
    admin = await addPerson(t, acme, { name: 'Ada Admin' });
    member = await addPerson(t, acme, { name: 'Mo Member' });
    outsider = await addPerson(t, acme, { name: 'Otto Outside' });
    guest = await addPerson(t, acme, { name: 'Gus Guest', role: 'guest' });
    groupId = await newGroup(admin, 'closed');
    await addTo(groupId, member, guest);
    secretId = await newGroup(admin, 'secret');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('POST /posts: 401 → 400 → 404 → 201 in a group and on my profile', async () => {
    expectProblem(await t.client(acme.slug).post('/api/v1/posts', { body: 'x' }), 401, 'unauthenticated');
    expectProblem(await post(member, ''), 400, 'invalid_input', 'body');
    expectProblem(await post(member, '   \n '), 400, 'invalid_input', 'body');
    expectProblem(await member.post('/api/v1/posts', { body: 'x', groupId: 'nope' }), 400, 'invalid_input', 'groupId');
    expectProblem(await post(member, 'x'.repeat(100_000), groupId), 400, 'invalid_input', 'body');
    expectProblem(await post(member, 'x', NEVER_USED_ID), 404, 'not_found');
    expectProblem(await post(other.owner, 'x', groupId), 404, 'not_found');
    expectProblem(await post(member, 'x', secretId), 404, 'not_found');
    expectProblem(await post(outsider, 'x', groupId), 403, 'forbidden');
    expectProblem(await post(guest, 'on my profile'), 403, 'forbidden');

    const inGroup = await post(member, '**Hello** group', groupId);
    expect(inGroup.status).toBe(201);
    expect(inGroup.body).toMatchObject({
      author: { id: member.personId, displayName: 'Mo Member', photoUrl: null, deactivated: false },
      group: { id: groupId, visibility: 'closed' },
      bodyMarkdown: '**Hello** group',
      bodyHtml: '<p><strong>Hello</strong> group</p>\n',
      editedAt: null,
      pinned: false,
      commentsEnabled: true,
      counts: { comments: 0, reactions: { like: 0, love: 0, haha: 0, wow: 0, sad: 0, angry: 0 } },
      viewerReaction: null,
      can: { edit: true, delete: true, pin: false, toggleComments: true, comment: true },
    });
    const mine = await post(member, 'On my profile');
    expect(mine.status).toBe(201);
    expect(mine.body.group).toBeNull();
    expect((await post(member, 'x'.repeat(50_000), groupId)).status).toBe(201);
  });

  it('"admins only" groups take posts from admins and moderators; archived groups none (409)', async () => {
    const gid = await newGroup(admin, 'open');
    await addTo(gid, member);
    expect((await admin.patch(`/api/v1/groups/${gid}`, { postPermission: 'admins' })).status).toBe(200);
    expectProblem(await post(member, 'x', gid), 403, 'forbidden');
    expect((await post(admin, 'x', gid)).status).toBe(201);
    expect((await admin.patch(`/api/v1/groups/${gid}/members/${member.personId}`, { role: 'moderator' })).status).toBe(200);
    expect((await post(member, 'x', gid)).status).toBe(201);
    expect((await admin.post(`/api/v1/groups/${gid}/archive`)).status).toBe(200);
    expectProblem(await post(admin, 'x', gid), 409, 'group_archived');
  });

  it('GET /posts/:id: 401 → 400 → 404 (another company, never used, deleted) → 200', async () => {
    const p = (await post(member, 'see me', groupId)).body;
    expectProblem(await t.client(acme.slug).get(`/api/v1/posts/${p.id}`), 401, 'unauthenticated');
    expectProblem(await member.get('/api/v1/posts/nope'), 400, 'invalid_input', 'id');
    expectProblem(await member.get(`/api/v1/posts/${NEVER_USED_ID}`), 404, 'not_found');
    expectProblem(await other.owner.get(`/api/v1/posts/${p.id}`), 404, 'not_found');
    expect((await member.get(`/api/v1/posts/${p.id}`)).body).toMatchObject({ id: p.id, bodyMarkdown: 'see me' });
  });

  it('renders Markdown safely: no raw HTML, no handlers, no javascript: links', async () => {
    const nasty = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '<a href="javascript:alert(1)">y</a>',
    ];
    for (const body of nasty) {
      const res = await post(member, body, groupId);
      expect(res.status).toBe(201);
      expect(res.body.bodyMarkdown).toBe(body);
      const html = res.body.bodyHtml as string;
      // Only text remains: no element, no attribute (escaped text like `&lt;img` is harmless).
      expect(html).not.toMatch(/<(script|img|a)[\s>]|<[^>]*\son\w+=|<[^>]*href\s*=\s*["']?\s*javascript:/i);
    }
    const links = await post(member, 'see https://example.com and [mail](mailto:a@b.test) [rel](/admin) ~~old~~ `code`', groupId);
    expect(links.body.bodyHtml).toBe(
      '<p>see <a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">https://example.com</a> and ' +
        '<a href="mailto:a@b.test" rel="noopener noreferrer nofollow" target="_blank">mail</a> rel <del>old</del> <code>code</code></p>\n',
    );
  });

  it('mentions: links for people who may see the post, plain text for anyone else; at most 50', async () => {
    const res = await post(
      member,
      [
        mention('Ada', admin.personId),
        mention('Someone else', other.owner.session!.person.id),
        mention('Ghost', NEVER_USED_ID),
        mention('Otto', outsider.personId),
      ].join(' '),
      groupId,
    );
    expect(res.status).toBe(201);
    // Ada is a member (link, with her current name); the other company's owner, an unknown id and a
    // non-member of this closed group are plain text, exactly as written.
    expect(res.body.bodyHtml).toBe(
      `<p><a href="/people/${admin.personId}" class="mention">@Ada Admin</a> @Someone else @Ghost @Otto</p>\n`,
    );
    // In a secret group Otto (not a member) is plain text too; on a profile post he is a link.
    const inSecret = await post(admin, mention('Otto', outsider.personId), secretId);
    expect(inSecret.body.bodyHtml).toBe('<p>@Otto</p>\n');
    const onProfile = await post(member, mention('Otto', outsider.personId));
    expect(onProfile.body.bodyHtml).toContain(`href="/people/${outsider.personId}" class="mention">@Otto Outside</a>`);

    const ids = Array.from({ length: 51 }, (_, i) => `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    expectProblem(await post(member, ids.map((id) => mention('x', id)).join(' '), groupId), 400, 'invalid_input', 'body');
    expect(
      (
        await post(
          member,
          ids
            .slice(0, 50)
            .map((id) => mention('x', id))
            .join(' '),
          groupId,
        )
      ).status,
    ).toBe(201);
  });

  it('edit (author only, with history), comments on/off, pin (group moderators), delete → 404 everywhere', async () => {
    const p = (await post(member, 'first', groupId)).body;
    expectProblem(await member.patch(`/api/v1/posts/${p.id}`, { body: '' }), 400, 'invalid_input', 'body');
    expectProblem(await member.patch(`/api/v1/posts/${NEVER_USED_ID}`, { body: 'x' }), 404, 'not_found');
    expectProblem(await admin.patch(`/api/v1/posts/${p.id}`, { body: 'hijack' }), 403, 'forbidden');
    const edited = await member.patch(`/api/v1/posts/${p.id}`, { body: 'second' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ bodyMarkdown: 'second', bodyHtml: '<p>second</p>\n' });
    expect(edited.body.editedAt).not.toBeNull();
    await member.patch(`/api/v1/posts/${p.id}`, { body: 'third' });
    const revs = await guest.get(`/api/v1/posts/${p.id}/revisions`);
    expect(revs.status).toBe(200);
    expect(revs.body.items.map((r: { bodyMarkdown: string }) => r.bodyMarkdown)).toEqual(['second', 'first']);
    expectProblem(await outsider.get(`/api/v1/posts/${p.id}/revisions`), 404, 'not_found');

    // Comments on/off: the author or a group admin; not a plain member.
    expectProblem(await guest.patch(`/api/v1/posts/${p.id}`, { commentsEnabled: false }), 403, 'forbidden');
    expect((await admin.patch(`/api/v1/posts/${p.id}`, { commentsEnabled: false })).body.commentsEnabled).toBe(false);
    expect((await member.patch(`/api/v1/posts/${p.id}`, { commentsEnabled: true })).body.commentsEnabled).toBe(true);

    // Pin: group admins and moderators; pinned first in the feed.
    expectProblem(await member.post(`/api/v1/posts/${p.id}/pin`), 403, 'forbidden');
    expect((await admin.post(`/api/v1/posts/${p.id}/pin`)).body.pinned).toBe(true);
    await post(member, 'newer than the pinned one', groupId);
    const feed = await member.get(`/api/v1/groups/${groupId}/posts?limit=2`);
    expect(feed.body.items[0].id).toBe(p.id);
    expect(feed.body.items[1].bodyMarkdown).toBe('newer than the pinned one');
    expect((await admin.post(`/api/v1/posts/${p.id}/unpin`)).body.pinned).toBe(false);

    // Delete: not a plain member; the author, a group moderator or a company admin may.
    expectProblem(await guest.delete(`/api/v1/posts/${p.id}`), 403, 'forbidden');
    expect((await member.delete(`/api/v1/posts/${p.id}`)).status).toBe(204);
    for (const path of [
      `/api/v1/posts/${p.id}`,
      `/api/v1/posts/${p.id}/revisions`,
      `/api/v1/posts/${p.id}/comments`,
      `/api/v1/posts/${p.id}/reactions`,
    ]) {
      expectProblem(await member.get(path), 404, 'not_found');
    }
    expectProblem(await member.delete(`/api/v1/posts/${p.id}`), 404, 'not_found');
    const list = await member.get(`/api/v1/groups/${groupId}/posts?limit=100`);
    expect(list.body.items.some((x: { id: string }) => x.id === p.id)).toBe(false);
    const byAdmin = (await post(member, 'moderate me')).body;
    expect((await acme.owner.delete(`/api/v1/posts/${byAdmin.id}`)).status).toBe(204);
  });

  it('group feed: 404 for those who may not see posts; newest first; cursor stable under new posts', async () => {
    const gid = await newGroup(admin, 'open');
    expectProblem(await t.client(acme.slug).get(`/api/v1/groups/${gid}/posts`), 401, 'unauthenticated');
    expectProblem(await member.get(`/api/v1/groups/${gid}/posts?limit=0`), 400, 'invalid_input', 'limit');
    expectProblem(await member.get(`/api/v1/groups/${gid}/posts?cursor=zz`), 400, 'invalid_input', 'cursor');
    expectProblem(await member.get(`/api/v1/groups/${NEVER_USED_ID}/posts`), 404, 'not_found');
    expectProblem(await other.owner.get(`/api/v1/groups/${gid}/posts`), 404, 'not_found');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post(admin, `n${i}`, gid)).body.id);
    const first = await outsider.get(`/api/v1/groups/${gid}/posts?limit=2`);
    expect(first.body.items.map((x: { id: string }) => x.id)).toEqual([ids[4], ids[3]]);
    await post(admin, 'late', gid);
    const seen = [...first.body.items.map((x: { id: string }) => x.id)];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await outsider.get(`/api/v1/groups/${gid}/posts?limit=2&cursor=${cursor}`);
      seen.push(...next.body.items.map((x: { id: string }) => x.id));
      cursor = next.body.nextCursor;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('profile feed: profile posts and the group posts the viewer may see', async () => {
    const author = await addPerson(t, acme, { name: 'Pia Poster' });
    const secret = await newGroup(admin, 'secret');
    await addTo(secret, author);
    const onProfile = (await post(author, 'profile')).body.id;
    const inSecret = (await post(author, 'secret', secret)).body.id;
    const path = `/api/v1/people/${author.personId}/posts`;
    expectProblem(await t.client(acme.slug).get(path), 401, 'unauthenticated');
    expectProblem(await member.get(`${path}?limit=abc`), 400, 'invalid_input', 'limit');
    expectProblem(await member.get(`/api/v1/people/${NEVER_USED_ID}/posts`), 404, 'not_found');
    expectProblem(await other.owner.get(path), 404, 'not_found');
    const ids = async (c: Client) => ((await c.get(path)).body.items as Array<{ id: string }>).map((x) => x.id);
    expect(await ids(author)).toEqual([inSecret, onProfile]);
    expect(await ids(admin)).toEqual([inSecret, onProfile]);
    expect(await ids(member)).toEqual([onProfile]);
    expect(await ids(acme.owner)).toEqual([onProfile]);
  });

  it('realtime: post.created/updated/deleted and counts reach the group’s members, nobody else', async () => {
    const gid = await newGroup(admin, 'closed');
    await addTo(gid, member);
    const [toMember, toOutsider] = [await connect(member), await connect(outsider)];
    try {
      const p = (await post(admin, 'live', gid)).body;
      const created = await toMember.waitFor((f) => f.type === 'post.created' && f.payload.postId === p.id && f.payload.groupId === gid);
      expect(created.payload.authorId).toBe(p.author.id);
      await member.patch(`/api/v1/posts/${p.id}`, { commentsEnabled: true });
      await admin.patch(`/api/v1/posts/${p.id}`, { body: 'live, edited' });
      await toMember.waitFor((f) => f.type === 'post.updated' && f.payload.postId === p.id);
      await member.put(`/api/v1/posts/${p.id}/reaction`, { kind: 'love' });
      await toMember.waitFor((f) => f.type === 'post.counts' && f.payload.postId === p.id && f.payload.reactions.love === 1);
      await member.post(`/api/v1/posts/${p.id}/comments`, { body: 'hi' });
      await toMember.waitFor((f) => f.type === 'post.counts' && f.payload.postId === p.id && f.payload.comments === 1);
      await admin.delete(`/api/v1/posts/${p.id}`);
      await toMember.waitFor((f) => f.type === 'post.deleted' && f.payload.postId === p.id);
      // The outsider's socket got none of it (an event to them after would arrive in order).
      expect((await admin.post(`/api/v1/people/${outsider.personId}/follow`)).status).toBeLessThan(300);
      await toOutsider.waitFor((f) => f.type === 'person.followed');
      expect(toOutsider.events().filter((f) => String(f.type).startsWith('post.'))).toEqual([]);
    } finally {
      toMember.close();
      toOutsider.close();
    }
  });
});
