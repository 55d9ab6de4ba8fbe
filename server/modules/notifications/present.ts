import { EXCERPT_MAX_CHARS, type Notification } from '../../../protocol/notifications.js';
import type { NotificationKind } from '../../db/schema.js';
import { iso } from '../people/present.js';
import type { ActorRow, NotificationRow } from './store.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The rendered (sanitised) HTML as one line of plain text, cut at EXCERPT_MAX_CHARS characters:
 * mentions read as the names they show, and nothing of the markup is left.
 */
export function excerptOf(html: string | null): string | null {
  if (html === null) return null;
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length <= EXCERPT_MAX_CHARS
    ? text
    : `${chars
        .slice(0, EXCERPT_MAX_CHARS - 1)
        .join('')
        .trimEnd()}…`;
}

/** Kinds whose line quotes the comment rather than the post. */
const ABOUT_COMMENT: ReadonlySet<NotificationKind> = new Set(['mention_comment', 'comment', 'reply', 'reaction_comment']);
/** Kinds whose line quotes a chat message (none once it is deleted). */
const ABOUT_MESSAGE: ReadonlySet<NotificationKind> = new Set(['chat_mention', 'chat_message']);

export function toNotification(r: NotificationRow, actors: ActorRow[]): Notification {
  return {
    id: r.id,
    kind: r.kind,
    actors: actors.map((a) => ({
      id: a.id,
      displayName: a.display_name,
      photoUrl: a.photo_file_id ? `/api/v1/files/${a.photo_file_id}` : null,
    })),
    actorCount: r.actor_count,
    postId: r.post_id,
    commentId: r.comment_id,
    groupId: r.group_id,
    groupName: r.group_name,
    conversationId: r.conversation_id,
    messageId: r.message_id,
    excerpt: ABOUT_MESSAGE.has(r.kind)
      ? excerptOf(r.message_deleted_at === null ? r.message_html : null)
      : excerptOf(ABOUT_COMMENT.has(r.kind) ? r.comment_html : r.post_html),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    read: r.read_at !== null,
  };
}
