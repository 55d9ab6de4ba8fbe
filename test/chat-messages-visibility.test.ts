import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Res } from './support/client.js';
import { chatHeard, groupChat, send, type Person } from './support/conversations.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { addTo, expectUnknown, newGroup } from './support/post-fixtures.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';
import { expectDownload } from './support/social-fixtures.js';
import { png, upload, uploadId } from './support/uploads.js';

/**
 * Who sees what of a conversation's messages: its participants, and nobody else, whatever the path
 * (history, send, edit, delete, react, file downloads, the realtime socket); a removed participant
 * is a stranger from the next request on. A shared post's card shows only to those who may see the post.
 */

const key = () => randomBytes(8).toString('hex');

describe.each(DIALECTS)('chat message visibility on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let anna: Person;
  let ben: Person;
  let cleo: Person;
  let dan: Person;
  let outsider: Person;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    anna = await addPerson(t, acme, { name: 'Anna Archer' });
    ben = await addPerson(t, acme, { name: 'Ben Baker' });
    cleo = await addPerson(t, acme, { name: 'Cleo Cook' });
    dan = await addPerson(t, acme, { name: 'Dan Diver' });
    const other = await signUpCompany(t);
    outsider = await addPerson(t, other, { name: 'Olga Outside' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const msgs = (id: string) => `/api/v1/conversations/${id}/messages`;

  /** Every message path answers `who` exactly as for ids never used. */
  async function strangerEverywhere(who: Person, conv: string, messageId: string): Promise<void> {
    const calls: Array<(id: string) => Promise<Res>> = [
      (id) => who.post(msgs(id), { clientKey: key(), body: 'let me in' }),
      (id) => who.get(msgs(id)),
      (id) => who.get(`${msgs(id)}?after=0`),
    ];
    for (const call of calls) await expectUnknown(call, conv);
    const onMessage: Array<(id: string) => Promise<Res>> = [
      (id) => who.patch(`/api/v1/messages/${id}`, { body: 'edited' }),
      (id) => who.delete(`/api/v1/messages/${id}`),
      (id) => who.put(`/api/v1/messages/${id}/reaction`, { kind: 'like' }),
      (id) => who.delete(`/api/v1/messages/${id}/reaction`),
    ];
    for (const call of onMessage) await expectUnknown(call, messageId);
  }

  it('a non-participant (same company or another) gets 404 on every path and their socket hears nothing', async () => {
    const conv = await groupChat(anna, [ben]);
    const danLive = await connect(dan);
    const m = await send(anna, conv, 'between us');
    await strangerEverywhere(dan, conv, m.id);
    await strangerEverywhere(outsider, conv, m.id);
    // Changes while Dan's socket is open: none reach him.
    expect((await anna.patch(`/api/v1/messages/${m.id}`, { body: 'still between us' })).status).toBe(200);
    expect((await ben.put(`/api/v1/messages/${m.id}/reaction`, { kind: 'like' })).status).toBe(200);
    await send(ben, conv, 'and more');
    expect(await chatHeard(dan, danLive, conv)).toEqual([]);
    // Nothing of it changed: the stranger's attempts did not land.
    const page = await anna.get(msgs(conv));
    expect(page.body.items.filter((x: { kind: string }) => x.kind === 'text').map((x: { body: string }) => x.body)).toEqual([
      'still between us',
      'and more',
    ]);
    danLive.close();
  });

  it('a removed participant is a stranger at once: 404 everywhere, files too, and no more events', async () => {
    const conv = await groupChat(anna, [ben, cleo]);
    const file = await uploadId(anna, Buffer.from('quarterly numbers'), 'numbers.txt');
    const sent = await anna.post(msgs(conv), { clientKey: key(), body: 'see attached', attachmentIds: [file] });
    expect(sent.status).toBe(201);
    const url = sent.body.attachments[0].url as string;
    const cleoLive = await connect(cleo);
    await expectDownload(t, cleo, url, 200, 'participant');
    expect((await anna.delete(`/api/v1/conversations/${conv}/members/${cleo.personId}`)).status).toBe(204);
    const from = cleoLive.frames.length;
    await strangerEverywhere(cleo, conv, sent.body.id as string);
    await expectDownload(t, cleo, url, 404, 'removed participant');
    await send(ben, conv, 'after Cleo left');
    expect((await anna.put(`/api/v1/messages/${sent.body.id}/reaction`, { kind: 'wow' })).status).toBe(200);
    const heard = await chatHeard(cleo, cleoLive, conv, from);
    expect(heard.filter((f) => f.type === 'chat.message' || f.type === 'chat.message.updated')).toEqual([]);
    cleoLive.close();
  });

  it('attachments: my own unused uploads only; participants download, others 404; gone with the message', async () => {
    const conv = await groupChat(anna, [ben]);
    const photo = await upload(anna, await png(30, 20), 'team.png', 'image/png');
    expect(photo.status).toBe(201);
    const doc = await uploadId(anna, Buffer.from('agenda'), 'agenda.txt');
    const bensUpload = await uploadId(ben, Buffer.from('his'), 'his.txt');
    expectProblem(
      await anna.post(msgs(conv), { clientKey: key(), body: 'not mine', attachmentIds: [bensUpload] }),
      400,
      'invalid_input',
      'attachmentIds',
    );
    const sent = await anna.post(msgs(conv), { clientKey: key(), body: '', attachmentIds: [photo.body.id, doc] });
    expect(sent.status).toBe(201);
    expect(sent.body.attachments.map((a: { name: string; kind: string }) => [a.name, a.kind])).toEqual([
      ['team.webp', 'image'],
      ['agenda.txt', 'file'],
    ]);
    // A failed send takes nothing and leaves no gap: the upload is still free for the next message.
    expectProblem(
      await anna.post(msgs(conv), { clientKey: key(), body: 'again', attachmentIds: [doc] }),
      400,
      'invalid_input',
      'attachmentIds',
    );
    const urls = sent.body.attachments.flatMap((a: { url: string; thumbnailUrl: string | null }) => [
      a.url,
      ...(a.thumbnailUrl ? [a.thumbnailUrl] : []),
    ]);
    expect(urls).toHaveLength(3);
    for (const u of urls) {
      await expectDownload(t, anna, u, 200, 'sender');
      await expectDownload(t, ben, u, 200, 'participant');
      await expectDownload(t, dan, u, 404, 'non-participant');
      await expectDownload(t, outsider, u, 404, 'other company');
    }
    expect((await anna.delete(`/api/v1/messages/${sent.body.id}`)).body.attachments).toEqual([]);
    for (const u of urls) {
      await expectDownload(t, anna, u, 404, 'sender after delete');
      await expectDownload(t, ben, u, 404, 'participant after delete');
    }
    const next = await send(ben, conv, 'next');
    expect(next.seq).toBe(sent.body.seq + 1);
  });

  it('a shared post shows as a card only to those who may see it; events carry no card; a post I cannot see is a 400', async () => {
    const secret = await newGroup(anna, 'secret');
    await addTo(anna, secret, cleo);
    const post = await anna.post('/api/v1/posts', { body: 'Secret **plans**', groupId: secret });
    expect(post.status).toBe(201);
    const conv = await groupChat(anna, [ben, cleo]);
    const benLive = await connect(ben);
    const cleoLive = await connect(cleo);
    const sent = await anna.post(msgs(conv), { clientKey: key(), body: 'look', postId: post.body.id });
    expect(sent.status).toBe(201);
    const card = (visible: boolean) =>
      visible
        ? { id: post.body.id, visible: true, excerpt: 'Secret plans', groupName: expect.any(String) }
        : { id: post.body.id, visible: false, excerpt: null, groupName: null };
    expect(sent.body.post).toEqual(card(true));
    for (const live of [benLive, cleoLive]) {
      const f = await live.waitFor((x) => x.type === 'chat.message' && x.payload.message.id === sent.body.id);
      expect(f.payload.message.post).toEqual(card(false));
    }
    const historyCard = async (who: Person) =>
      ((await who.get(msgs(conv))).body.items as Array<{ id: string; post: unknown }>).find((x) => x.id === sent.body.id)?.post;
    expect(await historyCard(anna)).toEqual(card(true));
    expect(await historyCard(cleo)).toEqual(card(true));
    expect(await historyCard(ben)).toEqual(card(false));
    // Ben cannot share what he cannot see, and the answer is the same as for a post that never existed.
    const refused = await ben.post(msgs(conv), { clientKey: key(), body: 'me too', postId: post.body.id });
    expectProblem(refused, 400, 'invalid_input', 'postId');
    const never = await ben.post(msgs(conv), { clientKey: key(), body: 'me too', postId: '01900000-0000-7000-8000-000000000000' });
    expect(never.body.detail).toBe(refused.body.detail);
    benLive.close();
    cleoLive.close();
  });

  it('a chat notification goes from the list and the badge once its reader is removed from the conversation', async () => {
    const conv = await groupChat(anna, [ben, dan]);
    const m = await anna.post(msgs(conv), { clientKey: key(), body: `Hey @[Dan](person:${dan.personId})` });
    expect(m.status).toBe(201);
    const chatNotes = async () =>
      ((await dan.get('/api/v1/notifications?limit=100')).body.items as Array<{ kind: string; conversationId: string }>).filter(
        (n) => n.conversationId === conv,
      );
    expect((await chatNotes()).map((n) => n.kind)).toEqual(['chat_mention']);
    const badge = (await dan.get('/api/v1/notifications/unread-count')).body.unreadCount as number;
    expect((await anna.delete(`/api/v1/conversations/${conv}/members/${dan.personId}`)).status).toBe(204);
    expect(await chatNotes()).toEqual([]);
    expect((await dan.get('/api/v1/notifications/unread-count')).body.unreadCount).toBe(badge - 1);
  });
});
