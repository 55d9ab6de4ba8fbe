import { type Kysely } from 'kysely';

/**
 * LDAP / Active Directory sync:
 * - ldap_configs: one directory per company (server, bind DN and its sealed password, base DN,
 *   filter, attribute mapping as JSON, schedule, sign-in by bind, deactivation limit), with the
 *   fingerprint of the configuration a dry run was last completed for.
 * - ldap_sync_runs: each sync or dry run: status, counts, progress, per-entry problems and changes
 *   (JSON, first 500 of each). The list is read newest first per company.
 * People are linked to their entries through person_links (source 'ldap', the entry's stable id).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ldap_configs')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('start_tls', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ca_certificate', 'text')
    .addColumn('bind_dn', 'text', (c) => c.notNull())
    .addColumn('bind_password_enc', 'text')
    .addColumn('base_dn', 'text', (c) => c.notNull())
    .addColumn('preset', 'text', (c) => c.notNull())
    .addColumn('user_filter', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('schedule_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sign_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_deactivate_percent', 'integer', (c) => c.notNull().defaultTo(20))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('dry_run_fingerprint', 'text')
    .addColumn('next_sync_at', 'bigint')
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ldap_configs_next_sync').on('ldap_configs').columns(['next_sync_at']).execute();

  await db.schema
    .createTable('ldap_sync_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('forced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('fingerprint', 'text')
    .addColumn('entries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reactivated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deactivated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('safety_valve', 'text')
    .addColumn('problems', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema.createIndex('ldap_sync_runs_org').on('ldap_sync_runs').columns(['org_id', 'id']).execute();
  await db.schema.createIndex('ldap_sync_runs_org_status').on('ldap_sync_runs').columns(['org_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ldap_sync_runs').execute();
  await db.schema.dropTable('ldap_configs').execute();
}
