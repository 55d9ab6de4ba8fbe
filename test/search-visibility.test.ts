import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { groupChat, send } from './support/conversations.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany } from './support/factories.js';
import { addTo, newGroup } from './support/post-fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * The search leak matrix: every role × every kind of thing (posts, comments and group names in open,
 * closed and secret groups, a profile post, a chat message) × the ways to search (results, a type
 * filter, a group filter, typeahead). Each thing carries a word of its own; a role finds it
 * exactly when the product's rules let that role see it (PRODUCT.md's table), never otherwise.
 */
const ROLES = [
  'owner',
  'admin',
  'group member',
  'non-member',
  'guest member',
  'guest non-member',
  'chat participant',
  'other company',
  'deactivated',
] as const;
type Role = (typeof ROLES)[number];
const VIS = ['open', 'closed', 'secret'] as const;

describe.each(DIALECTS)('search leak matrix on %s', (dialect) => {
  let t: TestServer;
  const who = {} as Record<Role, Client>;
  /** word → what it names, and which roles may find it. */
  const things: Array<{ word: string; kind: string; groupId?: string; mayFind: Set<Role> }> = [];

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    const acme = await signUpCompany(t);
    const other = await signUpCompany(t);
    who.owner = acme.owner;
    who.admin = await addPerson(t, acme, { role: 'admin' });
    const member = await addPerson(t, acme);
    const guest = await addPerson(t, acme, { role: 'guest' });
    who['group member'] = member;
    who['non-member'] = await addPerson(t, acme);
    who['guest member'] = guest;
    who['guest non-member'] = await addPerson(t, acme, { role: 'guest' });
    const participant = await addPerson(t, acme);
    who['chat participant'] = participant;
    who['other company'] = other.owner;
    const leaving = await addPerson(t, acme);
    who.deactivated = leaving;
    // Whoever is not a member of the groups is not a participant of the chat either.
    const everyoneIn: Role[] = ['owner', 'group member', 'guest member'];
    const colleagues: Role[] = ['owner', 'admin', 'group member', 'non-member', 'chat participant'];

    for (const vis of VIS) {
      const g = await newGroup(acme.owner, vis);
      await addTo(acme.owner, g, member, guest, leaving);
      const p = await acme.owner.post('/api/v1/posts', { body: `post${vis}word`, groupId: g });
      expect(p.status).toBe(201);
      const c = await member.post(`/api/v1/posts/${p.body.id as string}/comments`, { body: `comment${vis}word` });
      expect(c.status).toBe(201);
      const readers = new Set<Role>(vis === 'open' ? [...colleagues, 'guest member'] : everyoneIn);
      things.push({ word: `post${vis}word`, kind: 'post', groupId: g, mayFind: readers });
      things.push({ word: `comment${vis}word`, kind: 'comment', groupId: g, mayFind: readers });
      // Group names: open and closed groups are found by every colleague; secret ones by members.
      const named = await acme.owner.patch(`/api/v1/groups/${g}`, { name: `Group ${vis}name` });
      expect(named.status).toBe(200);
      things.push({ word: `${vis}name`, kind: 'group', mayFind: new Set(vis === 'secret' ? everyoneIn : [...colleagues, 'guest member']) });
    }
    const profile = await member.post('/api/v1/posts', { body: 'profilepostword' });
    expect(profile.status).toBe(201);
    things.push({ word: 'profilepostword', kind: 'post', mayFind: new Set(colleagues) });
    const chat = await groupChat(acme.owner, [participant, leaving], 'Matrix chat');
    await send(acme.owner, chat, 'chatmessageword');
    things.push({ word: 'chatmessageword', kind: 'message', mayFind: new Set<Role>(['owner', 'chat participant']) });

    // The leaver was in every group and in the chat; deactivated now, they find nothing at all.
    expect((await acme.owner.post(`/api/v1/admin/people/${leaving.personId}/deactivate`)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(ROLES)('%s finds exactly what they may see, by every way of searching', async (role) => {
    const c = who[role];
    const wrong: string[] = [];
    for (const thing of things) {
      const may = thing.mayFind.has(role);
      const res = await c.get(`/api/v1/search?q=${thing.word}`);
      if (role === 'deactivated') {
        if (res.status !== 401) wrong.push(`${thing.word}: ${res.status}, not 401`);
        continue;
      }
      const ids = (res.body.items as Array<{ kind: string }>).filter((i) => i.kind === thing.kind);
      if (ids.length !== (may ? 1 : 0)) wrong.push(`${thing.word}: found ${ids.length}, may ${may}`);
      // The same through a type filter and, for a group's things, a group filter.
      const typed = await c.get(`/api/v1/search?q=${thing.word}&type=${thing.kind}`);
      if ((typed.body.items as unknown[]).length !== (may ? 1 : 0))
        wrong.push(`${thing.word} (type): ${(typed.body.items as unknown[]).length}`);
      if (thing.groupId) {
        const inGroup = await c.get(`/api/v1/search?q=${thing.word}&group=${thing.groupId}`);
        if ((inGroup.body.items as unknown[]).length !== (may ? 1 : 0))
          wrong.push(`${thing.word} (group): ${(inGroup.body.items as unknown[]).length}`);
      }
      if (thing.kind === 'group') {
        const suggested = await c.get(`/api/v1/search/typeahead?q=${thing.word}`);
        if ((suggested.body.groups as unknown[]).length !== (may ? 1 : 0))
          wrong.push(`${thing.word} (typeahead): ${(suggested.body.groups as unknown[]).length}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
