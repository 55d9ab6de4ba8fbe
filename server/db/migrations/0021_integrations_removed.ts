import { type Kysely } from 'kysely';

/**
 * integrations.removed_at: an integration removed by an admin stays for the record (its audit
 * entries, its bot's posts and messages) but can never be turned on again, nor get new tokens.
 * disabled_at alone could not tell "off for now" from "removed".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('integrations').addColumn('removed_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('integrations').dropColumn('removed_at').execute();
}
