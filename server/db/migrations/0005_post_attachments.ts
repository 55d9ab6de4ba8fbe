import type { Kysely } from 'kysely';

/**
 * Photos and files attached to posts. An upload is stored at once and belongs to its uploader
 * alone until a post takes it (post_id set); from then on it is seen by whoever sees the post.
 * `files.purpose` tells a profile photo from an attachment's bytes, so the download asks the
 * right container and a file is never visible by default.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('files')
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('photo'))
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('people.id'))
    // 'image': re-encoded WebP with a thumbnail; 'file': the bytes as sent.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().unique().references('files.id'))
    .addColumn('thumbnail_file_id', 'text', (c) => c.unique().references('files.id'))
    // The name the uploader's device gave, cleaned; offered when the file is downloaded.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'bigint', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    // null until a post takes the upload.
    .addColumn('post_id', 'text', (c) => c.references('posts.id'))
    .addColumn('position', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_post').on('attachments').columns(['post_id', 'position']).execute();
  await db.schema.createIndex('attachments_owner').on('attachments').columns(['org_id', 'owner_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attachments').execute();
  await db.schema.alterTable('files').dropColumn('purpose').execute();
}
