import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeopleTable } from '../server/db/schema.js';
import { newId } from '../server/lib/ids.js';
import { indexDocument, MAX_INDEXED_CHARS } from '../server/modules/search/index-store.js';
import { parseQuery } from '../server/modules/search/query.js';
import { rebuildSearchIndex } from '../server/modules/search/reindex.js';
import { viewerWalks, wholeWalks } from '../server/modules/search/scopes.js';
import { searchDocuments, SEARCHABLE_KINDS, visibleMatches, type SearchPosition } from '../server/modules/search/search-store.js';
import { direct, groupChat, send } from './support/conversations.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { addTo, newGroup, postId, type Person } from './support/post-fixtures.js';
import { until } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';
import { uploadId } from './support/uploads.js';

/**
 * Pages of search results (cursors, ranking windows), the order a rebuilt index keeps, and the
 * engine's narrowing by place (scopes), which must never change what a person finds.
 */
describe.each(DIALECTS)('search pages on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let pat: Person;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    pat = await addPerson(t, acme, { name: 'Pat Member' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = postId;
  const person = async (p: { personId: string }) =>
    (await t.server.ctx.db.selectFrom('people').selectAll().where('id', '=', p.personId).executeTakeFirstOrThrow()) as PeopleTable;
  const ownerOf = async (c: Company) =>
    (await t.server.ctx.db
      .selectFrom('people')
      .selectAll()
      .where('org_id', '=', c.orgId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow()) as PeopleTable;

  it('ranks the newest matches by relevance a window at a time, and pages through every one exactly once', async () => {
    const ids: string[] = [];
    // Eleven posts; every third says "walrus" three times (more relevant).
    for (let i = 0; i < 11; i++)
      ids.push(await post(acme.owner, i % 3 === 0 ? `Walrus walrus walrus ${i}` : `A walrus and some words ${i}`));
    const v = await person(pat);
    const q = parseQuery('walrus')!;
    const seen: string[] = [];
    let after: SearchPosition | undefined;
    const pages: string[][] = [];
    do {
      const { hits, next } = await searchDocuments(t.server.ctx.db, t.server.ctx.dialect, v, q, {
        kinds: SEARCHABLE_KINDS,
        sort: 'relevance',
        limit: 3,
        window: 4,
        after,
      });
      pages.push(hits.map((h) => h.refId));
      seen.push(...hits.map((h) => h.refId));
      after = next ?? undefined;
      // A new match while paging does not shift the pages after the first: the window is pinned.
      if (pages.length === 1) ids.push(await post(acme.owner, 'Walrus walrus walrus, written while paging'));
    } while (after && pages.length < 10);
    const original = ids.slice(0, 11);
    expect([...seen].sort()).toEqual([...original].sort());
    expect(new Set(seen).size).toBe(seen.length);
    // The first window is the four newest (ids 10, 9, 8, 7), the most relevant first: post 9.
    expect(seen.slice(0, 4)).toEqual([original[9], original[10], original[8], original[7]]);
  });

  it('gives out cursors that work for their own order only, through the API', async () => {
    for (let i = 0; i < 5; i++) await post(acme.owner, `Capybara census ${i}`);
    const collect = async (sort: string) => {
      const out: string[] = [];
      let cursor = '';
      for (let page = 0; page < 10; page++) {
        const res = await pat.get(`/api/v1/search?q=capybara&limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        out.push(...(res.body.items as Array<{ id: string }>).map((i) => i.id));
        if (!res.body.nextCursor) return { out, last: cursor };
        cursor = res.body.nextCursor as string;
      }
      throw new Error('never ended');
    };
    const byDate = await collect('date');
    const byRelevance = await collect('relevance');
    expect(byDate.out).toHaveLength(5);
    expect([...byRelevance.out].sort()).toEqual([...byDate.out].sort());
    expectProblem(await pat.get(`/api/v1/search?q=capybara&sort=relevance&cursor=${byDate.last}`), 400, 'invalid_input', 'cursor');
    expectProblem(await pat.get(`/api/v1/search?q=capybara&sort=date&cursor=${byRelevance.last}`), 400, 'invalid_input', 'cursor');
    const forged = Buffer.from(JSON.stringify(['relevance', -1, 5_000_000])).toString('base64url');
    expectProblem(await pat.get(`/api/v1/search?q=capybara&cursor=${forged}`), 400, 'invalid_input', 'cursor');
  });

  it('rebuilds the index in the order things were made, across kinds, and keeps the text of files', async () => {
    const first = await post(acme.owner, 'Okapi sighting one');
    const comment = await acme.owner.post(`/api/v1/posts/${first}/comments`, { body: 'Okapi confirmed' });
    expect(comment.status).toBe(201);
    const chat = await direct(acme.owner, pat);
    const message = await send(pat, chat, 'Okapi in the car park');
    const file = await uploadId(acme.owner, Buffer.from('Field notes, page one'), 'field-notes.txt');
    const withFile = await acme.owner.post('/api/v1/posts', { body: 'Notes attached', attachmentIds: [file] });
    expect(withFile.status, JSON.stringify(withFile.body)).toBe(201);
    const files = async () =>
      ((await pat.get('/api/v1/search?q=field%20notes&type=file')).body.items as Array<{ id: string }>).map((i) => i.id);
    // The text is read by a background job after the commit.
    await until(async () => (await files()).length === 1, 'the file to be indexed', 20_000);
    const last = await post(acme.owner, 'Okapi sighting two');
    const newest = async () => ((await pat.get('/api/v1/search?q=okapi&sort=date')).body.items as Array<{ id: string }>).map((i) => i.id);
    const expected = [last, message.id, comment.body.id as string, first];
    expect(await newest()).toEqual(expected);
    const counts = await rebuildSearchIndex(t.server.ctx.db);
    expect(counts.file).toBeGreaterThan(0);
    expect(await newest()).toEqual(expected);
    expect(await files()).toEqual([file]);
  });

  it('indexes the longest text it keeps, however unusual its words, and finds its last word', async () => {
    // Letters only (stemmers leave words with digits alone) and endings the four languages' stemmers
    // cut differently, so that each keeps lexemes of its own: about the largest index entry a
    // document makes (PostgreSQL refuses a tsvector past 1 MB; migration 0014 bounds it).
    const suffixes = ['ingen', 'ement', 'ungen', 'ations', 'eren', 'ness', 'ies', 'aient'];
    const words: string[] = [];
    const letters = (n: number): string => String.fromCharCode(97 + (n % 26)) + (n >= 26 ? letters(Math.floor(n / 26)) : '');
    for (let i = 0, length = 0; length < MAX_INDEXED_CHARS; i++)
      length += words.push(`q${letters(i * 7919)}${suffixes[i % 8]}`) && words[i]!.length + 1;
    const refId = newId();
    await indexDocument(t.server.ctx.db, {
      kind: 'post',
      refId,
      orgId: acme.orgId,
      createdAt: Date.now(),
      body: `${words.join(' ')} tailword`,
    });
    const row = await t.server.ctx.db
      .selectFrom('search_docs')
      .select(['id', 'body'])
      .where('ref_id', '=', refId)
      .executeTakeFirstOrThrow();
    expect(row.body.length).toBe(MAX_INDEXED_CHARS);
    const lastWhole = row.body.split(' ').at(-2)!;
    const all = { ceiling: null, inclusive: true };
    const matches = await visibleMatches(
      t.server.ctx.db,
      t.server.ctx.dialect,
      null,
      parseQuery(lastWhole)!,
      { kinds: SEARCHABLE_KINDS },
      all,
      10,
      wholeWalks(SEARCHABLE_KINDS),
    );
    expect(matches.map((m) => m.id)).toContain(Number(row.id));
  });

  it('narrows by place in the engine without ever changing what a person finds', async () => {
    const guest = await addPerson(t, acme, { name: 'Gia Guest', role: 'guest' });
    const outsider = await addPerson(t, acme, { name: 'Olly Outsider' });
    const secret = await newGroup(acme.owner, 'secret');
    const closed = await newGroup(acme.owner, 'closed');
    const open = await newGroup(acme.owner, 'open');
    await addTo(acme.owner, secret, guest);
    await addTo(acme.owner, closed, pat);
    await post(acme.owner, 'Tapir secret plan', secret);
    await post(acme.owner, 'Tapir closed plan', closed);
    await post(acme.owner, 'Tapir open plan', open);
    await post(pat, 'Tapir on my profile');
    const room = await groupChat(acme.owner, [pat, guest], 'Tapir room');
    await send(guest, room, 'Tapir talk');
    const other = await signUpCompany(t);
    await post(other.owner, 'Tapir elsewhere');
    const q = parseQuery('tapir')!;
    const db = t.server.ctx.db;
    for (const v of [await ownerOf(acme), await person(pat), await person(guest), await person(outsider)]) {
      const walks = await viewerWalks(db, v, SEARCHABLE_KINDS);
      expect(
        walks.every((w) => w.scopes !== null),
        'a small company is narrowed by place',
      ).toBe(true);
      const all = { ceiling: null, inclusive: true };
      const narrowed = await visibleMatches(db, t.server.ctx.dialect, v, q, { kinds: SEARCHABLE_KINDS }, all, 100, walks);
      const whole = await visibleMatches(
        db,
        t.server.ctx.dialect,
        v,
        q,
        { kinds: SEARCHABLE_KINDS },
        all,
        100,
        wholeWalks(SEARCHABLE_KINDS),
      );
      expect(narrowed.map((c) => c.id)).toEqual(whole.map((c) => c.id));
    }
    // And the guest finds only the secret group's post and the chat they are in.
    const guestFinds = ((await guest.get('/api/v1/search?q=tapir')).body.items as Array<{ kind: string }>).map((i) => i.kind).sort();
    expect(guestFinds).toEqual(['message', 'post']);
  });
});
