import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Each person's last handed-out realtime sequence number moves from the wide `people` row to a
 * narrow table of its own. Numbering a message to a 1,000-person conversation bumps 1,000 of them
 * in one statement: on the people rows that rewrote (and, on SQLite, sent to the log) hundreds of
 * pages of names, titles and search text; here it touches a few. It also stops a profile save from
 * having to step around a column that realtime changes under it.
 * A person without a row has handed out nothing yet (0).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('event_seqs')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    // SQLite: the key is the table (one B-tree, not a row table and an index beside it).
    .$call((t) => (postgres ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  await sql`insert into event_seqs (person_id, seq) select id, event_seq from people where event_seq > 0`.execute(db);
  await db.schema.alterTable('people').dropColumn('event_seq').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('people')
    .addColumn('event_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update people set event_seq = coalesce((select seq from event_seqs where person_id = people.id), 0)`.execute(db);
  await db.schema.dropTable('event_seqs').execute();
}
