import { presentBlocks } from '../blocks/blocks.js';
import type { z } from 'zod';
import type { Attachment } from '../../../protocol/files.js';
import { REACTION_KINDS, type authorSchema, type Post, type ReactionCounts } from '../../../protocol/posts.js';
import type { PeopleTable, PostRevisionsTable, ReactionKind } from '../../db/schema.js';
import type { GroupViewer } from '../../policies/groups.js';
import { canDeletePost, canEditPost, canInteract, canPinPost, canToggleComments, type PostPlace } from '../../policies/posts.js';
import { iso } from '../people/present.js';
import type { PostRow } from './store.js';

export type Author = z.infer<typeof authorSchema>;

/** Every query that presents a person reads `is_bot`, so bots are marked wherever they appear. */
export function toAuthor(p: Pick<PeopleTable, 'id' | 'display_name' | 'photo_file_id' | 'status'> & { is_bot: number | null }): Author {
  return {
    id: p.id,
    displayName: p.display_name,
    photoUrl: p.photo_file_id ? `/api/v1/files/${p.photo_file_id}` : null,
    deactivated: p.status === 'deactivated',
    isBot: p.is_bot === 1,
  };
}

/** Where the post lives, in the policy's terms. */
export function placeOf(r: PostRow): PostPlace {
  if (r.group_id === null || r.group_visibility === null || r.group_post_permission === null) return null;
  return {
    group: {
      org_id: r.org_id,
      visibility: r.group_visibility,
      archived_at: r.group_archived_at,
      post_permission: r.group_post_permission,
      is_company_wide: r.group_is_company_wide ?? 0,
    },
    membership: r.my_role ? { role: r.my_role } : null,
  };
}

export function toCounts(m: Map<ReactionKind, number> | undefined): ReactionCounts {
  const counts = { like: 0, love: 0, haha: 0, wow: 0, sad: 0, angry: 0 };
  for (const k of REACTION_KINDS) counts[k] = m?.get(k) ?? 0;
  return counts;
}

export interface PostExtras {
  comments: Map<string, number>;
  attachments: Map<string, Attachment[]>;
  reactions: Map<string, Map<ReactionKind, number>>;
  mine: Map<string, ReactionKind>;
}

/** A post without its features (poll, event, announcement, status), which extras.ts adds for the page. */
export function toPost(v: GroupViewer, r: PostRow, x: PostExtras): Omit<Post, 'status' | 'poll' | 'event' | 'announcement'> {
  const place = placeOf(r);
  return {
    id: r.id,
    author: toAuthor({
      id: r.author_id,
      display_name: r.author_name,
      photo_file_id: r.author_photo,
      status: r.author_status,
      is_bot: r.author_is_bot,
    }),
    group:
      r.group_id && r.group_name !== null && r.group_visibility
        ? { id: r.group_id, name: r.group_name, visibility: r.group_visibility }
        : null,
    bodyMarkdown: r.body_markdown,
    bodyHtml: r.body_html,
    createdAt: iso(r.created_at),
    editedAt: r.edited_at === null ? null : iso(r.edited_at),
    pinned: r.pinned === 1,
    commentsEnabled: r.comments_enabled === 1,
    counts: { comments: x.comments.get(r.id) ?? 0, reactions: toCounts(x.reactions.get(r.id)) },
    viewerReaction: x.mine.get(r.id) ?? null,
    attachments: x.attachments.get(r.id) ?? [],
    blocks: presentBlocks(r.blocks),
    can: {
      edit: canEditPost(v, r, place),
      delete: canDeletePost(v, r, place),
      pin: canPinPost(v, r, place),
      toggleComments: canToggleComments(v, r, place),
      comment: canInteract(v, r, place) && r.comments_enabled === 1 && r.group_archived_at === null,
    },
  };
}

export function toRevision(r: PostRevisionsTable) {
  return { id: r.id, bodyMarkdown: r.body_markdown, bodyHtml: r.body_html, writtenAt: iso(r.written_at), replacedAt: iso(r.replaced_at) };
}
