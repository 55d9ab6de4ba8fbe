import { sql, type Kysely } from 'kysely';

/** Groups, their members, and join requests / invitations (with their history). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('post_permission', 'text', (c) => c.notNull())
    .addColumn('post_approval', 'integer', (c) => c.notNull())
    .addColumn('is_company_wide', 'integer', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('groups_org_name').on('groups').columns(['org_id', 'name_folded', 'id']).execute();
  // One company-wide group per company, even if two sign-up paths raced.
  await db.schema
    .createIndex('groups_org_company_wide_unique')
    .on('groups')
    .column('org_id')
    .unique()
    .where(sql.ref('is_company_wide'), '=', 1)
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('notify', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'person_id'])
    .execute();
  await db.schema.createIndex('group_members_person').on('group_members').column('person_id').execute();

  await db.schema
    .createTable('group_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('decided_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .execute();
  // At most one pending request or invitation per person and group; decided ones are history.
  await db.schema
    .createIndex('group_requests_pending_unique')
    .on('group_requests')
    .columns(['group_id', 'person_id'])
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('group_requests_group_status').on('group_requests').columns(['group_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('group_requests_person').on('group_requests').column('person_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['group_requests', 'group_members', 'groups']) await db.schema.dropTable(t).execute();
}
