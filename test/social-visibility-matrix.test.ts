import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany } from './support/factories.js';
import { mention } from './support/notifications.js';
import { addTo, newGroup, type Person } from './support/post-fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';
import {
  expectAnswer,
  expectDownload,
  heardOf,
  inHomeFeed,
  inProfileActivity,
  liveOrRefused,
  notifiedOf,
  writeRichPost,
  type RichPost,
} from './support/social-fixtures.js';

/**
 * The social visibility matrix: every role × group visibility × way to reach a post and what hangs
 * on it (poll results and voters, event answers, who has seen an announcement, its photo), through
 * every path (by id, lists, home feed, profile activity, notifications, realtime, file download).
 * Every role follows the post's author, so the follow path is tried too. What a viewer may not see
 * answers exactly like an id that was never used.
 */

const VISIBILITIES = ['open', 'closed', 'secret'] as const;
type Visibility = (typeof VISIBILITIES)[number];
const ROLES = [
  'company owner, not member',
  'company admin, not member',
  'group admin',
  'group member',
  'non-member',
  'guest member',
  'guest non-member',
  'another company (its owner)',
  'deactivated member',
] as const;
type Role = (typeof ROLES)[number];

interface Cell {
  /** GET the post (its poll results, event counts and seen count inside), its voters, its answers. */
  post: number;
  voters: number;
  rsvps: number;
  /** Who has seen the announcement: its author and the group's admins and moderators only. */
  seenBy: number;
  file: number;
  /** In the home feed (a member, or a follower of the author who may see the post). */
  feed: boolean | 401;
  /** In the author's profile activity (404: the author is unknown to the viewer). */
  profile: boolean | 401 | 404;
  /** Mentioned in a new comment: a notification arrives. */
  mentioned: boolean | 401;
  /** What the open socket hears of a new comment, vote and answer (401: no socket for the signed out). */
  live: string[] | 401;
}

const EVERYTHING = ['comment', 'rsvp', 'vote'];
const READER: Cell = {
  post: 200,
  voters: 200,
  rsvps: 200,
  seenBy: 403,
  file: 200,
  feed: true,
  profile: true,
  mentioned: true,
  live: EVERYTHING,
};
const GROUP_ADMIN: Cell = { ...READER, seenBy: 200 };
const GUEST_MEMBER: Cell = { ...READER, profile: 404 };
const NOTHING: Cell = {
  post: 404,
  voters: 404,
  rsvps: 404,
  seenBy: 404,
  file: 404,
  feed: false,
  profile: false,
  mentioned: false,
  live: [],
};
const UNKNOWN: Cell = { ...NOTHING, profile: 404 };
const SIGNED_OUT: Cell = { post: 401, voters: 401, rsvps: 401, seenBy: 401, file: 401, feed: 401, profile: 401, mentioned: 401, live: 401 };
const OPEN_ONLY = { open: READER, closed: NOTHING, secret: NOTHING };
const MATRIX: Record<Role, Record<Visibility, Cell>> = {
  // Company admins get no view into closed or secret groups: they are not members.
  'company owner, not member': OPEN_ONLY,
  'company admin, not member': OPEN_ONLY,
  'group admin': { open: GROUP_ADMIN, closed: GROUP_ADMIN, secret: GROUP_ADMIN },
  'group member': { open: READER, closed: READER, secret: READER },
  'non-member': OPEN_ONLY,
  'guest member': { open: GUEST_MEMBER, closed: GUEST_MEMBER, secret: GUEST_MEMBER },
  'guest non-member': { open: UNKNOWN, closed: UNKNOWN, secret: UNKNOWN },
  'another company (its owner)': { open: UNKNOWN, closed: UNKNOWN, secret: UNKNOWN },
  'deactivated member': { open: SIGNED_OUT, closed: SIGNED_OUT, secret: SIGNED_OUT },
};

