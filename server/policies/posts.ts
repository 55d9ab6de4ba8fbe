import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CommentsTable, Database, PostsTable } from '../db/schema.js';
import { canManageGroup, canModerateGroup, canSeePosts, type GroupRow, type GroupViewer, type Membership } from './groups.js';
import { isAdmin } from './people.js';

/**
 * Who may see and act on posts, comments and reactions; built on the group rules (canSeePosts).
 *
 * - A group post: whoever may see the group's posts (open: the company but guests; closed and
 *   secret: members only). A profile post: everyone in the company except guests.
 * - A deleted post does not exist. Comments and reactions are seen by whoever sees their post.
 * - Commenting and reacting: on a group post, members of the group (joining an open group is one
 *   click); on a profile post, whoever sees it. Archived groups are read-only (the service says 409).
 * - Editing: the author. Deleting: the author, the group's admins and moderators, company admins.
 *   Pinning: the group's admins and moderators. Comments on/off: the author or the group's admins.
 *
 * - Post approval (a group setting): a 'pending' post is seen by its author and the group's admins
 *   and moderators only, a 'declined' one by its author only; nobody interacts with either, and
 *   only the group's admins and moderators approve or decline (policies/groups.ts, postNeedsApproval).
 * - Announcements (important posts): only the group's admins and moderators mark a group post
 *   important; who has or has not seen it is for the author and the group's admins and moderators.
 *   Others who see the post get 403 there (they know the post; the refusal is about the list),
 *   people who do not see the post get 404 as everywhere.
 *
 * `visiblePosts` is the SQL of `canSeePost` for every list (group feed, profile feed, home feed).
 */
export type PostLike = Pick<PostsTable, 'org_id' | 'author_id' | 'group_id' | 'deleted_at' | 'status'>;
/** The group of a group post with the viewer's membership of it; null for a profile post. */
export type PostPlace = { group: GroupRow; membership: Membership } | null;

export function canSeePost(v: GroupViewer, post: PostLike, place: PostPlace): boolean {
  if (v.status !== 'active' || v.org_id !== post.org_id || post.deleted_at !== null) return false;
  if (post.group_id === null) return v.role !== 'guest' && (post.status === 'published' || post.author_id === v.id);
  if (place === null || !canSeePosts(v, place.group, place.membership)) return false;
  if (post.status === 'published' || post.author_id === v.id) return true;
  return post.status === 'pending' && canModerateGroup(v, place.group, place.membership);
}

/** Comment on or react to a post the viewer sees. */
export function canInteract(v: GroupViewer, post: PostLike, place: PostPlace): boolean {
  if (!canSeePost(v, post, place) || post.status !== 'published') return false;
  return post.group_id === null || Boolean(place?.membership);
}

export function canEditPost(v: GroupViewer, post: PostLike, place: PostPlace): boolean {
  return canSeePost(v, post, place) && post.author_id === v.id;
}

export function canDeletePost(v: GroupViewer, post: PostLike, place: PostPlace): boolean {
  if (!canSeePost(v, post, place)) return false;
  if (post.author_id === v.id || isAdmin(v)) return true;
  return place !== null && canModerateGroup(v, place.group, place.membership);
}

export function canPinPost(v: GroupViewer, post: PostLike, place: PostPlace): boolean {
  return canSeePost(v, post, place) && post.status === 'published' && place !== null && canModerateGroup(v, place.group, place.membership);
}

/** Announcements are group posts marked by the group's admins and moderators. */
export function canMarkImportant(v: GroupViewer, place: PostPlace): boolean {
  return place !== null && canModerateGroup(v, place.group, place.membership);
}

/** Approving or declining pending posts, and the group's queue of them. */
export function canReviewPosts(v: GroupViewer, place: PostPlace): boolean {
  return place !== null && canModerateGroup(v, place.group, place.membership);
}

/** Who has and has not seen an announcement: its author and the group's admins and moderators. */
export function canSeeSeenBy(v: GroupViewer, post: PostLike, place: PostPlace): boolean {
  if (!canSeePost(v, post, place)) return false;
  return post.author_id === v.id || (place !== null && canModerateGroup(v, place.group, place.membership));
}

export function canToggleComments(v: GroupViewer, post: PostLike, place: PostPlace): boolean {
  if (!canSeePost(v, post, place)) return false;
  return post.author_id === v.id || (place !== null && canManageGroup(v, place.group, place.membership));
}

export function canEditComment(v: GroupViewer, comment: Pick<CommentsTable, 'author_id'>, post: PostLike, place: PostPlace): boolean {
  return canSeePost(v, post, place) && comment.author_id === v.id;
}

/** The comment's author, the post's author, the group's admins and moderators, company admins. */
export function canDeleteComment(v: GroupViewer, comment: Pick<CommentsTable, 'author_id'>, post: PostLike, place: PostPlace): boolean {
  if (!canSeePost(v, post, place)) return false;
  if (comment.author_id === v.id || post.author_id === v.id || isAdmin(v)) return true;
  return place !== null && canModerateGroup(v, place.group, place.membership);
}

/**
 * The WHERE of "posts this viewer may see" over `posts` (deleted ones excluded), the SQL form of
 * `canSeePost`: filtered in the query, so pages and counts never hold what is then dropped.
 */
export function visiblePosts(eb: ExpressionBuilder<Database, 'posts'>, v: GroupViewer): Expression<SqlBool> {
  if (v.status !== 'active') return sql<SqlBool>`1 = 0`;
  const member = eb.exists(
    eb
      .selectFrom('group_members as vpm')
      .select('vpm.person_id')
      .whereRef('vpm.group_id', '=', 'posts.group_id')
      .where('vpm.person_id', '=', v.id),
  );
  const moderator = eb.exists(
    eb
      .selectFrom('group_members as vpr')
      .select('vpr.person_id')
      .whereRef('vpr.group_id', '=', 'posts.group_id')
      .where('vpr.person_id', '=', v.id)
      .where('vpr.role', 'in', ['admin', 'moderator']),
  );
  // Pending: the author and the group's admins and moderators; declined: the author.
  const reviewed = eb.or([
    eb('posts.status', '=', 'published'),
    eb('posts.author_id', '=', v.id),
    eb.and([eb('posts.status', '=', 'pending'), moderator]),
  ]);
  const scope = [eb('posts.org_id', '=', v.org_id), eb('posts.deleted_at', 'is', null), reviewed];
  if (v.role === 'guest') return eb.and([...scope, eb('posts.group_id', 'is not', null), member]);
  const openGroup = eb.exists(
    eb.selectFrom('groups as vpg').select('vpg.id').whereRef('vpg.id', '=', 'posts.group_id').where('vpg.visibility', '=', 'open'),
  );
  return eb.and([...scope, eb.or([eb('posts.group_id', 'is', null), openGroup, member])]);
}
