import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, LiveSocket } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { mention } from './support/notifications.js';
import { addTo, newGroup, type Person } from './support/post-fixtures.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';
import {
  expectAnswer,
  heardOf,
  inHomeFeed,
  inProfileActivity,
  notifiedOf,
  withFileId,
  writeRichPost,
  type RichPost,
} from './support/social-fixtures.js';

/**
 * Losing access is immediate: a person removed from a group, or everyone outside a group that turns
 * secret, gets on the very next request, on every path, exactly what a stranger gets, and their open
 * socket hears nothing more of the group's posts.
 */

/** What one viewer gets of a post, path by path (each 404 checked identical to a never-used id's). */
interface Outcome {
  post: number;
  voters: number;
  rsvps: number;
  seenBy: number;
  file: number;
  feed: boolean | number;
  profile: boolean | number;
  notified: boolean | number;
}

const STRANGER: Outcome = { post: 404, voters: 404, rsvps: 404, seenBy: 404, file: 404, feed: false, profile: false, notified: false };

describe.each(DIALECTS)('losing access to a group’s posts on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let author: Person;
  let member: Person;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    author = await addPerson(t, acme, { name: 'Grace Groupadmin' });
    member = await addPerson(t, acme, { name: 'Mo Member' });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function outcome(c: Client, p: RichPost): Promise<Outcome> {
    /** The status at `url`; a 404 must equal the one at `urlFor(a never-used id)`. */
    const probe = async (url: string, urlFor: (id: string) => string, label: string) => {
      const res = await c.get(url);
      await expectAnswer(res, res.status, (id) => c.get(urlFor(id)), label);
      return res.status;
    };
    const postPath = (suffix: string) => (id: string) => `/api/v1/posts/${id}${suffix}`;
    const paths = { post: postPath(''), voters: postPath('/poll/voters'), rsvps: postPath('/rsvps'), seenBy: postPath('/seen-by') };
    return {
      post: await probe(paths.post(p.postId), paths.post, 'post'),
      voters: await probe(paths.voters(p.postId), paths.voters, 'voters'),
      rsvps: await probe(paths.rsvps(p.postId), paths.rsvps, 'rsvps'),
      seenBy: await probe(paths.seenBy(p.postId), paths.seenBy, 'seen-by'),
      file: await probe(p.fileUrl, (id) => withFileId(p.fileUrl, id), 'file'),
      feed: await inHomeFeed(c, p.postId),
      profile: await inProfileActivity(c, author.personId, p.postId),
      notified: await notifiedOf(c, p.postId),
    };
  }

  /** Someone in the company who follows the author (so the follow path is tried) and is in no group. */
  async function follower(name: string): Promise<Person> {
    const p = await addPerson(t, acme, { name });
    expect((await p.post(`/api/v1/people/${author.personId}/follow`)).status).toBe(200);
    return p;
  }

  /** A new comment, vote and answer on the post; then what the socket heard of them since `from`. */
  async function activity(p: RichPost, viewer: Client, live: LiveSocket, turn: number): Promise<string[]> {
    const from = live.events().length;
    expect((await member.post(`/api/v1/posts/${p.postId}/comments`, { body: `Turn ${turn}` })).status).toBe(201);
    expect((await member.put(`/api/v1/posts/${p.postId}/votes`, { optionIds: [p.optionIds[turn % 2]] })).status).toBe(200);
    expect((await member.put(`/api/v1/posts/${p.postId}/rsvp`, { answer: turn % 2 ? 'maybe' : 'going' })).status).toBe(200);
    return heardOf(viewer, live, p.postId, from);
  }

  it('a member removed from a closed group is a stranger to it on the very next request', async () => {
    const groupId = await newGroup(author, 'closed');
    const leaver = await follower('Lee Leaver');
    const stranger = await follower('Stan Stranger');
    await addTo(author, groupId, member, leaver);
    const p = await writeRichPost(author, member, groupId);
    expect((await author.post(`/api/v1/posts/${p.postId}/comments`, { body: `Ping ${mention('Lee', leaver.personId)}` })).status).toBe(201);
    const live = await connect(leaver);

    expect(await outcome(leaver, p)).toEqual({
      ...STRANGER,
      post: 200,
      voters: 200,
      rsvps: 200,
      seenBy: 403,
      file: 200,
      feed: true,
      profile: true,
      notified: true,
    });
    expect(await activity(p, leaver, live, 1)).toEqual(['comment', 'rsvp', 'vote']);

    expect((await author.delete(`/api/v1/groups/${groupId}/members/${leaver.personId}`)).status).toBe(204);
    expect(await outcome(leaver, p)).toEqual(STRANGER);
    expect(await outcome(stranger, p)).toEqual(STRANGER);
    expect(await activity(p, leaver, live, 2)).toEqual([]);
    live.close();
  });

  it('a group turned from open to secret is closed to everyone outside it on the very next request', async () => {
    const groupId = await newGroup(author, 'open');
    await addTo(author, groupId, member);
    const bystander = await follower('Bea Bystander');
    const p = await writeRichPost(author, member, groupId);
    expect((await author.post(`/api/v1/posts/${p.postId}/comments`, { body: `Ping ${mention('Bea', bystander.personId)}` })).status).toBe(
      201,
    );
    const live = await connect(bystander);

    // In an open group a follower of the author reads everything but who has seen the announcement.
    expect(await outcome(bystander, p)).toEqual({
      post: 200,
      voters: 200,
      rsvps: 200,
      seenBy: 403,
      file: 200,
      feed: true,
      profile: true,
      notified: true,
    });
    expect(await activity(p, bystander, live, 1)).toEqual(['comment', 'rsvp', 'vote']);

    expect((await author.patch(`/api/v1/groups/${groupId}`, { visibility: 'secret' })).status).toBe(200);
    expect(await outcome(bystander, p)).toEqual(STRANGER);
    // A newcomer who never saw the group gets exactly the same.
    expect(await outcome(await follower('Nel Newcomer'), p)).toEqual(STRANGER);
    expect(await activity(p, bystander, live, 2)).toEqual([]);
    // Its members lose nothing.
    expect(await outcome(member, p)).toMatchObject({ post: 200, voters: 200, rsvps: 200, file: 200, feed: true, profile: true });
    live.close();
  });
});
