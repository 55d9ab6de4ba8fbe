import { sql, type Kysely } from 'kysely';

/**
 * Notifications (server/modules/notifications):
 * - notifications: one row per recipient and thing that happened. Rows that aggregate ("Anna and 4
 *   others reacted") share a `group_key`; at most one unread row per recipient and key, which later
 *   actors update instead of adding rows. Target references (post, comment, group) decide, at send
 *   time and again at read time, whether the recipient may still see it.
 * - notification_actors: who did it (distinct people per row), newest first for the "Anna and …" line.
 * - post_follows: who hears of new comments on a post (its author, and everyone who commented).
 * A group member's level (all / highlights / off) is group_members.notify (migration 0002).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // null: never aggregated (each one is its own row).
    .addColumn('group_key', 'text')
    .addColumn('actor_count', 'integer', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.references('posts.id'))
    .addColumn('comment_id', 'text', (c) => c.references('comments.id'))
    .addColumn('group_id', 'text', (c) => c.references('groups.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  // The list (newest activity first) and the unread badge.
  await db.schema.createIndex('notifications_recipient_time').on('notifications').columns(['recipient_id', 'updated_at', 'id']).execute();
  await db.schema
    .createIndex('notifications_recipient_unread')
    .on('notifications')
    .columns(['recipient_id', 'updated_at'])
    .where(sql.ref('read_at'), 'is', null)
    .execute();
  // One unread row per recipient and aggregation key; a read one is history and a new one starts.
  await db.schema
    .createIndex('notifications_unread_group_unique')
    .on('notifications')
    .columns(['recipient_id', 'group_key'])
    .unique()
    .where(sql.ref('read_at'), 'is', null)
    .execute();
  // "Was this person told of this post already?" (mentions and new posts are told once).
  await db.schema.createIndex('notifications_post_recipient').on('notifications').columns(['post_id', 'recipient_id']).execute();

  await db.schema
    .createTable('notification_actors')
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id'))
    .addColumn('actor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('acted_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_actors_pk', ['notification_id', 'actor_id'])
    .execute();
  await db.schema.createIndex('notification_actors_time').on('notification_actors').columns(['notification_id', 'acted_at']).execute();

  await db.schema
    .createTable('post_follows')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_follows_pk', ['post_id', 'person_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['post_follows', 'notification_actors', 'notifications']) await db.schema.dropTable(t).execute();
}
