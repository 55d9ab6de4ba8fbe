import type { Executor } from '../db/index.js';
import type { FilesTable } from '../db/schema.js';
import { conversationForViewer } from './chat.js';
import { findableGroups, type GroupViewer } from './groups.js';
import { canSeePost, visiblePosts } from './posts.js';

/**
 * Who may download a file. Every file answers to its container, and a file no rule covers is seen
 * by nobody:
 * - a profile photo: everyone in the company but guests (who see only their own);
 * - an upload not yet in a post: its uploader alone;
 * - a post's photo or file (and a photo's thumbnail): whoever sees the post (policies/posts.ts), so
 *   a deleted post, a secret group, a removal from the group or another company all mean "no".
 * - a group's cover: whoever may find the group (so a secret group's cover only its members);
 * - a chat message's photo or file: the conversation's participants (policies/chat.ts), while the
 *   message is not deleted;
 * Refusals answer 404 like a file that never existed.
 */
export async function canSeeFile(db: Executor, viewer: GroupViewer, file: FilesTable): Promise<boolean> {
  if (file.org_id !== viewer.org_id || viewer.status !== 'active') return false;
  switch (file.purpose) {
    case 'photo':
      return canSeePhoto(db, viewer, file);
    case 'attachment':
      return canSeeAttachment(db, viewer, file);
    case 'cover':
      return canSeeCover(db, viewer, file);
    default:
      return false;
  }
}

async function canSeePhoto(db: Executor, viewer: GroupViewer, file: FilesTable): Promise<boolean> {
  if (file.owner_id === viewer.id) return true;
  if (viewer.role === 'guest') return false;
  const owner = await db
    .selectFrom('people')
    .select('id')
    .where('id', '=', file.owner_id)
    .where('org_id', '=', file.org_id)
    .executeTakeFirst();
  return !!owner;
}

async function canSeeAttachment(db: Executor, viewer: GroupViewer, file: FilesTable): Promise<boolean> {
  const a = await db
    .selectFrom('attachments')
    .select(['owner_id', 'post_id', 'message_id'])
    .where('org_id', '=', viewer.org_id)
    .where((eb) => eb.or([eb('file_id', '=', file.id), eb('thumbnail_file_id', '=', file.id)]))
    .executeTakeFirst();
  if (!a) return false;
  if (a.message_id !== null) return canSeeMessageFile(db, viewer, a.message_id);
  if (a.post_id === null) return a.owner_id === viewer.id;
  // The post's own rule, in SQL and as the boolean, exactly as a post is loaded.
  const post = await db
    .selectFrom('posts')
    .leftJoin('groups as pg', 'pg.id', 'posts.group_id')
    .leftJoin('group_members as pm', (j) => j.onRef('pm.group_id', '=', 'posts.group_id').on('pm.person_id', '=', viewer.id))
    .selectAll('posts')
    .select([
      'pg.visibility as group_visibility',
      'pg.archived_at as group_archived_at',
      'pg.post_permission as group_post_permission',
      'pg.is_company_wide as group_is_company_wide',
      'pm.role as my_role',
    ])
    .where('posts.id', '=', a.post_id)
    .where((eb) => visiblePosts(eb, viewer))
    .executeTakeFirst();
  if (!post) return false;
  if (post.group_id === null) return canSeePost(viewer, post, null);
  if (post.group_visibility === null || post.group_post_permission === null) return false;
  const group = {
    org_id: post.org_id,
    visibility: post.group_visibility,
    archived_at: post.group_archived_at,
    post_permission: post.group_post_permission,
    is_company_wide: post.group_is_company_wide ?? 0,
  };
  return canSeePost(viewer, post, { group, membership: post.my_role ? { role: post.my_role } : null });
}

async function canSeeMessageFile(db: Executor, viewer: GroupViewer, messageId: string): Promise<boolean> {
  const msg = await db
    .selectFrom('chat_messages')
    .select(['conversation_id', 'deleted_at'])
    .where('id', '=', messageId)
    .where('org_id', '=', viewer.org_id)
    .executeTakeFirst();
  if (!msg || msg.deleted_at !== null) return false;
  return (await conversationForViewer(db, viewer, msg.conversation_id)) !== null;
}

async function canSeeCover(db: Executor, viewer: GroupViewer, file: FilesTable): Promise<boolean> {
  const group = await db
    .selectFrom('groups')
    .select('groups.id')
    .where('groups.org_id', '=', viewer.org_id)
    .where('groups.cover_file_id', '=', file.id)
    .where((eb) => findableGroups(eb, viewer))
    .executeTakeFirst();
  return !!group;
}
