import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { addToGroup, comment, kinds, makeGroup, mention, notes, post, unread } from './support/notifications.js';
import { anotherSession, connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

type Person = Client & { personId: string; email: string };
const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';

describe.each(DIALECTS)('notifications on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let n = 0;
  const person = (name: string): Promise<Person> => addPerson(t, acme, { name: `${name} ${++n}` });

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    other = await signUpCompany(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the list, the badge and marking read: 401 → 400 → 404 → success', async () => {
    const [anna, bob] = [await person('Anna'), await person('Bob')];
    const postId = await post(anna, `Hello ${mention('Bob', bob.personId)}`);
    const anon = t.client(acme.slug);
    expectProblem(await anon.get('/api/v1/notifications'), 401, 'unauthenticated');
    expectProblem(await anon.get('/api/v1/notifications/unread-count'), 401, 'unauthenticated');
    expectProblem(await anon.post(`/api/v1/notifications/${NEVER_USED_ID}/read`), 401, 'unauthenticated');
    expectProblem(await anon.post('/api/v1/notifications/read-all'), 401, 'unauthenticated');

    expectProblem(await bob.get('/api/v1/notifications?limit=0'), 400, 'invalid_input', 'limit');
    expectProblem(await bob.get('/api/v1/notifications?unread=yes'), 400, 'invalid_input', 'unread');
    expectProblem(await bob.get('/api/v1/notifications?cursor=nonsense'), 400, 'invalid_input', 'cursor');
    expectProblem(await bob.post('/api/v1/notifications/not-an-id/read'), 400, 'invalid_input', 'id');

    const [note] = await notes(bob);
    expect(note).toMatchObject({
      kind: 'mention_post',
      actors: [{ id: anna.personId, displayName: expect.stringMatching(/^Anna/), photoUrl: null }],
      actorCount: 1,
      postId,
      commentId: null,
      groupId: null,
      excerpt: expect.stringMatching(/^Hello @Bob \d+$/),
      read: false,
    });
    const id = note?.id ?? '';
    // Not mine, never used, another company's: the same 404.
    expectProblem(await anna.post(`/api/v1/notifications/${id}/read`), 404, 'not_found');
    expectProblem(await bob.post(`/api/v1/notifications/${NEVER_USED_ID}/read`), 404, 'not_found');
    expectProblem(await other.owner.post(`/api/v1/notifications/${id}/read`), 404, 'not_found');
    expect(await kinds(other.owner)).toEqual([]);

    expect(await unread(bob)).toBe(1);
    const read = await bob.post(`/api/v1/notifications/${id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ unreadCount: 0 });
    expect((await bob.post(`/api/v1/notifications/${id}/read`)).body).toEqual({ unreadCount: 0 });
    expect((await notes(bob))[0]?.read).toBe(true);
    expect(await notes(bob, '&unread=true')).toEqual([]);
  });

  it('pages with a cursor, newest activity first', async () => {
    const [anna, bob] = [await person('Anna'), await person('Bob')];
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await post(anna, `Post ${i} for ${mention('Bob', bob.personId)}`));
    const first = await bob.get('/api/v1/notifications?limit=2');
    const second = await bob.get(`/api/v1/notifications?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    const third = await bob.get(`/api/v1/notifications?limit=2&cursor=${encodeURIComponent(second.body.nextCursor)}`);
    const seen = [...first.body.items, ...second.body.items, ...third.body.items].map((x: { postId: string }) => x.postId);
    expect(seen).toEqual([...ids].reverse());
    expect(third.body.nextCursor).toBeNull();
  });

  it('mentions in posts and comments reach the mentioned person only, once; never the actor', async () => {
    const [anna, bob, cara, dan] = [await person('Anna'), await person('Bob'), await person('Cara'), await person('Dan')];
    const postId = await post(anna, `${mention('Bob', bob.personId)} and me ${mention('Anna', anna.personId)}`);
    expect(await kinds(bob)).toEqual(['mention_post']);
    expect(await kinds(anna)).toEqual([]);
    expect(await kinds(dan)).toEqual([]);
    // An edit that keeps Bob and adds Cara tells Cara only.
    expect(
      (await anna.patch(`/api/v1/posts/${postId}`, { body: `${mention('Bob', bob.personId)} ${mention('Cara', cara.personId)}` })).status,
    ).toBe(200);
    expect(await kinds(bob)).toEqual(['mention_post']);
    expect(await kinds(cara)).toEqual(['mention_post']);

    const commentId = await comment(dan, postId, `Look ${mention('Cara', cara.personId)}`);
    const [toCara] = await notes(cara);
    expect(toCara).toMatchObject({
      kind: 'mention_comment',
      postId,
      commentId,
      excerpt: expect.stringMatching(/^Look @Cara \d+$/),
      actors: [{ id: dan.personId }],
    });
    // The post's author hears of the comment as a comment, not a mention.
    expect(await kinds(anna)).toEqual(['comment']);
  });

  it('comments reach the author and the post’s followers, aggregated per post; replies reach the parent’s author', async () => {
    const [anna, bob, cara, dan] = [await person('Anna'), await person('Bob'), await person('Cara'), await person('Dan')];
    const postId = await post(anna, 'What do you think?');
    const bobsComment = await comment(bob, postId, 'I like it');
    expect(await notes(anna)).toEqual([
      expect.objectContaining({ kind: 'comment', actorCount: 1, excerpt: 'I like it', commentId: bobsComment }),
    ]);
    const carasComment = await comment(cara, postId, 'Me too');
    // Anna: one row, now "Cara and 1 other"; Bob (follows since he commented) hears of Cara's comment.
    const [toAnna] = await notes(anna);
    expect(toAnna).toMatchObject({ kind: 'comment', actorCount: 2, commentId: carasComment, excerpt: 'Me too' });
    expect(toAnna?.actors.map((a) => a.id)).toEqual([cara.personId, bob.personId]);
    expect(await kinds(bob)).toEqual(['comment']);
    expect(await kinds(cara)).toEqual([]);

    // A reply: Bob hears of it as a reply (not also as a comment); Anna and Cara as a comment.
    const reply = await comment(dan, postId, 'Agreed, Bob', bobsComment);
    expect((await notes(bob))[0]).toMatchObject({
      kind: 'reply',
      commentId: reply,
      excerpt: 'Agreed, Bob',
      actors: [{ id: dan.personId }],
    });
    expect(await kinds(bob)).toEqual(['reply', 'comment']);
    expect(await kinds(cara)).toEqual(['comment']);
    expect((await notes(anna))[0]).toMatchObject({ kind: 'comment', actorCount: 3 });
    expect(await kinds(dan)).toEqual([]);
  });

  it('reactions aggregate into one unread row per target ("Anna and 4 others"), then a new row once read', async () => {
    const author = await person('Author');
    const reactors = [await person('Anna'), await person('Ben'), await person('Cleo'), await person('Dora'), await person('Emil')];
    const postId = await post(author, 'React to this');
    const commentId = await comment(author, postId, 'And this');
    for (const r of reactors) expect((await r.put(`/api/v1/posts/${postId}/reaction`, { kind: 'like' })).status).toBe(200);
    // Changing one's reaction does not count twice; taking it back leaves the row; the author's own reaction tells nobody.
    await reactors[0]?.put(`/api/v1/posts/${postId}/reaction`, { kind: 'love' });
    await reactors[1]?.delete(`/api/v1/posts/${postId}/reaction`);
    await author.put(`/api/v1/posts/${postId}/reaction`, { kind: 'like' });
    const rows = (await notes(author)).filter((x) => x.kind === 'reaction_post');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ postId, actorCount: 4, excerpt: 'React to this', read: false });
    expect(rows[0]?.actors.map((a) => a.id)).toEqual([reactors[0]?.personId, reactors[4]?.personId, reactors[3]?.personId]);
    expect(await unread(author)).toBe(1);

    await author.post(`/api/v1/notifications/${rows[0]?.id}/read`);
    await reactors[1]?.put(`/api/v1/posts/${postId}/reaction`, { kind: 'wow' });
    const after = (await notes(author)).filter((x) => x.kind === 'reaction_post');
    expect(after.map((x) => [x.actorCount, x.read])).toEqual([
      [1, false],
      [4, true],
    ]);

    await reactors[2]?.put(`/api/v1/comments/${commentId}/reaction`, { kind: 'haha' });
    await reactors[3]?.put(`/api/v1/comments/${commentId}/reaction`, { kind: 'sad' });
    const onComment = (await notes(author)).filter((x) => x.kind === 'reaction_comment');
    expect(onComment).toEqual([expect.objectContaining({ commentId, postId, actorCount: 2, excerpt: 'And this' })]);
    for (const r of reactors) expect((await kinds(r)).filter((k) => k.startsWith('reaction'))).toEqual([]);

    // Both take their reactions back: the unread row goes, and the author's other device hears the badge.
    const badge = await unread(author);
    const live = await connect(author);
    try {
      await reactors[2]?.delete(`/api/v1/comments/${commentId}/reaction`);
      expect((await notes(author)).filter((x) => x.kind === 'reaction_comment').map((x) => x.actorCount)).toEqual([1]);
      await reactors[3]?.delete(`/api/v1/comments/${commentId}/reaction`);
      const told = await live.waitFor((f) => f.type === 'notification.updated' && f.payload.unreadCount === badge - 1);
      expect(told.payload.notificationId).toBe(onComment[0]?.id);
    } finally {
      live.close();
    }
    expect((await notes(author)).filter((x) => x.kind === 'reaction_comment')).toEqual([]);
    expect(await unread(author)).toBe(badge - 1);
  });

  it('invitations, join requests (to the group’s admins and moderators) and their answers (to the requester)', async () => {
    const [admin, moderator, member, asker, invitee, bystander] = [
      await person('Admin'),
      await person('Moderator'),
      await person('Member'),
      await person('Asker'),
      await person('Invitee'),
      await person('Bystander'),
    ];
    const groupId = await makeGroup(admin, 'Closed club', 'closed');
    await addToGroup(admin, groupId, moderator);
    await addToGroup(admin, groupId, member);
    expect((await admin.patch(`/api/v1/groups/${groupId}/members/${moderator.personId}`, { role: 'moderator' })).status).toBe(200);
    expect(await kinds(moderator)).toEqual(['group_invite']);

    expect((await admin.post(`/api/v1/groups/${groupId}/invitations`, { personIds: [invitee.personId] })).status).toBe(201);
    expect(await notes(invitee)).toEqual([
      expect.objectContaining({ kind: 'group_invite', groupId, groupName: 'Closed club', postId: null }),
    ]);

    const asked = await asker.post(`/api/v1/groups/${groupId}/join`);
    expect(asked.body.status).toBe('requested');
    const second = await bystander.post(`/api/v1/groups/${groupId}/join`);
    for (const c of [admin, moderator]) {
      const [row] = await notes(c);
      expect(row).toMatchObject({ kind: 'join_request', groupId, actorCount: 2 });
      expect(row?.actors.map((a) => a.id)).toEqual([bystander.personId, asker.personId]);
    }
    expect(await kinds(member)).toEqual(['group_invite']);

    const requests = (await admin.get(`/api/v1/groups/${groupId}/requests`)).body.items as Array<{ id: string; person: { id: string } }>;
    const idOf = (p: Person) => requests.find((r) => r.person.id === p.personId)?.id;
    expect((await moderator.post(`/api/v1/groups/${groupId}/requests/${idOf(asker)}/approve`)).status).toBe(200);
    expect((await admin.post(`/api/v1/groups/${groupId}/requests/${idOf(bystander)}/decline`)).status).toBe(200);
    expect(await notes(asker)).toEqual([
      expect.objectContaining({ kind: 'request_approved', groupId, actors: [expect.objectContaining({ id: moderator.personId })] }),
    ]);
    expect(await notes(bystander)).toEqual([expect.objectContaining({ kind: 'request_declined', groupId, groupName: 'Closed club' })]);
    void second;
  });

  it('per group level: all hears of every post, highlights of pinned posts and announcements, off of nothing', async () => {
    const [admin, all, highlights, off] = [await person('Admin'), await person('All'), await person('Highlights'), await person('Off')];
    const groupId = await makeGroup(admin, 'Levels', 'open');
    for (const [p, level] of [
      [all, 'all'],
      [highlights, 'highlights'],
      [off, 'off'],
    ] as const) {
      expect((await p.post(`/api/v1/groups/${groupId}/join`)).status).toBe(200);
      // The default is 'highlights'.
      expect((await p.get(`/api/v1/groups/${groupId}`)).body.membership.notify).toBe('highlights');
      expect((await p.put(`/api/v1/groups/${groupId}/notifications`, { level })).body.membership.notify).toBe(level);
    }
    const plain = await post(admin, 'An ordinary post', groupId);
    expect(await notes(all)).toEqual([expect.objectContaining({ kind: 'group_post', postId: plain, groupId, groupName: 'Levels' })]);
    expect(await kinds(highlights)).toEqual([]);
    expect(await kinds(off)).toEqual([]);
    expect(await kinds(admin)).toEqual([]);

    expect((await admin.post(`/api/v1/posts/${plain}/pin`)).status).toBe(200);
    expect(await kinds(all)).toEqual(['post_pinned', 'group_post']);
    expect(await kinds(highlights)).toEqual(['post_pinned']);
    expect(await kinds(off)).toEqual([]);

    const news = await post(admin, 'Big news', groupId, { important: true });
    expect((await notes(highlights))[0]).toMatchObject({ kind: 'announcement', postId: news });
    expect((await notes(all))[0]).toMatchObject({ kind: 'announcement', postId: news });
    expect(await kinds(off)).toEqual([]);
  });

  it('post approval: reviewers hear a post waits; its author hears the answer; an approved post is then told as new', async () => {
    const [admin, moderator, author, all, named] = [
      await person('Admin'),
      await person('Moderator'),
      await person('Author'),
      await person('All'),
      await person('Named'),
    ];
    const groupId = await makeGroup(admin, 'Reviewed', 'closed');
    for (const p of [moderator, author, all, named]) await addToGroup(admin, groupId, p);
    expect((await admin.patch(`/api/v1/groups/${groupId}/members/${moderator.personId}`, { role: 'moderator' })).status).toBe(200);
    expect((await admin.patch(`/api/v1/groups/${groupId}`, { postApproval: true })).status).toBe(200);
    expect((await all.put(`/api/v1/groups/${groupId}/notifications`, { level: 'all' })).status).toBe(200);
    const before = { all: await kinds(all), named: await kinds(named) };

    const waiting = await post(author, `Please approve, ${mention('Named', named.personId)}`, groupId);
    const refused = await post(author, 'And this one', groupId);
    for (const c of [admin, moderator]) {
      expect((await notes(c)).filter((x) => x.kind === 'post_pending').map((x) => x.postId)).toEqual([refused, waiting]);
    }
    expect(await kinds(all)).toEqual(before.all);
    expect(await kinds(named)).toEqual(before.named);

    expect((await moderator.post(`/api/v1/posts/${waiting}/approve`)).status).toBe(200);
    expect((await admin.post(`/api/v1/posts/${refused}/decline`)).status).toBe(204);
    const toAuthor = (await notes(author)).filter((x) => x.kind.startsWith('post_'));
    expect(toAuthor.map((x) => [x.kind, x.postId, x.actors[0]?.id])).toEqual([
      ['post_declined', refused, admin.personId],
      ['post_approved', waiting, moderator.personId],
    ]);
    // Told as the author's new post; the declined one's pending line is gone for the reviewers.
    expect((await notes(all))[0]).toMatchObject({ kind: 'group_post', postId: waiting, actors: [{ id: author.personId }] });
    expect((await notes(named))[0]).toMatchObject({ kind: 'mention_post', postId: waiting, actors: [{ id: author.personId }] });
    expect((await notes(moderator)).filter((x) => x.kind === 'post_pending').map((x) => x.postId)).toEqual([waiting]);
  });

  it('an excerpt is the rendered text in one line, at most 140 characters', async () => {
    const [anna, bob] = [await person('Anna'), await person('Bob')];
    const long = `**Bold** & <tags> _here_\n\n${'word '.repeat(60)}`;
    await post(anna, `${mention('Bob', bob.personId)} ${long}`);
    const [row] = await notes(bob);
    expect(row?.excerpt).toMatch(/^@Bob \d+ Bold & <tags> here word word/);
    expect([...(row?.excerpt ?? '')].length).toBeLessThanOrEqual(140);
    expect(row?.excerpt?.endsWith('…')).toBe(true);
  });

  it('mark read and all read update the badge and reach the person’s other device over realtime', async () => {
    const [anna, bob] = [await person('Anna'), await person('Bob')];
    const laptop = bob;
    const phone = await anotherSession(bob, bob.email);
    const [onLaptop, onPhone, onAnna] = [await connect(laptop), await connect(phone), await connect(anna)];
    const postId = await post(bob, 'Bob’s post');
    await anna.put(`/api/v1/posts/${postId}/reaction`, { kind: 'like' });
    const created = (f: { type?: string }) => f.type === 'notification.created';
    const [a, b] = await Promise.all([onLaptop.waitFor(created), onPhone.waitFor(created)]);
    expect(a.payload).toEqual({ notificationId: expect.any(String), unreadCount: 1 });
    expect(b.payload).toEqual(a.payload);
    await post(anna, `Hi ${mention('Bob', bob.personId)}`);
    await onPhone.waitFor((f) => created(f) && f.payload.unreadCount === 2);

    const reactionNote = a.payload.notificationId as string;
    expect((await laptop.post(`/api/v1/notifications/${reactionNote}/read`)).body).toEqual({ unreadCount: 1 });
    const readOne = await onPhone.waitFor((f) => f.type === 'notifications.read');
    expect(readOne.payload).toEqual({ ids: [reactionNote], all: false, unreadCount: 1 });
    expect(await unread(phone)).toBe(1);

    // The reaction row was read, so the next reaction starts a new one; the one after updates it.
    const carl = await person('Carl');
    await carl.put(`/api/v1/posts/${postId}/reaction`, { kind: 'love' });
    await onLaptop.waitFor((f) => created(f) && f.payload.unreadCount === 2);
    const updated = (f: { type?: string }) => f.type === 'notification.updated';
    const dora = await person('Dora');
    await dora.put(`/api/v1/posts/${postId}/reaction`, { kind: 'wow' });
    expect((await onPhone.waitFor(updated)).payload).toMatchObject({ unreadCount: 2 });

    expect((await phone.post('/api/v1/notifications/read-all')).body).toEqual({ unreadCount: 0 });
    const all = await onLaptop.waitFor((f) => f.type === 'notifications.read' && f.payload.all === true);
    expect(all.payload).toEqual({ ids: [], all: true, unreadCount: 0 });
    expect(await unread(laptop)).toBe(0);
    expect(await notes(laptop, '&unread=true')).toEqual([]);
    expect((await notes(laptop)).every((x) => x.read)).toBe(true);
    // Anna heard nothing of Bob's badge: her first notification event is her own, when Bob mentions her.
    await post(bob, `Thanks ${mention('Anna', anna.personId)}`);
    await onAnna.waitFor(created);
    expect(
      onAnna
        .events()
        .filter((f) => f.type?.startsWith('notification'))
        .map((f) => f.payload.unreadCount),
    ).toEqual([1]);
    for (const s of [onLaptop, onPhone, onAnna]) s.close();
  });
});
