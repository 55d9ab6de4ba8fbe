import type { Kysely } from 'kysely';

/**
 * Indexes of the home feed (server/modules/feed). The feed reads each of a person's sources (a
 * group, a person) newest first and stops after a few rows, so:
 * - posts_group_recent / posts_author_recent: a group's and a person's posts in time order, without
 *   the pinned prefix of the group feed's index, and holding every column the feed filters and
 *   orders on (status, deletion, company, author or group, important), so those reads never touch
 *   the posts themselves, whose bodies can be large.
 * - reactions_person_time / comments_author_time: "my interactions in the last 30 days", which the
 *   Top order scores on; without them that is a scan of every reaction and comment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('posts_group_recent')
    .on('posts')
    .columns(['group_id', 'created_at', 'id', 'status', 'deleted_at', 'org_id', 'author_id', 'important'])
    .execute();
  await db.schema
    .createIndex('posts_author_recent')
    .on('posts')
    .columns(['org_id', 'author_id', 'created_at', 'id', 'status', 'deleted_at', 'group_id', 'important'])
    .execute();
  await db.schema.createIndex('reactions_person_time').on('reactions').columns(['person_id', 'created_at']).execute();
  await db.schema.createIndex('comments_author_time').on('comments').columns(['author_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const i of ['comments_author_time', 'reactions_person_time', 'posts_author_recent', 'posts_group_recent']) {
    await db.schema.dropIndex(i).execute();
  }
}
