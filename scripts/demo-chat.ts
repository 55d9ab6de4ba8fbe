import type { Faker } from '@faker-js/faker';
import type { Trx } from '../server/db/index.js';
import type { ConversationKindName, PeopleTable } from '../server/db/schema.js';
import { newId } from '../server/lib/ids.js';
import { foldForSearch } from '../server/lib/text.js';
import { parseBody, renderBody } from '../server/modules/posts/markdown.js';

/**
 * Work Chat of the demo company: the owner's one-to-one conversations (a few unread), a named group
 * conversation and the chat of one group, written as the server would write them (seq 1, 2, 3 …
 * per conversation, read positions, last activity), so the chat list and badge are not empty.
 */

const LINES = [
  'Morning! Did the new beans arrive?',
  'Yes, **two pallets**. Unpacking now.',
  'Great, can you send me the delivery note?',
  'Sure, in a minute.',
  'The espresso machine on floor 2 is acting up again.',
  'I will call the technician.',
  'Are we still on for the tasting at 3?',
  'Yes, room Arabica. Bring the new Ethiopian.',
  'Thanks for covering my shift yesterday 🙏',
  'Any time!',
  'Reminder: stock count tomorrow at 7.',
  'Got it.',
  "Who's ordering lunch today?",
  'I can, send me your orders before 11:30.',
];
const MINUTE = 60_000;

export interface ChatSummary {
  conversations: number;
  messages: number;
}

export async function fillChat(
  trx: Trx,
  pick: Faker,
  orgId: string,
  people: PeopleTable[],
  linkedGroup: { id: string; members: PeopleTable[] } | null,
): Promise<ChatSummary> {
  const active = people.filter((p) => p.status === 'active' && p.role !== 'guest');
  const owner = active.find((p) => p.role === 'owner');
  if (!owner) return { conversations: 0, messages: 0 };
  const others = pick.helpers.arrayElements(
    active.filter((p) => p.id !== owner.id),
    12,
  );
  let conversations = 0;
  let messages = 0;
  const start = Date.now() - 3 * 24 * 60 * MINUTE;

  async function write(
    kind: ConversationKindName,
    members: PeopleTable[],
    opts: { name?: string; groupId?: string; unreadForOwner: number },
  ) {
    const id = newId();
    const count = pick.number.int({ min: 4, max: LINES.length });
    const first = start + pick.number.int(2 * 24 * 60) * MINUTE;
    const sorted = members.map((m) => m.id).sort();
    await trx
      .insertInto('conversations')
      .values({
        id,
        org_id: orgId,
        kind,
        name: opts.name ?? null,
        name_key: opts.name ? foldForSearch(opts.name) : null,
        group_id: opts.groupId ?? null,
        direct_key: kind === 'direct' ? sorted.join(':') : null,
        created_by: owner!.id,
        last_seq: count,
        last_message_id: null,
        last_activity_at: first + count * 7 * MINUTE,
        created_at: first,
      })
      .execute();
    const rows = [];
    for (let seq = 1; seq <= count; seq++) {
      const line = LINES[(seq - 1) % LINES.length] ?? '';
      // The owner's own lines alternate with the others', so unread ones are the others'.
      const sender = seq % 2 === 1 || seq > count - opts.unreadForOwner ? members[1 + (seq % (members.length - 1))]! : owner!;
      rows.push({
        id: newId(),
        org_id: orgId,
        conversation_id: id,
        seq,
        kind: 'text' as const,
        sender_id: sender.id,
        client_key: null,
        body: line,
        body_html: renderBody(parseBody(line), new Map()),
        mentions: '[]',
        system: null,
        reply_to_id: null,
        post_id: null,
        created_at: first + seq * 7 * MINUTE,
        edited_at: null,
        deleted_at: null,
      });
    }
    await trx.insertInto('chat_messages').values(rows).execute();
    await trx
      .updateTable('conversations')
      .set({ last_message_id: rows[rows.length - 1]!.id })
      .where('id', '=', id)
      .execute();
    const lastReadOf = (p: PeopleTable) => (p.id === owner!.id ? count - opts.unreadForOwner : count);
    // A linked conversation's participants are the group's members; rows only hold their state.
    const withState = kind === 'linked' ? [owner!] : members;
    await trx
      .insertInto('conversation_members')
      .values(
        withState.map((p) => ({
          conversation_id: id,
          person_id: p.id,
          org_id: orgId,
          role: p.id === owner!.id ? ('admin' as const) : ('member' as const),
          last_read_seq: lastReadOf(p),
          muted: 0,
          archived_at: null,
          joined_at: first,
        })),
      )
      .execute();
    conversations++;
    messages += count;
  }

  for (const [i, other] of others.slice(0, 6).entries()) await write('direct', [owner, other], { unreadForOwner: i < 2 ? 1 : 0 });
  await write('group', [owner, ...others.slice(4, 12)], { name: 'Coffee tasting crew', unreadForOwner: 2 });
  if (linkedGroup && linkedGroup.members.some((m) => m.id === owner.id)) {
    await write('linked', [owner, ...linkedGroup.members.filter((m) => m.id !== owner.id).slice(0, 8)], {
      groupId: linkedGroup.id,
      unreadForOwner: 0,
    });
  }
  return { conversations, messages };
}
