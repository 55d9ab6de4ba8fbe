import { type Kysely } from 'kysely';

/**
 * Identity (issue: access codes, two-factor, SSO, SCIM, LDAP, bulk import, audit log):
 * - people.username: a sign-in handle for staff without e-mail, stored lower-cased, unique in the
 *   company when set. people.frontline: limited to the company's working hours when those are on.
 *   people.terms_accepted_at: when the usage terms were last accepted.
 * - identity_settings: one row per company: two-factor policy, SSO enforcement and the break-glass
 *   owner, working hours, usage terms (JSON, validated in code; server/modules/identity).
 * - access_codes: one-time codes an admin hands to a person (hash only; single use, expiring,
 *   revocable).
 * - totp_factors: a person's authenticator secret (encrypted with the server's key) and the last
 *   time step used (a code is good once). recovery_codes: hashes, each good once.
 *   trusted_devices: "remember this device" cookies (hash only), ending on their date.
 * - person_links: a person as another system knows them (SCIM externalId, LDAP entry, SSO subject,
 *   import key): unique per company, source and key.
 * - audit_log: who did what, when, from where. Ids are time-ordered, so the id orders the log.
 * - one_time_tokens.data: state carried by a token (a sign-in's passed steps).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('username', 'text').execute();
  await db.schema
    .alterTable('people')
    .addColumn('frontline', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('people').addColumn('terms_accepted_at', 'bigint').execute();
  await db.schema.createIndex('people_org_username_unique').on('people').columns(['org_id', 'username']).unique().execute();
  await db.schema.alterTable('one_time_tokens').addColumn('data', 'text').execute();

  await db.schema
    .createTable('identity_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('access_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('access_codes_hash').on('access_codes').columns(['org_id', 'code_hash']).unique().execute();
  await db.schema.createIndex('access_codes_person').on('access_codes').columns(['org_id', 'person_id', 'created_at']).execute();
  await db.schema.createIndex('access_codes_org_created').on('access_codes').columns(['org_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('totp_factors')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'bigint')
    .addColumn('last_step', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recovery_codes_person').on('recovery_codes').columns(['person_id', 'code_hash']).execute();

  await db.schema
    .createTable('trusted_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trusted_devices_person').on('trusted_devices').columns(['person_id']).execute();

  await db.schema
    .createTable('person_links')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_key', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_links_pk', ['org_id', 'source', 'external_key'])
    .execute();
  await db.schema.createIndex('person_links_person').on('person_links').columns(['person_id', 'source']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text')
    .addColumn('target_id', 'text')
    .addColumn('target_label', 'text')
    .addColumn('ip', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_org').on('audit_log').columns(['org_id', 'id']).execute();
  await db.schema.createIndex('audit_log_org_action').on('audit_log').columns(['org_id', 'action', 'id']).execute();
  await db.schema.createIndex('audit_log_org_actor').on('audit_log').columns(['org_id', 'actor_id', 'id']).execute();
  await db.schema.createIndex('audit_log_org_target').on('audit_log').columns(['org_id', 'target_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_log', 'person_links', 'trusted_devices', 'recovery_codes', 'totp_factors', 'access_codes', 'identity_settings']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('one_time_tokens').dropColumn('data').execute();
  await db.schema.dropIndex('people_org_username_unique').execute();
  for (const c of ['terms_accepted_at', 'frontline', 'username']) await db.schema.alterTable('people').dropColumn(c).execute();
}
