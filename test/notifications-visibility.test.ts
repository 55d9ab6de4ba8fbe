import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, LiveSocket, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { addToGroup, comment, kinds, makeGroup, mention, notes, post, unread } from './support/notifications.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * Nothing is sent about anything the recipient may not see: checked when a notification would be
 * written (no row, no event), and again when the list, the badge or mark-as-read is read.
 */

type Person = Client & { personId: string; email: string };
const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';

function expectSameNotFound(hidden: Res, never: Res): void {
  expectProblem(hidden, 404, 'not_found');
  expectProblem(never, 404, 'not_found');
  expect({ ...hidden.body, requestId: 0, instance: 0 }).toEqual({ ...never.body, requestId: 0, instance: 0 });
}

const notificationEvents = (live: LiveSocket) => live.events().filter((f) => f.type?.startsWith('notification'));

describe.each(DIALECTS)('notification visibility on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let n = 0;
  const person = (name: string, role?: 'guest'): Promise<Person> => addPerson(t, acme, { name: `${name} ${++n}`, role });

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    other = await signUpCompany(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  /**
   * Runs `hidden` (which must tell `outsider` nothing), then a visible mention as a marker: the
   * marker's event is the first and only notification event the outsider's socket receives.
   */
  async function expectToldNothing(outsider: Person, marker: Person, hidden: () => Promise<void>): Promise<void> {
    const [kindsBefore, unreadBefore] = [await kinds(outsider), await unread(outsider)];
    const live = await connect(outsider);
    await hidden();
    await post(marker, `Marker for ${mention('Outsider', outsider.personId)}`);
    await live.waitFor((f) => f.type === 'notification.created');
    expect(notificationEvents(live).map((f) => f.payload.unreadCount)).toEqual([unreadBefore + 1]);
    expect(await kinds(outsider)).toEqual(['mention_post', ...kindsBefore]);
    expect(await unread(outsider)).toBe(unreadBefore + 1);
    live.close();
  }

  for (const visibility of ['closed', 'secret'] as const) {
    it(`a ${visibility} group: mentions, comments and reactions tell nobody outside it, not even that they exist`, async () => {
      const [admin, member, outsider] = [await person('Admin'), await person('Member'), await person('Outsider')];
      const groupId = await makeGroup(admin, `Inner ${visibility}`, visibility);
      await addToGroup(admin, groupId, member);
      await expectToldNothing(outsider, member, async () => {
        const postId = await post(admin, `Secret plans, ${mention('Outsider', outsider.personId)}`, groupId);
        await comment(member, postId, `Also ${mention('Outsider', outsider.personId)}`);
        expect((await admin.patch(`/api/v1/posts/${postId}`, { body: `Edited, ${mention('Outsider', outsider.personId)}` })).status).toBe(
          200,
        );
      });
      // Inside, the post's author heard of the comment as usual.
      expect(await kinds(admin)).toEqual(['comment']);
    });
  }

  it('a guest who is not a member of an open group hears nothing of it', async () => {
    const [admin, guest] = [await person('Admin'), await person('Guest', 'guest')];
    const groupId = await makeGroup(admin, 'Open house', 'open');
    const live = await connect(guest);
    await post(admin, `Hello ${mention('Guest', guest.personId)}`, groupId);
    // The marker: an invitation the guest may see.
    const other = await makeGroup(admin, 'Guests welcome', 'closed');
    expect((await admin.post(`/api/v1/groups/${other}/invitations`, { personIds: [guest.personId] })).status).toBe(201);
    await live.waitFor((f) => f.type === 'notification.created');
    expect(notificationEvents(live)).toHaveLength(1);
    expect(await kinds(guest)).toEqual(['group_invite']);
    live.close();
  });

  it('removal from a group hides the earlier notifications about its posts, and nothing new arrives', async () => {
    const [admin, member, friend] = [await person('Admin'), await person('Member'), await person('Friend')];
    const groupId = await makeGroup(admin, 'Project X', 'closed');
    await addToGroup(admin, groupId, member);
    expect((await member.put(`/api/v1/groups/${groupId}/notifications`, { level: 'all' })).status).toBe(200);
    const postId = await post(admin, `Kick-off ${mention('Member', member.personId)}`, groupId);
    const second = await post(admin, 'Second post', groupId);
    const memberComment = await comment(member, second, 'I follow this now');
    await admin.put(`/api/v1/comments/${memberComment}/reaction`, { kind: 'like' });
    const before = await notes(member);
    expect(before.map((x) => [x.kind, x.postId])).toEqual([
      ['reaction_comment', second],
      ['group_post', second],
      ['mention_post', postId],
      ['group_invite', null],
    ]);
    expect(before.map((x) => x.groupName)).toEqual(['Project X', 'Project X', 'Project X', 'Project X']);
    // A notification of a profile post stays.
    await post(friend, `Lunch? ${mention('Member', member.personId)}`);
    expect(await unread(member)).toBe(5);

    expect((await admin.delete(`/api/v1/groups/${groupId}/members/${member.personId}`)).status).toBe(204);
    const after = await notes(member);
    // The invitation stays: a closed group is still found by the company, and the line names only the group.
    expect(after.map((x) => x.kind)).toEqual(['mention_post', 'group_invite']);
    expect(await unread(member)).toBe(2);
    const hiddenId = before.find((x) => x.kind === 'group_post')?.id ?? '';
    expectSameNotFound(
      await member.post(`/api/v1/notifications/${hiddenId}/read`),
      await member.post(`/api/v1/notifications/${NEVER_USED_ID}/read`),
    );

    await expectToldNothing(member, friend, async () => {
      await post(admin, `After you left ${mention('Member', member.personId)}`, groupId);
      await comment(admin, second, 'A comment on the post you followed');
      await comment(admin, second, 'And a reply to you', memberComment);
      await admin.put(`/api/v1/comments/${memberComment}/reaction`, { kind: 'love' });
    });
    // Read-all marks the hidden ones read too, so coming back to the group brings back no stale badge.
    expect((await member.post('/api/v1/notifications/read-all')).body).toEqual({ unreadCount: 0 });
    await addToGroup(admin, groupId, member);
    expect(await unread(member)).toBe(1);
    expect((await notes(member, '&unread=true')).map((x) => x.kind)).toEqual(['group_invite']);
  });

  it('a deleted post or comment takes its notifications with it', async () => {
    const [anna, bob] = [await person('Anna'), await person('Bob')];
    const postId = await post(anna, `Soon gone ${mention('Bob', bob.personId)}`);
    const keep = await post(anna, 'Stays');
    const commentId = await comment(anna, keep, `Soon gone too ${mention('Bob', bob.personId)}`);
    expect(await kinds(bob)).toEqual(['mention_comment', 'mention_post']);
    expect((await anna.delete(`/api/v1/posts/${postId}`)).status).toBe(204);
    expect((await anna.delete(`/api/v1/comments/${commentId}`)).status).toBe(204);
    expect(await kinds(bob)).toEqual([]);
    expect(await unread(bob)).toBe(0);
  });

  it('another company sees none of them: its ids are unknown here, ours unknown there', async () => {
    const [anna, bob] = [await person('Anna'), await person('Bob')];
    await post(anna, `Hi ${mention('Bob', bob.personId)}`);
    const [mine] = await notes(bob);
    const theirsPerson = await addPerson(t, other, { name: 'Zed' });
    await post(other.owner, `Hi ${mention('Zed', theirsPerson.personId)}`);
    const [theirs] = await notes(theirsPerson);
    expectSameNotFound(
      await other.owner.post(`/api/v1/notifications/${mine?.id}/read`),
      await other.owner.post(`/api/v1/notifications/${NEVER_USED_ID}/read`),
    );
    expectSameNotFound(
      await bob.post(`/api/v1/notifications/${theirs?.id}/read`),
      await bob.post(`/api/v1/notifications/${NEVER_USED_ID}/read`),
    );
    // Mentioning someone of another company is plain text: nobody is told.
    await post(anna, `Hello ${mention('Zed', theirsPerson.personId)}`);
    expect(await kinds(theirsPerson)).toEqual(['mention_post']);
    expect((await notes(bob))[0]?.read).toBe(false);
  });
});
