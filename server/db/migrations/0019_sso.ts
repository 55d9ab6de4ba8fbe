import { type Kysely } from 'kysely';

/**
 * Single sign-on (OpenID Connect and SAML 2.0):
 * - sso_connections: one identity provider per company: protocol, on/off, just-in-time creation,
 *   the button's name, the protocol's settings as JSON (never secrets) and the OpenID Connect
 *   client secret sealed with the server's key.
 * - sso_requests: each sign-in started here and not yet answered: for OpenID Connect the state,
 *   nonce and PKCE verifier, bound to the browser by a cookie (its hash); for SAML the
 *   AuthnRequest ID that the answer's InResponseTo must name. Spent once, expiring after minutes.
 * - sso_assertions: the SAML assertions already consumed, kept until they expire, so a response
 *   posted twice is refused.
 * People are linked to their provider's subject through person_links (source 'oidc' or 'saml').
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sso_connections')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('protocol', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('jit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('display_name', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('client_secret_enc', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sso_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('protocol', 'text', (c) => c.notNull())
    .addColumn('browser_hash', 'text')
    .addColumn('state', 'text')
    .addColumn('nonce', 'text')
    .addColumn('code_verifier_enc', 'text')
    .addColumn('request_id', 'text')
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('sso_requests_browser').on('sso_requests').columns(['org_id', 'browser_hash']).execute();
  await db.schema.createIndex('sso_requests_request_id').on('sso_requests').columns(['org_id', 'request_id']).unique().execute();
  await db.schema.createIndex('sso_requests_expires').on('sso_requests').columns(['expires_at']).execute();

  await db.schema
    .createTable('sso_assertions')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('assertion_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sso_assertions_pk', ['org_id', 'assertion_id'])
    .execute();
  await db.schema.createIndex('sso_assertions_expires').on('sso_assertions').columns(['expires_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sso_assertions').execute();
  await db.schema.dropTable('sso_requests').execute();
  await db.schema.dropTable('sso_connections').execute();
}
