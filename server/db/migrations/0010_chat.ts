import { sql, type Kysely } from 'kysely';

/**
 * Work Chat (server/modules/chat):
 * - conversations: direct (one per pair: `direct_key` is the two ids sorted), group, or linked to a
 *   Commonplace group (`group_id`; its participants are that group's members). `last_seq` numbers
 *   the messages; sending takes the next one with an UPDATE of this row, so sends and membership
 *   changes of one conversation are serialised by its row.
 * - conversation_members: who is in a direct or group conversation, with their own state (read
 *   position, muted, archived). For a linked conversation a row only holds that state (membership
 *   is the group's), made the first time it is needed.
 * - chat_messages: one row per message; `(conversation_id, seq)` is unique; `client_key` makes a
 *   retried send return the first message (unique per sender).
 * - chat_reactions: one reaction per person and message.
 * - attachments.message_id: an upload taken by a message (like post_id for posts).
 * - presence_devices: one row per open socket with its status, refreshed by the heartbeat; a row
 *   not refreshed for a while belongs to a process that died. people.last_active_at is kept for
 *   "last active".
 * - notifications.conversation_id / message_id: what a chat notification is about.
 * - event_bodies + events.body_id: an event's payload stored once for all its recipients.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    // The name folded for accent-blind search (lib/text.ts foldForSearch); null without a name.
    .addColumn('name_key', 'text')
    .addColumn('group_id', 'text', (c) => c.references('groups.id'))
    .addColumn('direct_key', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_message_id', 'text')
    .addColumn('last_activity_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('conversations_direct_key').on('conversations').columns(['org_id', 'direct_key']).unique().execute();
  await db.schema.createIndex('conversations_group').on('conversations').columns(['org_id', 'group_id']).unique().execute();

  await db.schema
    .createTable('conversation_members')
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('member'))
    .addColumn('last_read_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('muted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', 'bigint')
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_members_pk', ['conversation_id', 'person_id'])
    .execute();
  await db.schema.createIndex('conversation_members_person').on('conversation_members').columns(['person_id', 'conversation_id']).execute();

  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('text'))
    .addColumn('sender_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('client_key', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('system', 'text')
    .addColumn('reply_to_id', 'text')
    .addColumn('post_id', 'text', (c) => c.references('posts.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('edited_at', 'bigint')
    .addColumn('deleted_at', 'bigint')
    .execute();
  await db.schema.createIndex('chat_messages_conversation_seq').on('chat_messages').columns(['conversation_id', 'seq']).unique().execute();
  await db.schema
    .createIndex('chat_messages_client_key')
    .on('chat_messages')
    .columns(['sender_id', 'client_key'])
    .unique()
    .where(sql.ref('client_key'), 'is not', null)
    .execute();

  await db.schema
    .createTable('chat_reactions')
    .addColumn('message_id', 'text', (c) => c.notNull().references('chat_messages.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_reactions_pk', ['message_id', 'person_id'])
    .execute();

  await db.schema
    .alterTable('attachments')
    .addColumn('message_id', 'text', (c) => c.references('chat_messages.id'))
    .execute();
  await db.schema.createIndex('attachments_message').on('attachments').columns(['message_id']).execute();

  await db.schema
    .createTable('presence_devices')
    .addColumn('connection_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('presence_devices_person').on('presence_devices').columns(['person_id', 'seen_at']).execute();
  await db.schema.alterTable('people').addColumn('last_active_at', 'bigint').execute();

  // A message to 1,000 people is 1,000 numbered events: their payload is stored once and shared.
  await db.schema
    .createTable('event_bodies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_bodies_created').on('event_bodies').column('created_at').execute();
  await db.schema.alterTable('events').addColumn('body_id', 'text').execute();

  // A notification about a chat message (a mention, or messages while away) points at both.
  await db.schema
    .alterTable('notifications')
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id'))
    .execute();
  await db.schema
    .alterTable('notifications')
    .addColumn('message_id', 'text', (c) => c.references('chat_messages.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('body_id').execute();
  await db.schema.dropTable('event_bodies').execute();
  await db.schema.alterTable('notifications').dropColumn('message_id').execute();
  await db.schema.alterTable('notifications').dropColumn('conversation_id').execute();
  await db.schema.alterTable('people').dropColumn('last_active_at').execute();
  await db.schema.dropTable('presence_devices').execute();
  await db.schema.dropIndex('attachments_message').execute();
  await db.schema.alterTable('attachments').dropColumn('message_id').execute();
  for (const t of ['chat_reactions', 'chat_messages', 'conversation_members', 'conversations']) await db.schema.dropTable(t).execute();
}
