import type { Kysely } from 'kysely';

/** A group's cover picture (files.purpose 'cover'): seen by whoever may find the group. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('groups')
    .addColumn('cover_file_id', 'text', (c) => c.references('files.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('groups').dropColumn('cover_file_id').execute();
}
