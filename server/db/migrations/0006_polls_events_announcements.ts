import type { Kysely } from 'kysely';

/**
 * Polls, events and announcements on posts, and post approval in groups:
 * - posts.status: 'published', or 'pending' (waiting for a group admin or moderator in a group
 *   with post approval on), or 'declined'; posts.important marks an announcement.
 * - post_polls / poll_options / poll_votes: one row per person per chosen option.
 * - post_events / event_rsvps: one answer per person per event.
 * - announcement_seen: who marked an announcement seen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('posts')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
    .execute();
  await db.schema
    .alterTable('posts')
    .addColumn('important', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('posts')
    .addColumn('reviewed_by', 'text', (c) => c.references('people.id'))
    .execute();
  await db.schema.alterTable('posts').addColumn('reviewed_at', 'bigint').execute();
  // A group's pending queue, oldest first.
  await db.schema.createIndex('posts_group_status').on('posts').columns(['group_id', 'status', 'created_at', 'id']).execute();

  await db.schema
    .createTable('post_polls')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('posts.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('multiple', 'integer', (c) => c.notNull())
    .addColumn('closes_at', 'bigint')
    .execute();

  await db.schema
    .createTable('poll_options')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('poll_options_post').on('poll_options').columns(['post_id', 'position']).execute();

  await db.schema
    .createTable('poll_votes')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('option_id', 'text', (c) => c.notNull().references('poll_options.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_votes_pk', ['option_id', 'person_id'])
    .execute();
  await db.schema.createIndex('poll_votes_person').on('poll_votes').columns(['post_id', 'person_id']).execute();
  await db.schema.createIndex('poll_votes_time').on('poll_votes').columns(['post_id', 'created_at', 'person_id']).execute();

  await db.schema
    .createTable('post_events')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('posts.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('title', 'text')
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint')
    .addColumn('place', 'text')
    .execute();

  await db.schema
    .createTable('event_rsvps')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_rsvps_pk', ['post_id', 'person_id'])
    .execute();
  await db.schema.createIndex('event_rsvps_answer').on('event_rsvps').columns(['post_id', 'answer', 'answered_at', 'person_id']).execute();

  await db.schema
    .createTable('announcement_seen')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_seen_pk', ['post_id', 'person_id'])
    .execute();
  await db.schema.createIndex('announcement_seen_time').on('announcement_seen').columns(['post_id', 'seen_at', 'person_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['announcement_seen', 'event_rsvps', 'post_events', 'poll_votes', 'poll_options', 'post_polls']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.dropIndex('posts_group_status').execute();
  for (const c of ['reviewed_at', 'reviewed_by', 'important', 'status']) await db.schema.alterTable('posts').dropColumn(c).execute();
}
