import { sql, type Kysely } from 'kysely';

/**
 * Voice and video calls (server/modules/calls):
 * - calls: one per call of a conversation; `state` ringing → active → ended, with its outcome.
 *   A partial unique index keeps at most one call not ended per conversation, so two people
 *   pressing "call" at once end up in the same call. `message_id`: the history message that tells
 *   of the call (updated when it ends).
 * - call_participants: everyone rung or joined. While joined, `connection_id` is the device (realtime
 *   socket) that takes part, and `session_id` its sign-in session (a new socket of the same session
 *   may take its place back after a network change); `gone_at` is when that socket was seen closed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('media', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('started_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('sharer_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('calls_one_ongoing')
    .on('calls')
    .column('conversation_id')
    .unique()
    .where(sql.ref('state'), '<>', 'ended')
    .execute();
  await db.schema.createIndex('calls_conversation').on('calls').columns(['conversation_id', 'created_at']).execute();
  await db.schema.createIndex('calls_ongoing').on('calls').column('state').where(sql.ref('state'), '<>', 'ended').execute();

  await db.schema
    .createTable('call_participants')
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text')
    .addColumn('session_id', 'text')
    .addColumn('muted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('camera', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rung_at', 'bigint', (c) => c.notNull())
    .addColumn('joined_at', 'bigint')
    .addColumn('left_at', 'bigint')
    .addColumn('gone_at', 'bigint')
    .addPrimaryKeyConstraint('call_participants_pk', ['call_id', 'person_id'])
    .execute();
  // "Is this person in a call already?" (busy), and the device of a socket that closed.
  await db.schema.createIndex('call_participants_joined').on('call_participants').columns(['person_id', 'state']).execute();
  await db.schema.createIndex('call_participants_connection').on('call_participants').column('connection_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('call_participants').execute();
  await db.schema.dropTable('calls').execute();
}
