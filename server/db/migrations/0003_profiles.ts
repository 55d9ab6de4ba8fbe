import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { foldForSearch } from '../../lib/text.js';

/**
 * Rich profiles, company-defined profile fields, the org chart and follows.
 * The *_key columns are accent- and case-folded copies (server/lib/text.ts foldForSearch) that the
 * directory filters and sorts on; on PostgreSQL they compare byte-wise ("C") so that the order, and
 * therefore every cursor, is the same as on SQLite whatever the database's locale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const keyType = postgres ? sql`text collate "C"` : sql`text`;

  for (const column of ['location', 'phone', 'about', 'employee_id']) {
    await db.schema.alterTable('people').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('people')
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('people')
    .addColumn('manager_id', 'text', (c) => c.references('people.id'))
    .execute();
  for (const column of ['name_key', 'title_key', 'department_key', 'location_key', 'skills_key']) {
    await db.schema.alterTable('people').addColumn(column, keyType).execute();
  }
  // Existing people get their keys here; from now on the people store writes them with every change.
  const existing = await sql<{ id: string; display_name: string; title: string | null; department: string | null }>`
    select id, display_name, title, department from people`.execute(db);
  for (const p of existing.rows) {
    const title = p.title ? foldForSearch(p.title) : null;
    const department = p.department ? foldForSearch(p.department) : null;
    await sql`update people set name_key = ${foldForSearch(p.display_name)}, title_key = ${title},
      department_key = ${department}, skills_key = '|' where id = ${p.id}`.execute(db);
  }

  await db.schema.createIndex('people_org_employee_id_unique').on('people').columns(['org_id', 'employee_id']).unique().execute();
  await db.schema.createIndex('people_org_manager').on('people').columns(['org_id', 'manager_id', 'name_key', 'id']).execute();
  await db.schema.createIndex('people_org_name_key').on('people').columns(['org_id', 'name_key', 'id']).execute();
  await db.schema.createIndex('people_org_department_key').on('people').columns(['org_id', 'department_key']).execute();
  await db.schema.createIndex('people_org_location_key').on('people').columns(['org_id', 'location_key']).execute();

  await db.schema
    .createTable('profile_fields')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('profile_fields_org_position').on('profile_fields').columns(['org_id', 'position', 'id']).execute();

  await db.schema
    .createTable('person_field_values')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('field_id', 'text', (c) => c.notNull().references('profile_fields.id'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_field_values_pk', ['person_id', 'field_id'])
    .execute();
  await db.schema.createIndex('person_field_values_field').on('person_field_values').column('field_id').execute();

  await db.schema
    .createTable('follows')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('follower_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('followee_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('follows_pk', ['follower_id', 'followee_id'])
    .execute();
  await db.schema.createIndex('follows_followee').on('follows').column('followee_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['follows', 'person_field_values', 'profile_fields']) await db.schema.dropTable(t).execute();
  for (const i of [
    'people_org_employee_id_unique',
    'people_org_manager',
    'people_org_name_key',
    'people_org_department_key',
    'people_org_location_key',
  ]) {
    await db.schema.dropIndex(i).execute();
  }
  for (const column of [
    'location',
    'phone',
    'about',
    'employee_id',
    'skills',
    'manager_id',
    'name_key',
    'title_key',
    'department_key',
    'location_key',
    'skills_key',
  ]) {
    await db.schema.alterTable('people').dropColumn(column).execute();
  }
}