describe.each(DIALECTS)('social visibility matrix on %s', (dialect) => {
  let t: TestServer;
  let author: Person;
  let member: Person;
  /** A member of every group who comments, votes and answers while the matrix listens. */
  let commenter: Person;
  const who = {} as Record<Role, Client>;
  const idOf = {} as Record<Role, string>;
  const posts = {} as Record<Visibility, RichPost>;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    const acme = await signUpCompany(t);
    const other = await signUpCompany(t);
    author = await addPerson(t, acme, { name: 'Grace Groupadmin' });
    member = await addPerson(t, acme, { name: 'Mo Member' });
    commenter = await addPerson(t, acme, { name: 'Cora Commenter' });
    const guestMember = await addPerson(t, acme, { name: 'Gina Guest', role: 'guest' });
    const deactivated = await addPerson(t, acme, { name: 'Dan Departed' });
    const people: Record<Role, Client & { personId?: string }> = {
      'company owner, not member': acme.owner,
      'company admin, not member': await addPerson(t, acme, { name: 'Cal Companyadmin', role: 'admin' }),
      'group admin': author,
      'group member': member,
      'non-member': await addPerson(t, acme, { name: 'Nora Nonmember' }),
      'guest member': guestMember,
      'guest non-member': await addPerson(t, acme, { name: 'Gil Guest', role: 'guest' }),
      'another company (its owner)': other.owner,
      'deactivated member': deactivated,
    };
    for (const role of ROLES) {
      who[role] = people[role];
      idOf[role] = people[role].personId ?? people[role].session?.person.id ?? '';
      expect(idOf[role], role).not.toBe('');
    }
    for (const visibility of VISIBILITIES) {
      const groupId = await newGroup(author, visibility);
      await addTo(author, groupId, member, commenter, guestMember, deactivated);
      posts[visibility] = await writeRichPost(author, member, groupId);
    }
    // Everyone else tries to follow the author: only those who may see her get to.
    for (const role of ROLES.filter((r) => r !== 'group admin')) {
      const followed = await who[role].post(`/api/v1/people/${author.personId}/follow`);
      expect([200, 404], role).toContain(followed.status);
    }
    expect((await acme.owner.post(`/api/v1/admin/people/${deactivated.personId}/deactivate`)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const cells = ROLES.flatMap((role) => VISIBILITIES.map((visibility) => [role, visibility] as const));

  it.each(cells)('%s × %s: post, voters, answers, seen-by, file, home feed, profile activity', async (role, visibility) => {
    const cell = MATRIX[role][visibility];
    const { postId, fileUrl } = posts[visibility];
    const c = who[role];
    const label = (what: string) => `${role} × ${visibility}: ${what}`;

    const got = await c.get(`/api/v1/posts/${postId}`);
    await expectAnswer(got, cell.post, (id) => c.get(`/api/v1/posts/${id}`), label('GET post'));
    if (cell.post === 200) {
      expect(got.body.poll).toMatchObject({ voters: 1, options: [{ votes: 1 }, { votes: 0 }] });
      expect(got.body.event.counts).toEqual({ going: 1, maybe: 0, declined: 0 });
      expect(got.body.announcement).toMatchObject({ seenCount: 1 });
      expect(got.body.counts.comments).toBe(1);
    }
    // Lists of people show only those the viewer may see (a guest sees only themselves).
    const listed = (res: { body: { items: Array<{ person: { id: string } }> } }) => res.body.items.map((x) => x.person.id);
    const seesPeople = role !== 'guest member';
    const voters = await c.get(`/api/v1/posts/${postId}/poll/voters`);
    await expectAnswer(voters, cell.voters, (id) => c.get(`/api/v1/posts/${id}/poll/voters`), label('GET voters'));
    if (cell.voters === 200) expect(listed(voters)).toEqual(seesPeople ? [member.personId] : []);
    const rsvps = await c.get(`/api/v1/posts/${postId}/rsvps`);
    await expectAnswer(rsvps, cell.rsvps, (id) => c.get(`/api/v1/posts/${id}/rsvps`), label('GET rsvps'));
    if (cell.rsvps === 200) expect(listed(rsvps)).toEqual(seesPeople ? [member.personId] : []);
    const seenBy = await c.get(`/api/v1/posts/${postId}/seen-by?seen=true`);
    await expectAnswer(seenBy, cell.seenBy, (id) => c.get(`/api/v1/posts/${id}/seen-by?seen=true`), label('GET seen-by'));
    if (cell.seenBy === 200) expect(listed(seenBy)).toEqual([member.personId]);

    await expectDownload(t, c, fileUrl, cell.file, label('file'));
    expect(await inHomeFeed(c, postId), label('home feed')).toBe(cell.feed);
    expect(await inProfileActivity(c, author.personId, postId), label('profile activity')).toBe(cell.profile);
  });

  /** Per group, the commenter's next vote and answer: each differs from the last, so each is news. */
  const turns = { open: 0, closed: 0, secret: 0 };

  it.each(cells)('%s × %s: mention notification and realtime counts', async (role, visibility) => {
    const cell = MATRIX[role][visibility];
    const { postId, optionIds } = posts[visibility];
    const c = who[role];
    const label = (what: string) => `${role} × ${visibility}: ${what}`;
    const live = await liveOrRefused(c);

    const turn = turns[visibility]++;
    const said = await commenter.post(`/api/v1/posts/${postId}/comments`, { body: `See this, ${mention('You', idOf[role])}` });
    expect(said.status).toBe(201);
    expect((await commenter.put(`/api/v1/posts/${postId}/votes`, { optionIds: [optionIds[turn % 2]] })).status).toBe(200);
    expect((await commenter.put(`/api/v1/posts/${postId}/rsvp`, { answer: turn % 2 ? 'maybe' : 'going' })).status).toBe(200);

    expect(await notifiedOf(c, postId, 'mention_comment'), label('mention notification')).toBe(cell.mentioned);
    if (typeof live === 'number') {
      expect(live, label('realtime')).toBe(cell.live);
    } else {
      expect(await heardOf(c, live, postId), label('realtime')).toEqual(cell.live);
      live.close();
    }
  });
});
