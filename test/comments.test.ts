import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

type Person = Client & { personId: string };
const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';

describe.each(DIALECTS)('comments on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let admin: Person;
  let member: Person;
  let outsider: Person;
  let groupId: string;

  const newPost = async (body = 'a post') => (await admin.post('/api/v1/posts', { body, groupId })).body.id as string;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    other = await signUpCompany(t);
    admin = await addPerson(t, acme, { name: 'Ada Admin' });
    member = await addPerson(t, acme, { name: 'Mo Member' });
    outsider = await addPerson(t, acme, { name: 'Otto Outside' });
    groupId = (await admin.post('/api/v1/groups', { name: 'Team', visibility: 'closed' })).body.id;
    await admin.post(`/api/v1/groups/${groupId}/invitations`, { personIds: [member.personId] });
    await member.post(`/api/v1/groups/${groupId}/invitations/accept`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('POST comment: 401 → 400 → 404 → 201; a reply to a reply joins the top-level comment', async () => {
    const postId = await newPost();
    const path = `/api/v1/posts/${postId}/comments`;
    expectProblem(await t.client(acme.slug).post(path, { body: 'x' }), 401, 'unauthenticated');
    expectProblem(await member.post(path, { body: '' }), 400, 'invalid_input', 'body');
    expectProblem(await member.post(path, { body: 'x'.repeat(10_001) }), 400, 'invalid_input', 'body');
    expectProblem(await member.post(path, { body: 'x', parentId: 'no' }), 400, 'invalid_input', 'parentId');
    expectProblem(await member.post(`/api/v1/posts/${NEVER_USED_ID}/comments`, { body: 'x' }), 404, 'not_found');
    expectProblem(await other.owner.post(path, { body: 'x' }), 404, 'not_found');
    expectProblem(await member.post(path, { body: 'x', parentId: NEVER_USED_ID }), 404, 'not_found');

    const top = await member.post(path, { body: '*top* <b>x</b>' });
    expect(top.status).toBe(201);
    expect(top.body).toMatchObject({
      postId,
      parentId: null,
      author: { id: member.personId, displayName: 'Mo Member', deactivated: false },
      bodyHtml: '<p><em>top</em> &lt;b&gt;x&lt;/b&gt;</p>\n',
      deleted: false,
      replyCount: 0,
      viewerReaction: null,
    });
    const reply = await admin.post(path, { body: 'reply', parentId: top.body.id });
    expect(reply.body.parentId).toBe(top.body.id);
    const replyToReply = await member.post(path, { body: 'reply to reply', parentId: reply.body.id });
    expect(replyToReply.body.parentId).toBe(top.body.id);
    // A comment of another post is not a parent here.
    const elsewhere = (await member.post(`/api/v1/posts/${await newPost()}/comments`, { body: 'x' })).body.id;
    expectProblem(await member.post(path, { body: 'x', parentId: elsewhere }), 404, 'not_found');

    const list = await admin.get(path);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: top.body.id, replyCount: 2 });
    const replies = await admin.get(`/api/v1/comments/${top.body.id}/replies`);
    expect(replies.body.items.map((c: { bodyMarkdown: string }) => c.bodyMarkdown)).toEqual(['reply', 'reply to reply']);
    expect((await admin.get(`/api/v1/posts/${postId}`)).body.counts.comments).toBe(3);
  });

  it('mentions in comments: people who may not see the post are plain text', async () => {
    const postId = await newPost();
    const res = await member.post(`/api/v1/posts/${postId}/comments`, {
      body: `@[Ada](person:${admin.personId}) @[Otto](person:${outsider.personId}) @[X](person:${other.owner.session!.person.id})`,
    });
    expect(res.body.bodyHtml).toBe(`<p><a href="/people/${admin.personId}" class="mention">@Ada Admin</a> @Otto @X</p>\n`);
  });

  it('pages top-level comments oldest first, and replies per comment', async () => {
    const postId = await newPost();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await member.post(`/api/v1/posts/${postId}/comments`, { body: `c${i}` })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Res = await admin.get(`/api/v1/posts/${postId}/comments?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    for (let i = 0; i < 3; i++) await admin.post(`/api/v1/posts/${postId}/comments`, { body: `r${i}`, parentId: ids[0] });
    const page1 = await member.get(`/api/v1/comments/${ids[0]}/replies?limit=2`);
    const page2 = await member.get(`/api/v1/comments/${ids[0]}/replies?limit=2&cursor=${page1.body.nextCursor}`);
    expect([...page1.body.items, ...page2.body.items].map((c: { bodyMarkdown: string }) => c.bodyMarkdown)).toEqual(['r0', 'r1', 'r2']);
    expect(page2.body.nextCursor).toBeNull();
    expectProblem(await member.get(`/api/v1/comments/${NEVER_USED_ID}/replies`), 404, 'not_found');
    expectProblem(await t.client(acme.slug).get(`/api/v1/comments/${ids[0]}/replies`), 401, 'unauthenticated');
    expectProblem(await member.get(`/api/v1/comments/${ids[0]}/replies?limit=x`), 400, 'invalid_input', 'limit');
  });

  it('edit (author only), delete (tombstone keeps replies), comments off → 409', async () => {
    const postId = await newPost();
    const top = (await member.post(`/api/v1/posts/${postId}/comments`, { body: 'orig' })).body;
    expectProblem(await t.client(acme.slug).patch(`/api/v1/comments/${top.id}`, { body: 'x' }), 401, 'unauthenticated');
    expectProblem(await member.patch(`/api/v1/comments/${top.id}`, { body: '' }), 400, 'invalid_input', 'body');
    expectProblem(await member.patch(`/api/v1/comments/${NEVER_USED_ID}`, { body: 'x' }), 404, 'not_found');
    expectProblem(await other.owner.patch(`/api/v1/comments/${top.id}`, { body: 'x' }), 404, 'not_found');
    expectProblem(await admin.patch(`/api/v1/comments/${top.id}`, { body: 'x' }), 403, 'forbidden');
    const edited = await member.patch(`/api/v1/comments/${top.id}`, { body: 'changed' });
    expect(edited.body).toMatchObject({ bodyMarkdown: 'changed', bodyHtml: '<p>changed</p>\n' });
    expect(edited.body.editedAt).not.toBeNull();

    await admin.post(`/api/v1/posts/${postId}/comments`, { body: 'an answer', parentId: top.id });
    const lone = (await member.post(`/api/v1/posts/${postId}/comments`, { body: 'lone' })).body;
    expectProblem(await outsider.delete(`/api/v1/comments/${top.id}`), 404, 'not_found');
    expect((await member.delete(`/api/v1/comments/${top.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/comments/${lone.id}`)).status).toBe(204);
    expectProblem(await member.delete(`/api/v1/comments/${top.id}`), 404, 'not_found');
    const list = (await member.get(`/api/v1/posts/${postId}/comments`)).body.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: top.id, deleted: true, author: null, bodyMarkdown: null, bodyHtml: null, replyCount: 1 });
    const kept = await member.get(`/api/v1/comments/${top.id}/replies`);
    expect(kept.body.items.map((c: { bodyMarkdown: string }) => c.bodyMarkdown)).toEqual(['an answer']);
    expect((await member.get(`/api/v1/posts/${postId}`)).body.counts.comments).toBe(1);

    expect((await admin.patch(`/api/v1/posts/${postId}`, { commentsEnabled: false })).status).toBe(200);
    expectProblem(await member.post(`/api/v1/posts/${postId}/comments`, { body: 'x' }), 409, 'comments_off');
    expect((await member.get(`/api/v1/posts/${postId}`)).body.can.comment).toBe(false);
  });
});
