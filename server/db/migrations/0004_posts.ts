import type { Kysely } from 'kysely';

/**
 * Posts (in a group, or on the author's profile), their revisions and mentions; comments with one
 * level of replies and their mentions; reactions on posts and comments (one per person per target).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    // null: a post on the author's own profile.
    .addColumn('group_id', 'text', (c) => c.references('groups.id'))
    .addColumn('body_markdown', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull())
    .addColumn('pinned_at', 'bigint')
    .addColumn('comments_enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('edited_at', 'bigint')
    .addColumn('deleted_at', 'bigint')
    .addColumn('deleted_by', 'text', (c) => c.references('people.id'))
    .execute();
  await db.schema.createIndex('posts_group_feed').on('posts').columns(['group_id', 'pinned', 'created_at', 'id']).execute();
  await db.schema.createIndex('posts_author_feed').on('posts').columns(['org_id', 'author_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('post_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('body_markdown', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    // When this version was written, and when an edit replaced it.
    .addColumn('written_at', 'bigint', (c) => c.notNull())
    .addColumn('replaced_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_revisions_post').on('post_revisions').columns(['post_id', 'replaced_at', 'id']).execute();

  await db.schema
    .createTable('post_mentions')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_mentions_pk', ['post_id', 'person_id'])
    .execute();
  await db.schema.createIndex('post_mentions_person').on('post_mentions').columns(['person_id', 'created_at']).execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    // null: a top-level comment; otherwise the top-level comment it replies to (one level only).
    .addColumn('parent_id', 'text', (c) => c.references('comments.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('body_markdown', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('edited_at', 'bigint')
    .addColumn('deleted_at', 'bigint')
    .execute();
  await db.schema.createIndex('comments_post_thread').on('comments').columns(['post_id', 'parent_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('comments_parent').on('comments').columns(['parent_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('comment_mentions')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_mentions_pk', ['comment_id', 'person_id'])
    .execute();
  await db.schema.createIndex('comment_mentions_person').on('comment_mentions').columns(['person_id', 'created_at']).execute();

  await db.schema
    .createTable('reactions')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    // A post's or a comment's id (ids are unique across both).
    .addColumn('target_id', 'text', (c) => c.notNull())
    // The post itself, or the post of the comment: visibility is decided on it.
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('reactions_pk', ['target_id', 'person_id'])
    .execute();
  await db.schema.createIndex('reactions_target_time').on('reactions').columns(['target_id', 'created_at', 'person_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['reactions', 'comment_mentions', 'comments', 'post_mentions', 'post_revisions', 'posts']) {
    await db.schema.dropTable(t).execute();
  }
}
