import { expect } from 'vitest';
import type { Client, Res } from './client.js';
import { expectProblem } from './http.js';

/** Groups, members and "looks exactly like an unknown id" checks for the posts suites. */

export type Person = Client & { personId: string; email: string };
export const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';

export async function newGroup(
  c: Client,
  visibility: 'open' | 'closed' | 'secret',
  settings: Record<string, unknown> = {},
): Promise<string> {
  const g = await c.post('/api/v1/groups', { name: `G ${Math.random()}`, visibility });
  expect(g.status).toBe(201);
  if (Object.keys(settings).length > 0) expect((await c.patch(`/api/v1/groups/${g.body.id}`, settings)).status).toBe(200);
  return g.body.id as string;
}

/** A post on one's profile, or in a group; its id. */
export async function postId(c: Client, body: string, groupId?: string): Promise<string> {
  const res = await c.post('/api/v1/posts', groupId ? { body, groupId } : { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** The group admin invites; each person accepts. */
export async function addTo(admin: Client, groupId: string, ...people: Person[]): Promise<void> {
  expect((await admin.post(`/api/v1/groups/${groupId}/invitations`, { personIds: people.map((p) => p.personId) })).status).toBe(201);
  for (const p of people) expect((await p.post(`/api/v1/groups/${groupId}/invitations/accept`)).status).toBe(200);
}

/** A problem body without what differs per request. */
export function comparable(res: Res): Record<string, unknown> {
  const { requestId, instance, ...rest } = res.body as Record<string, unknown>;
  void requestId;
  void instance;
  return rest;
}

/**
 * Asserts a 404 identical to the one for an id never used: `call` is made with the real id and
 * with NEVER_USED_ID, in the same place of the path.
 */
export async function expectUnknown(call: (id: string) => Promise<Res>, id: string): Promise<void> {
  const res = await call(id);
  expectProblem(res, 404, 'not_found');
  expect(comparable(res)).toEqual(comparable(await call(NEVER_USED_ID)));
}
