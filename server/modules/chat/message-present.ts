import { presentBlocks } from '../blocks/blocks.js';
import type { ChatMessage } from '../../../protocol/chat.js';
import { REACTION_KINDS, type ReactionKindName } from '../../../protocol/posts.js';
import type { Executor } from '../../db/index.js';
import type { ChatMessagesTable } from '../../db/schema.js';
import type { GroupViewer } from '../../policies/groups.js';
import { canSeePost } from '../../policies/posts.js';
import { attachmentsOfMessages } from '../files/attachments-store.js';
import { excerptOf } from '../notifications/present.js';
import { iso } from '../people/present.js';
import { placeOf, toAuthor } from '../posts/present.js';
import { selectVisiblePosts } from '../posts/store.js';
import { quotedOf, reactionsOf, sendersOf, type QuotedRow, type SenderRow } from './message-store.js';

type SharedPost = NonNullable<ChatMessage['post']>;

/**
 * Messages as every participant sees them, in one query per kind of thing for the whole page
 * (senders, reactions, attachments, quoted messages, and shared posts when a viewer is given).
 *
 * Without a viewer the result holds nothing personal: it is the one payload of an event that goes to
 * every participant, so a shared post is only `{id, visible: false}`. With a viewer (the history they
 * asked for) a shared post's card is filled if, and only if, that viewer may see the post.
 * A deleted message is a tombstone: no text, attachments, reactions, mentions, quote or post.
 */
export async function presentMessages(
  db: Executor,
  rows: ChatMessagesTable[],
  viewer?: GroupViewer,
  /** Messages just written: no reactions yet, and files only when `withAttachments`. */
  fresh?: { fresh: true; withAttachments: boolean },
): Promise<ChatMessage[]> {
  if (rows.length === 0) return [];
  const live = rows.filter((r) => r.deleted_at === null);
  const liveIds = live.map((r) => r.id);
  const [senders, reactions, attachments, quoted, posts] = await Promise.all([
    sendersOf(
      db,
      rows.map((r) => r.sender_id),
    ),
    reactionsOf(db, fresh ? [] : liveIds),
    attachmentsOfMessages(db, fresh && !fresh.withAttachments ? [] : liveIds),
    quotedOf(
      db,
      live.flatMap((r) => (r.reply_to_id ? [r.reply_to_id] : [])),
    ),
    viewer
      ? visibleSharedPosts(
          db,
          viewer,
          live.flatMap((r) => (r.post_id ? [r.post_id] : [])),
        )
      : new Map<string, SharedPost>(),
  ]);
  return rows.map((r) => toMessage(r, { senders, reactions, attachments, quoted, posts }));
}

export async function presentMessage(db: Executor, row: ChatMessagesTable, viewer?: GroupViewer): Promise<ChatMessage> {
  const [message] = await presentMessages(db, [row], viewer);
  if (!message) throw new Error('a message presents as one');
  return message;
}

/** The cards of the shared posts the viewer may see (the posts policy's SQL filter and its boolean, as a post is loaded). */
async function visibleSharedPosts(db: Executor, viewer: GroupViewer, ids: string[]): Promise<Map<string, SharedPost>> {
  const out = new Map<string, SharedPost>();
  if (ids.length === 0) return out;
  const rows = await selectVisiblePosts(db, viewer)
    .where('posts.id', 'in', [...new Set(ids)])
    .execute();
  for (const p of rows) {
    if (!canSeePost(viewer, p, placeOf(p))) continue;
    out.set(p.id, { id: p.id, visible: true, excerpt: excerptOf(p.body_html), groupName: p.group_name });
  }
  return out;
}

interface Loaded {
  senders: Map<string, SenderRow>;
  reactions: Map<string, Array<{ kind: string; person_id: string }>>;
  attachments: Map<string, ChatMessage['attachments']>;
  quoted: Map<string, QuotedRow>;
  posts: Map<string, SharedPost>;
}

function toMessage(r: ChatMessagesTable, x: Loaded): ChatMessage {
  const deleted = r.deleted_at !== null;
  const s = x.senders.get(r.sender_id);
  const sender = toAuthor(s ?? { id: r.sender_id, display_name: '', photo_file_id: null, status: 'deactivated', is_bot: 0 });
  const q = r.reply_to_id && !deleted ? x.quoted.get(r.reply_to_id) : undefined;
  return {
    id: r.id,
    conversationId: r.conversation_id,
    seq: Number(r.seq),
    kind: r.kind,
    sender,
    body: deleted ? '' : r.body,
    html: deleted ? '' : r.body_html,
    clientKey: r.client_key,
    replyTo: q
      ? {
          id: q.id,
          seq: Number(q.seq),
          senderId: q.sender_id,
          senderName: q.display_name,
          excerpt: q.deleted_at === null ? excerptOf(q.body_html) : null,
          deleted: q.deleted_at !== null,
        }
      : null,
    attachments: deleted ? [] : (x.attachments.get(r.id) ?? []),
    post: r.post_id && !deleted ? (x.posts.get(r.post_id) ?? { id: r.post_id, visible: false, excerpt: null, groupName: null }) : null,
    reactions: deleted ? [] : groupReactions(x.reactions.get(r.id) ?? []),
    mentions: deleted ? [] : parseIds(r.mentions),
    ...presentSystem(r.system),
    blocks: deleted ? null : presentBlocks(r.blocks),
    createdAt: iso(Number(r.created_at)),
    editedAt: r.edited_at === null ? null : iso(Number(r.edited_at)),
    deletedAt: r.deleted_at === null ? null : iso(Number(r.deleted_at)),
  };
}

/** A system message's JSON: the change it tells of, and for a call its summary (kept beside it in the same JSON). */
function presentSystem(json: string | null): Pick<ChatMessage, 'system' | 'call'> {
  if (!json) return { system: null, call: null };
  const { call, ...system } = JSON.parse(json) as NonNullable<ChatMessage['system']> & { call?: ChatMessage['call'] };
  return { system, call: call ?? null };
}

/** One entry per kind used, in the fixed order of kinds, people in the order they reacted. */
function groupReactions(list: Array<{ kind: string; person_id: string }>): ChatMessage['reactions'] {
  return REACTION_KINDS.flatMap((kind: ReactionKindName) => {
    const personIds = list.filter((r) => r.kind === kind).map((r) => r.person_id);
    return personIds.length ? [{ kind, personIds }] : [];
  });
}

function parseIds(json: string): string[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
