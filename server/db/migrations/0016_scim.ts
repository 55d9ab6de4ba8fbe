import { type Kysely } from 'kysely';

/**
 * SCIM 2.0 provisioning (RFC 7643 / 7644, served at /scim/v2):
 * - scim_tokens: the bearer tokens a company's identity provider uses (sha256 of the token only,
 *   shown once when made); revoked ones stay for the record.
 * - scim_users: what SCIM knows of a person beyond the people row: the attributes it sent that
 *   have no column (name parts, addresses, …, as JSON), when SCIM last wrote it (the resource
 *   version), and whether SCIM deleted it (the person is deactivated and stays for their posts,
 *   but is no longer a SCIM resource). People without a row are SCIM resources with nothing extra.
 * - scim_groups: the groups SCIM created (only those are SCIM resources), with their externalId.
 * A person's SCIM externalId is a person_links row of source 'scim'.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scim_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('revoked_by', 'text')
    .execute();
  await db.schema.createIndex('scim_tokens_org').on('scim_tokens').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('scim_users')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('deleted_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('scim_groups')
    .addColumn('group_id', 'text', (c) => c.primaryKey().references('groups.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scim_groups_org').on('scim_groups').columns(['org_id', 'created_at', 'group_id']).execute();
  await db.schema.createIndex('scim_groups_external').on('scim_groups').columns(['org_id', 'external_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['scim_groups', 'scim_users', 'scim_tokens']) await db.schema.dropTable(t).execute();
}
