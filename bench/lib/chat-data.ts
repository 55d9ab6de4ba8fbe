import type { Db } from '../../server/db/index.js';
import { newId } from '../../server/lib/ids.js';
import { seeded } from './feed-data.js';
import { makeVocabulary, VOCABULARY_SEED, VOCABULARY_SIZE, wordsFrom, zipf, ZIPF_EXPONENT } from './vocabulary.js';

const DAY = 86_400_000;
const SPAN_DAYS = 180;
const BATCH = 500;

/**
 * Work Chat for the search benchmark's company: direct and group conversations among its people,
 * and messages drawn from the feed's vocabulary, written straight into the tables (the services
 * would take far longer). Busy conversations hold most messages (Zipf), as in a real company.
 */
export async function generateChatData(
  db: Db,
  company: { orgId: string; personIds: string[] },
  size: { conversations: number; messages: number },
): Promise<{ conversations: number; members: number; messages: number }> {
  const rnd = seeded(4242);
  const now = Date.now();
  const people = company.personIds;
  const pick = () => people[Math.floor(rnd() * people.length)]!;
  const conversations: Array<{ id: string; members: string[] }> = [];
  const directKeys = new Set<string>();
  let members = 0;
  const rows = { conversations: [] as object[], members: [] as object[] };
  for (let i = 0; i < size.conversations; i++) {
    const direct = rnd() < 0.7;
    const group = new Set<string>([pick()]);
    const want = direct ? 2 : 3 + Math.floor(rnd() * 10);
    while (group.size < want) group.add(pick());
    const ids = [...group];
    const key = direct ? [...ids].sort().join(':') : null;
    if (key && directKeys.has(key)) continue;
    if (key) directKeys.add(key);
    const id = newId();
    conversations.push({ id, members: ids });
    rows.conversations.push({
      id,
      org_id: company.orgId,
      kind: direct ? 'direct' : 'group',
      name: direct ? null : `Chat ${i}`,
      name_key: direct ? null : `chat ${i}`,
      group_id: null,
      direct_key: key,
      created_by: ids[0],
      last_seq: 0,
      last_message_id: null,
      last_activity_at: now,
      created_at: now - SPAN_DAYS * DAY,
    });
    for (const [n, person] of ids.entries()) {
      members++;
      rows.members.push({
        conversation_id: id,
        person_id: person,
        org_id: company.orgId,
        role: n === 0 ? 'admin' : 'member',
        last_read_seq: 0,
        muted: 0,
        archived_at: null,
        joined_at: now - SPAN_DAYS * DAY,
      });
    }
  }
  for (let i = 0; i < rows.conversations.length; i += BATCH)
    await db
      .insertInto('conversations')
      .values(rows.conversations.slice(i, i + BATCH) as never)
      .execute();
  for (let i = 0; i < rows.members.length; i += BATCH)
    await db
      .insertInto('conversation_members')
      .values(rows.members.slice(i, i + BATCH) as never)
      .execute();

  const vocabulary = makeVocabulary(VOCABULARY_SIZE, seeded(VOCABULARY_SEED));
  const drawWord = zipf(vocabulary.length, ZIPF_EXPONENT, rnd);
  const drawConversation = zipf(conversations.length, 1, rnd);
  const seqs = new Map<string, number>();
  let batch: object[] = [];
  for (let i = 0; i < size.messages; i++) {
    const conv = conversations[drawConversation()]!;
    const seq = (seqs.get(conv.id) ?? 0) + 1;
    seqs.set(conv.id, seq);
    const body = wordsFrom(vocabulary, drawWord, 3 + Math.floor(rnd() * 18), rnd);
    batch.push({
      id: newId(),
      org_id: company.orgId,
      conversation_id: conv.id,
      seq,
      kind: 'text',
      sender_id: conv.members[Math.floor(rnd() * conv.members.length)],
      client_key: null,
      body,
      body_html: `<p>${body}</p>\n`,
      mentions: '[]',
      system: null,
      reply_to_id: null,
      post_id: null,
      created_at: now - Math.floor(rnd() * SPAN_DAYS * DAY),
      edited_at: null,
      deleted_at: null,
    });
    if (batch.length === BATCH) {
      await db.transaction().execute(async (trx) =>
        trx
          .insertInto('chat_messages')
          .values(batch as never)
          .execute(),
      );
      batch = [];
    }
  }
  if (batch.length > 0)
    await db
      .insertInto('chat_messages')
      .values(batch as never)
      .execute();
  for (const [id, seq] of seqs) await db.updateTable('conversations').set({ last_seq: seq }).where('id', '=', id).execute();
  return { conversations: conversations.length, members, messages: size.messages };
}
