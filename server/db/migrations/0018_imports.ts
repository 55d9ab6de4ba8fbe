import { type Kysely } from 'kysely';

/**
 * Bulk import of people (server/modules/imports):
 * - imports: one uploaded file, its detected shape, the chosen column mapping and options, the
 *   state of its dry run or run (phase, position to resume from, counts). The bytes are in the
 *   blob store until the import finishes or is discarded.
 * - import_rows: the result of each row of the last dry run or run (create, update, unchanged,
 *   error with the field and message), the person it matched or made, and the access to send.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'bigint', (c) => c.notNull())
    .addColumn('storage_key', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('delimiter', 'text')
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('sample', 'text', (c) => c.notNull())
    .addColumn('suggested', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('mapping', 'text')
    .addColumn('phase', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('job_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deactivated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invitations_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema.createIndex('imports_org_created').on('imports').columns(['org_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('imports_created').on('imports').column('created_at').execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('message', 'text')
    .addColumn('person_id', 'text')
    .addColumn('name', 'text')
    .addColumn('match_key', 'text')
    .addColumn('cells', 'text')
    .addColumn('access', 'text')
    .addColumn('access_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'row_no'])
    .execute();
  await db.schema.createIndex('import_rows_status').on('import_rows').columns(['import_id', 'status', 'row_no']).execute();
  await db.schema.createIndex('import_rows_person').on('import_rows').columns(['import_id', 'person_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_rows').execute();
  await db.schema.dropTable('imports').execute();
}
