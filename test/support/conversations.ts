import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { PeopleTable } from '../../server/db/schema.js';
import { newId } from '../../server/lib/ids.js';
import { foldForSearch } from '../../server/lib/text.js';
import type { Client, Frame, LiveSocket } from './client.js';
import type { TestServer } from './server.js';

/** Conversations for the chat suites: made and used through the API, as a person would. */

export type Person = Client & { personId: string; email: string };

export async function direct(a: Client, b: { personId: string }): Promise<string> {
  const res = await a.post('/api/v1/conversations', { kind: 'direct', personId: b.personId });
  expect([200, 201]).toContain(res.status);
  return res.body.id as string;
}

export async function groupChat(a: Client, people: Array<{ personId: string }>, name?: string): Promise<string> {
  const res = await a.post('/api/v1/conversations', { kind: 'group', personIds: people.map((p) => p.personId), ...(name ? { name } : {}) });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** Sends a text message; returns it (with its seq). */
export async function send(c: Client, conversationId: string, body: string): Promise<{ id: string; seq: number }> {
  const res = await c.post(`/api/v1/conversations/${conversationId}/messages`, { clientKey: randomBytes(8).toString('hex'), body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

let markers = 0;

/**
 * Every chat event the socket received since `from` about the conversation, proven complete
 * without sleeping: a marker event is made for the person afterwards, and events reach a socket
 * in order, so once the marker arrived everything before it has too.
 */
export async function chatHeard(c: Client, live: LiveSocket, conversationId: string, from = 0): Promise<Frame[]> {
  const title = `marker ${++markers}`;
  expect((await c.patch('/api/v1/me', { title })).status).toBe(200);
  await live.waitFor((f) => f.type === 'person.updated' && f.payload.person.title === title);
  return live.frames.slice(from).filter((f) => (f.kind === 'event' || f.kind === 'signal') && f.payload?.conversationId === conversationId);
}

/** Active people inserted straight into the database (set-up only: a thousand sign-ups would take minutes). */
export async function bulkPeople(t: TestServer, orgId: string, count: number, prefix = 'Bulk'): Promise<string[]> {
  const now = Date.now();
  const rows: PeopleTable[] = Array.from({ length: count }, (_, i) => {
    const name = `${prefix} ${String(i).padStart(4, '0')}`;
    return {
      id: newId(),
      org_id: orgId,
      display_name: name,
      email: null,
      email_normalized: null,
      role: 'member',
      status: 'active',
      title: null,
      department: null,
      locale: null,
      photo_file_id: null,
      search_text: foldForSearch(name),
      created_at: now,
      updated_at: now,
      location: null,
      phone: null,
      about: null,
      skills: '[]',
      manager_id: null,
      employee_id: null,
      name_key: foldForSearch(name),
      title_key: null,
      department_key: null,
      location_key: null,
      skills_key: '||',
      last_active_at: null,
      username: null,
      frontline: 0,
      terms_accepted_at: null,
      is_bot: 0,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await t.server.ctx.db
      .insertInto('people')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.map((r) => r.id);
}

/** Puts people straight into a group (set-up of a big group only). */
export async function bulkJoin(t: TestServer, orgId: string, groupId: string, personIds: string[]): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < personIds.length; i += 500)
    await t.server.ctx.db
      .insertInto('group_members')
      .values(
        personIds
          .slice(i, i + 500)
          .map((id) => ({ org_id: orgId, group_id: groupId, person_id: id, role: 'member', notify: 'all', joined_at: now })),
      )
      .execute();
}
