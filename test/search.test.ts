import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { direct, send } from './support/conversations.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { addTo, newGroup, postId, type Person } from './support/post-fixtures.js';
import { rebuildSearchIndex } from '../server/modules/search/reindex.js';
import { makeDocx, makePdf } from './support/office-files.js';
import { until } from './support/realtime.js';
import { uploadId } from './support/uploads.js';
import { startTestServer, type TestServer } from './support/server.js';

type Item = { kind: string; id: string; snippet: Array<{ text: string; hit: boolean }> };

/** Search through the API, as the search box does; the ids found, in order. */
async function found(c: Client, q: string, extra = ''): Promise<string[]> {
  const res = await c.get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Item[]).map((i) => i.id);
}

describe.each(DIALECTS)('search on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let pat: Person;
  let quinn: Person;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    pat = await addPerson(t, acme, { name: 'Pat Member' });
    quinn = await addPerson(t, acme, { name: 'Quinn Outsider' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = postId;

  it('finds words whatever their accents and case, in four languages; quoted phrases only in order', async () => {
    const id = await post(
      acme.owner,
      "L'Équipe de Müller prépare le café à Ørsted. Die Straße ist groß. De vergadering is geannuleerd. The engineers were testing it.",
    );
    for (const q of [
      'equipe',
      'ÉQUIPE',
      'muller',
      'Müller',
      'orsted',
      'Ørsted',
      'cafe',
      'strasse',
      'gross',
      'vergadering',
      'engineers',
      // Inflections, by the engines' stemming: engineer(s), test(ed/ing), prepar(e/ing).
      'engineer',
      'tested',
      'preparing',
    ])
      expect(await found(pat, q), q).toContain(id);
    expect(await found(pat, '"equipe de muller"')).toContain(id);
    expect(await found(pat, '"muller de equipe"')).not.toContain(id);
    expect(await found(pat, 'equipe zeppelin')).not.toContain(id);
    // The snippet is the original text, with the matching words marked.
    const res = await pat.get(`/api/v1/search?q=${encodeURIComponent('equipe orsted')}`);
    const item = (res.body.items as Item[]).find((i) => i.id === id)!;
    expect(item.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['Équipe', 'Ørsted']);
  });

  // FTS5's only stemmer is porter, which knows English alone (docs/ARCHITECTURE.md, "Search"): on
  // SQLite the other languages match by whole folded words, as the test above shows.
  it.skipIf(dialect === 'sqlite')('finds French, German and Dutch words by their inflections, and marks them', async () => {
    const id = await post(acme.owner, 'Le cheval veut manger. Das Haus der Kinder. De vergadering over het werk.');
    for (const q of ['chevaux', 'mangeaient', 'Häuser', 'Kindern', 'vergaderingen', 'werken', 'chevaux kindern'])
      expect(await found(pat, q), q).toContain(id);
    expect(await found(pat, 'chevaux zeppelin')).not.toContain(id);
    const res = await pat.get(`/api/v1/search?q=${encodeURIComponent('kindern vergaderingen')}`);
    const item = (res.body.items as Item[]).find((i) => i.id === id)!;
    expect(item.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['Kinder', 'vergadering']);
  });

  it('never finds what the searcher may not see, and follows membership, edits and deletions at once', async () => {
    const secret = await newGroup(acme.owner, 'secret');
    const closed = await newGroup(acme.owner, 'closed');
    await addTo(acme.owner, secret, pat);
    await addTo(acme.owner, closed, pat);
    const inSecret = await post(acme.owner, 'Zanzibar launch plan', secret);
    const inClosed = await post(acme.owner, 'Zanzibar budget figures', closed);
    const comment = await acme.owner.post(`/api/v1/posts/${inSecret}/comments`, { body: 'Zanzibar comment inside' });
    expect(comment.status).toBe(201);
    const chat = await direct(acme.owner, pat);
    const message = await send(acme.owner, chat, 'the zanzibar password is in the safe');
    const other = await signUpCompany(t);
    await post(other.owner, 'Zanzibar elsewhere');

    const mine = [inSecret, inClosed, comment.body.id as string, message.id];
    expect((await found(pat, 'zanzibar')).sort()).toEqual([...mine].sort());
    expect(await found(quinn, 'zanzibar')).toEqual([]);
    // Another company's owner finds only their own.
    expect(await found(other.owner, 'zanzibar')).toHaveLength(1);
    // Filters by type.
    expect(await found(pat, 'zanzibar', '&type=message')).toEqual([message.id]);
    expect((await found(pat, 'zanzibar', '&type=post,comment')).sort()).toEqual([inSecret, inClosed, comment.body.id].sort());

    // Removed from the secret group: its post and comment are gone from her results at once.
    expect((await acme.owner.delete(`/api/v1/groups/${secret}/members/${pat.personId}`)).status).toBe(204);
    expect((await found(pat, 'zanzibar')).sort()).toEqual([inClosed, message.id].sort());

    // Edited words: the old ones find nothing, the new ones do. Deleted: nothing.
    expect((await acme.owner.patch(`/api/v1/posts/${inClosed}`, { body: 'Wombat budget figures' })).status).toBe(200);
    expect(await found(pat, 'zanzibar', '&type=post')).toEqual([]);
    expect(await found(pat, 'wombat')).toEqual([inClosed]);
    expect((await acme.owner.delete(`/api/v1/messages/${message.id}`)).status).toBe(200);
    expect(await found(pat, 'zanzibar')).toEqual([]);
    expect((await acme.owner.delete(`/api/v1/posts/${inClosed}`)).status).toBe(204);
    expect(await found(pat, 'wombat')).toEqual([]);
  });

  it('finds groups by name only where the searcher may find the group', async () => {
    const hidden = await acme.owner.post('/api/v1/groups', { name: 'Quokka task force', visibility: 'secret' });
    const open = await acme.owner.post('/api/v1/groups', { name: 'Quokka fans', visibility: 'open' });
    expect(await found(quinn, 'quokka', '&type=group')).toEqual([open.body.id]);
    expect((await found(acme.owner, 'quokka', '&type=group')).sort()).toEqual([hidden.body.id, open.body.id].sort());
  });

  it('answers bad input with a 400 naming the field, and takes engine syntax as plain words', async () => {
    expectProblem(await pat.get('/api/v1/search?q='), 400, 'invalid_input', 'q');
    expectProblem(await pat.get(`/api/v1/search?q=${'a'.repeat(10_000)}`), 400, 'invalid_input', 'q');
    expectProblem(await pat.get(`/api/v1/search?q=${encodeURIComponent('* ( ) : - ^')}`), 400, 'invalid_input', 'q');
    expectProblem(await pat.get('/api/v1/search?q=x&type=secrets'), 400, 'invalid_input', 'type');
    expectProblem(await pat.get('/api/v1/search?q=x&cursor=nonsense'), 400, 'invalid_input', 'cursor');
    const odd = [
      '" * ( ) : - NEAR AND OR',
      'NEAR(a b) OR c*',
      "'; drop table posts; --",
      'a\u0000b\u0007c\u202e',
      '🙂 café 🙂',
      'x'.repeat(400),
      '"unclosed phrase',
    ];
    for (const q of odd) expect((await pat.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
  });

  it('pages with a cursor, without repeats, and sorts by date', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(await post(acme.owner, `Pagination check number ${i}`));
    const first = await pat.get('/api/v1/search?q=pagination&limit=20&sort=date');
    expect(first.body.items).toHaveLength(20);
    const second = await pat.get(`/api/v1/search?q=pagination&limit=20&sort=date&cursor=${first.body.nextCursor as string}`);
    expect(second.body.nextCursor).toBeNull();
    const all = [...(first.body.items as Item[]), ...(second.body.items as Item[])].map((i) => i.id);
    expect(all).toEqual([...ids].reverse());
  });

  it('rebuilds the index from the database: what was lost comes back, what was deleted does not', async () => {
    const kept = await post(acme.owner, 'Narwhal migration notes');
    const gone = await post(acme.owner, 'Narwhal draft to delete');
    expect((await acme.owner.delete(`/api/v1/posts/${gone}`)).status).toBe(204);
    await t.server.ctx.db.deleteFrom('search_docs').execute();
    expect(await found(pat, 'narwhal')).toEqual([]);
    const counts = await rebuildSearchIndex(t.server.ctx.db);
    expect(counts.post).toBeGreaterThan(0);
    expect(await found(pat, 'narwhal')).toEqual([kept]);
    // Still filtered: the secret group's posts stay out of reach of those not in it.
    expect(await found(quinn, 'zanzibar')).toEqual([]);
  });

  it('finds files by name and by the text inside them, only where their post or message may be seen', async () => {
    const secret = await newGroup(acme.owner, 'secret');
    await addTo(acme.owner, secret, pat);
    const pdf = await uploadId(acme.owner, Buffer.from(await makePdf(['Quarterly Kangaroo forecast for Ørsted'])), 'forecast.pdf');
    const inPost = await acme.owner.post('/api/v1/posts', { body: 'The forecast', groupId: secret, attachmentIds: [pdf] });
    expect(inPost.status, JSON.stringify(inPost.body)).toBe(201);
    const docx = await uploadId(pat, Buffer.from(await makeDocx(['Kangaroo minutes of the équipe'])), 'minutes.docx');
    const chat = await direct(acme.owner, pat);
    const sent = await pat.post(`/api/v1/conversations/${chat}/messages`, {
      clientKey: 'search-files-1',
      body: 'minutes',
      attachmentIds: [docx],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);

    // The text is read by a background job after the commit.
    await until(async () => (await found(pat, 'kangaroo', '&type=file')).length === 2, 'both files to be indexed', 20_000);
    expect((await found(pat, 'kangaroo', '&type=file')).sort()).toEqual([pdf, docx].sort());
    expect(await found(pat, 'orsted', '&type=file')).toEqual([pdf]);
    expect(await found(pat, 'equipe', '&type=file')).toEqual([docx]);
    expect(await found(pat, 'forecast.pdf', '&type=file')).toEqual([pdf]);
    expect(await found(quinn, 'kangaroo')).toEqual([]);
    expect(await found(acme.owner, 'kangaroo', '&type=file')).toHaveLength(2);

    // A deleted message takes its file with it; a deleted post too.
    expect((await pat.delete(`/api/v1/messages/${sent.body.id as string}`)).status).toBe(200);
    expect(await found(acme.owner, 'kangaroo', '&type=file')).toEqual([pdf]);
    expect((await acme.owner.delete(`/api/v1/posts/${inPost.body.id as string}`)).status).toBe(204);
    expect(await found(acme.owner, 'kangaroo', '&type=file')).toEqual([]);
  });

  it('suggests people and groups by the start of their names, within what the searcher may find', async () => {
    const elodie = await addPerson(t, acme, { name: 'Élodie Müller' });
    const guest = await addPerson(t, acme, { name: 'Gus Müllerson', role: 'guest' });
    const secret = await acme.owner.post('/api/v1/groups', { name: 'Müller secret plans', visibility: 'secret' });
    const open = await acme.owner.post('/api/v1/groups', { name: 'Müller fans', visibility: 'open' });
    const suggest = async (c: Client, q: string) => {
      const res = await c.get(`/api/v1/search/typeahead?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      return {
        people: (res.body.people as Array<{ id: string }>).map((p) => p.id),
        groups: (res.body.groups as Array<{ id: string }>).map((g) => g.id),
      };
    };
    expect(await suggest(pat, 'mul')).toEqual({ people: [elodie.personId, guest.personId], groups: [open.body.id] });
    expect((await suggest(pat, 'ELO mul')).people).toEqual([elodie.personId]);
    expect((await suggest(pat, 'odie')).people).toEqual([]);
    expect((await suggest(acme.owner, 'muller')).groups.sort()).toEqual([secret.body.id, open.body.id].sort());
    // A guest finds only themselves, and no group they are not in.
    expect(await suggest(guest, 'mul')).toEqual({ people: [guest.personId], groups: [] });
    // Deactivated: gone for colleagues, still there for admins.
    expect((await acme.owner.post(`/api/v1/admin/people/${elodie.personId}/deactivate`)).status).toBe(200);
    expect((await suggest(pat, 'mul')).people).toEqual([guest.personId]);
    expect((await suggest(acme.owner, 'mul')).people).toEqual([elodie.personId, guest.personId]);
    expectProblem(await pat.get(`/api/v1/search/typeahead?q=${'m'.repeat(101)}`), 400, 'invalid_input', 'q');
  });

  it('narrows by author, group and dates, and a filter never widens what may be seen', async () => {
    const g1 = await newGroup(acme.owner, 'open');
    await addTo(acme.owner, g1, pat);
    const hidden = await newGroup(acme.owner, 'secret');
    const a = await post(acme.owner, 'Platypus by the owner', g1);
    const b = await post(pat, 'Platypus by Pat');
    const c = await pat.post(`/api/v1/posts/${a}/comments`, { body: 'Platypus comment by Pat' });
    expect(c.status).toBe(201);
    const secretPost = await post(acme.owner, 'Platypus in secret', hidden);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

    expect((await found(pat, 'platypus', `&author=${pat.personId}`)).sort()).toEqual([b, c.body.id].sort());
    expect((await found(pat, 'platypus', `&group=${g1}`)).sort()).toEqual([a, c.body.id].sort());
    expect(await found(pat, 'platypus', '&from=2000-01-01&to=2000-12-31')).toEqual([]);
    expect(await found(pat, 'platypus', `&from=${day(-1)}&to=${day(1)}`)).toHaveLength(3);
    expect(await found(pat, 'platypus', `&from=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    // Naming a secret group one is not in finds nothing of it; its members find its posts.
    expect(await found(pat, 'platypus', `&group=${hidden}`)).toEqual([]);
    expect(await found(acme.owner, 'platypus', `&group=${hidden}`)).toEqual([secretPost]);

    expectProblem(await pat.get('/api/v1/search?q=x&author=nope'), 400, 'invalid_input', 'author');
    expectProblem(await pat.get('/api/v1/search?q=x&from=yesterday'), 400, 'invalid_input', 'from');
    expectProblem(await pat.get(`/api/v1/search?q=x&from=${day(1)}&to=${day(-1)}`), 400, 'invalid_input', 'to');
  });
});
