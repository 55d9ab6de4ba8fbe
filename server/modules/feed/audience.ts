import type { Executor } from '../../db/index.js';
import { canSeePost, type PostLike } from '../../policies/posts.js';

/**
 * The author's followers who may see the post, so that a followed person's new post reaches the
 * home feeds it belongs to (the "N new posts" prompt) and its live counts reach them too.
 * One query for the followers with their membership of the post's group, one for the group;
 * each follower is then asked the policy, exactly as their own read would be.
 */
export async function followersWhoSee(db: Executor, post: PostLike): Promise<string[]> {
  const groupId = post.group_id;
  const [followers, group] = await Promise.all([
    db
      .selectFrom('follows as f')
      .innerJoin('people as p', 'p.id', 'f.follower_id')
      .leftJoin('group_members as gm', (j) => j.onRef('gm.person_id', '=', 'p.id').on('gm.group_id', '=', groupId ?? ''))
      .select(['p.id', 'p.org_id', 'p.role', 'p.status', 'gm.role as member_role'])
      .where('f.org_id', '=', post.org_id)
      .where('f.followee_id', '=', post.author_id)
      .where('p.status', '=', 'active')
      .execute(),
    groupId
      ? db
          .selectFrom('groups')
          .select(['org_id', 'visibility', 'archived_at', 'post_permission', 'is_company_wide'])
          .where('id', '=', groupId)
          .where('org_id', '=', post.org_id)
          .executeTakeFirst()
      : Promise.resolve(null),
  ]);
  if (groupId && !group) return [];
  return followers
    .filter((f) => canSeePost(f, post, group ? { group, membership: f.member_role ? { role: f.member_role } : null } : null))
    .map((f) => f.id);
}
