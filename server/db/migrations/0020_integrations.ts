import { type Kysely } from 'kysely';

/**
 * Bots and integrations (server/modules/integrations, server/modules/webhooks):
 * - people.is_bot: an integration acts as a person of the company marked as a bot, so every
 *   visibility rule (groups, conversations, posts) applies to it unchanged.
 * - integrations: made by admins; the bot person, the scopes its tokens carry (JSON array).
 * - integration_tokens: bearer tokens (sha256 only; shown once), rotated and revoked.
 * - integration_settings: per company, the hosts webhooks may reach although they resolve to
 *   loopback or private addresses (JSON array; empty by default).
 * - webhooks: per integration, a URL, the event types wanted, the signing secret (sealed with
 *   the server key), status and the count of failures in a row (disabled after too many).
 * - webhook_deliveries: one per event and webhook, the durable log: payload, attempts, next
 *   attempt, last status code / error / duration. `ordering_key` (a conversation or group) keeps
 *   deliveries of one key in order.
 * - chat_messages.blocks, posts.blocks: interactive blocks (JSON) a bot attached.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('people')
    .addColumn('is_bot', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('integrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('bot_person_id', 'text', (c) => c.notNull().unique().references('people.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('disabled_at', 'bigint')
    .execute();
  await db.schema.createIndex('integrations_org').on('integrations').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('integration_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('expires_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('revoked_by', 'text')
    .execute();
  await db.schema.createIndex('integration_tokens_integration').on('integration_tokens').columns(['integration_id', 'id']).execute();

  await db.schema
    .createTable('integration_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('allowed_hosts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled_reason', 'text')
    .addColumn('verified_at', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhooks_integration').on('webhooks').columns(['integration_id', 'id']).execute();
  await db.schema.createIndex('webhooks_org').on('webhooks').columns(['org_id', 'status']).execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('ordering_key', 'text', (c) => c.notNull())
    .addColumn('scope_kind', 'text')
    .addColumn('scope_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_duration_ms', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_queue')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'ordering_key', 'status', 'id'])
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_log').on('webhook_deliveries').columns(['webhook_id', 'id']).execute();

  await db.schema.alterTable('chat_messages').addColumn('blocks', 'text').execute();
  await db.schema.alterTable('posts').addColumn('blocks', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('posts').dropColumn('blocks').execute();
  await db.schema.alterTable('chat_messages').dropColumn('blocks').execute();
  for (const t of ['webhook_deliveries', 'webhooks', 'integration_settings', 'integration_tokens', 'integrations'])
    await db.schema.dropTable(t).execute();
  await db.schema.alterTable('people').dropColumn('is_bot').execute();
}
