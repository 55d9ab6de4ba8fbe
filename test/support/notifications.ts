import type { Client } from './client.js';

/** Notification helpers shared by the notification suites. */

export interface Note {
  id: string;
  kind: string;
  actors: Array<{ id: string; displayName: string; photoUrl: string | null }>;
  actorCount: number;
  postId: string | null;
  commentId: string | null;
  groupId: string | null;
  groupName: string | null;
  excerpt: string | null;
  read: boolean;
}

/** Every notification of the person (all pages), newest first. */
export async function notes(c: Client, query = ''): Promise<Note[]> {
  const out: Note[] = [];
  let cursor: string | null = null;
  do {
    const res = await c.get(`/api/v1/notifications?limit=100${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (res.status !== 200) throw new Error(`notifications failed: ${res.status} ${JSON.stringify(res.body)}`);
    out.push(...(res.body.items as Note[]));
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return out;
}

/** [kind, postId-or-groupId] pairs: what arrived, compactly. */
export const kinds = async (c: Client): Promise<string[]> => (await notes(c)).map((n) => n.kind);

export async function unread(c: Client): Promise<number> {
  const res = await c.get('/api/v1/notifications/unread-count');
  if (res.status !== 200) throw new Error(`unread-count failed: ${res.status}`);
  return res.body.unreadCount as number;
}

/** The Markdown of a mention. */
export const mention = (name: string, id: string): string => `@[${name}](person:${id})`;

/** Creates a group and returns its id. */
export async function makeGroup(owner: Client, name: string, visibility: 'open' | 'closed' | 'secret'): Promise<string> {
  const res = await owner.post('/api/v1/groups', { name, visibility });
  if (res.status !== 201) throw new Error(`group failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Invites and accepts: a member of any group. */
export async function addToGroup(admin: Client, groupId: string, person: Client & { personId: string }): Promise<void> {
  const invited = await admin.post(`/api/v1/groups/${groupId}/invitations`, { personIds: [person.personId] });
  if (invited.status !== 201 && invited.status !== 200) throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const accepted = await person.post(`/api/v1/groups/${groupId}/invitations/accept`);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
}

export async function post(c: Client, body: string, groupId?: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await c.post('/api/v1/posts', { body, ...(groupId ? { groupId } : {}), ...extra });
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function comment(c: Client, postId: string, body: string, parentId?: string): Promise<string> {
  const res = await c.post(`/api/v1/posts/${postId}/comments`, { body, ...(parentId ? { parentId } : {}) });
  if (res.status !== 201) throw new Error(`comment failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
