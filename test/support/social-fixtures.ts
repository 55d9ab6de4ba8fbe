import { expect } from 'vitest';
import type { Client, LiveSocket, Res } from './client.js';
import { expectProblem } from './http.js';
import { notes } from './notifications.js';
import { comparable, NEVER_USED_ID, type Person } from './post-fixtures.js';
import { connect, refusedUpgrade } from './realtime.js';
import type { TestServer } from './server.js';
import { download, png, upload } from './uploads.js';

/**
 * A group post carrying everything social at once (a poll with a vote, an event with an answer, an
 * announcement marked seen, a comment, a reaction, a photo), and the probes that ask, path by path,
 * what one viewer gets of it. Shared by the visibility matrix and the revocation suites.
 */

export interface RichPost {
  groupId: string;
  postId: string;
  /** The poll's two options. */
  optionIds: [string, string];
  fileUrl: string;
}

const STARTS_AT = new Date(Date.now() + 14 * 86_400_000).toISOString();

/**
 * `author` (the group's admin) writes the post; `member` votes, answers, marks it seen, comments and
 * reacts. Both must already be in the group.
 */
export async function writeRichPost(author: Client, member: Client, groupId: string): Promise<RichPost> {
  const photo = await upload(author, await png(40, 20), 'team.png', 'image/png');
  expect(photo.status).toBe(201);
  const created = await author.post('/api/v1/posts', {
    body: 'Offsite: vote, answer and read me',
    groupId,
    important: true,
    poll: { options: ['Lisbon', 'Oslo'] },
    event: { title: 'Offsite', startsAt: STARTS_AT },
    attachmentIds: [photo.body.id],
  });
  expect(created.status).toBe(201);
  const postId = created.body.id as string;
  const optionIds = created.body.poll.options.map((o: { id: string }) => o.id) as [string, string];
  expect((await member.put(`/api/v1/posts/${postId}/votes`, { optionIds: [optionIds[0]] })).status).toBe(200);
  expect((await member.put(`/api/v1/posts/${postId}/rsvp`, { answer: 'going' })).status).toBe(200);
  expect((await member.put(`/api/v1/posts/${postId}/seen`)).status).toBe(200);
  expect((await member.post(`/api/v1/posts/${postId}/comments`, { body: 'Lisbon!' })).status).toBe(201);
  expect((await member.put(`/api/v1/posts/${postId}/reaction`, { kind: 'like' })).status).toBe(200);
  return { groupId, postId, optionIds, fileUrl: photo.body.url as string };
}

/** Asserts `res` has `status`; a 404 must be the very answer an id never used gets at the same place. */
export async function expectAnswer(res: Res, status: number, again: (id: string) => Promise<Res>, label: string): Promise<void> {
  expect(res.status, label).toBe(status);
  if (status === 401) expectProblem(res, 401, 'unauthenticated');
  if (status === 403) expectProblem(res, 403, 'forbidden');
  if (status === 404) {
    expectProblem(res, 404, 'not_found');
    expect(comparable(res), label).toEqual(comparable(await again(NEVER_USED_ID)));
  }
}

/** The file download as the viewer: 200 with the bytes, or a problem identical to a never-used file id's. */
export async function expectDownload(t: TestServer, c: Client, url: string, status: number, label: string): Promise<void> {
  if (status === 200) {
    const res = await download(t, c, url);
    expect(res.status, label).toBe(200);
    expect(res.bytes.length, label).toBeGreaterThan(0);
    return;
  }
  await expectAnswer(await c.get(url), status, (id) => c.get(withFileId(url, id)), label);
}

/** The same file URL with another file id in it (to ask for one never used). */
export function withFileId(url: string, id: string): string {
  const fileId = url.split('/').find((part) => /^[0-9a-f]{8}-/.test(part));
  if (!fileId) throw new Error(`no file id in ${url}`);
  return url.replace(fileId, id);
}

/** Whether the post is in the viewer's home feed (every page), or the status when the feed refuses. */
export async function inHomeFeed(c: Client, postId: string): Promise<boolean | number> {
  let cursor: string | null = null;
  do {
    const res = await c.get(`/api/v1/feed?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (res.status !== 200) return res.status;
    if ((res.body.items as Array<{ post: { id: string } }>).some((i) => i.post.id === postId)) return true;
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return false;
}

/** Whether the post is in the author's profile activity as the viewer sees it, or the refusal's status. */
export async function inProfileActivity(c: Client, authorId: string, postId: string): Promise<boolean | number> {
  const res = await c.get(`/api/v1/people/${authorId}/posts?limit=100`);
  if (res.status !== 200) {
    await expectAnswer(res, res.status, (id) => c.get(`/api/v1/people/${id}/posts?limit=100`), 'profile activity');
    return res.status;
  }
  return (res.body.items as Array<{ id: string }>).some((p) => p.id === postId);
}

/** Whether any of the viewer's notifications is about the post, or the refusal's status. */
export async function notifiedOf(c: Client, postId: string, kind?: string): Promise<boolean | number> {
  const res = await c.get('/api/v1/notifications?limit=1');
  if (res.status !== 200) return res.status;
  return (await notes(c)).some((n) => n.postId === postId && (kind === undefined || n.kind === kind));
}

/** The viewer's socket, or the status its upgrade was refused with (a signed-out person has none). */
export async function liveOrRefused(c: Client): Promise<LiveSocket | number> {
  const session = await c.get('/api/v1/auth/session');
  if (session.status !== 200) return refusedUpgrade(c);
  return connect(c);
}

let markers = 0;

/**
 * What the socket heard about the post: 'comment' (post.counts), 'vote' and 'rsvp' (post.tally), any other event by its type. The viewer then changes their
 * own profile: that event comes after whatever the earlier changes sent them, so once it is in,
 * anything not received was never sent (no waiting on a clock). `fromEvent` skips the events the
 * socket had before.
 */
export async function heardOf(c: Client, live: LiveSocket, postId: string, fromEvent = 0): Promise<string[]> {
  const title = `marker ${++markers}`;
  expect((await c.patch('/api/v1/me', { title })).status).toBe(200);
  await live.waitFor((f) => f.type === 'person.updated' && f.payload.person.title === title);
  const heard = live
    .events()
    .slice(fromEvent)
    .filter((f) => f.payload?.postId === postId)
    .map((f) => (f.type === 'post.counts' ? 'comment' : f.type === 'post.tally' ? (f.payload.poll ? 'vote' : 'rsvp') : String(f.type)));
  return [...new Set(heard)].sort();
}

export type { Person };
