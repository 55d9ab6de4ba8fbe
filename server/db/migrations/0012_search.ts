import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Full-text search (server/modules/search). One row per searchable thing (`search_docs`): its kind,
 * where it lives (post, group, conversation: what the permission filter joins on) and its words,
 * folded in application code (lower case, no accents, ø → o, ß → ss) so that both engines match
 * "equipe" with "Équipe" the same way. The engines index those words:
 * - SQLite: an FTS5 table over search_docs (external content, kept in step by triggers), with the
 *   porter stemmer on top of unicode61 (English inflections);
 * - PostgreSQL: a generated tsvector (title weighted above body) with a GIN index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('search_docs')
    .$call((t) =>
      postgres
        ? t.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        : // An alias of the rowid, so that FTS5 rows stay tied to their document through VACUUM.
          t.addColumn('id', 'integer', (c) => c.primaryKey()),
    )
    .addColumn('doc_key', 'text', (c) => c.notNull().unique())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text')
    .addColumn('group_id', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_docs_org_kind').on('search_docs').columns(['org_id', 'kind', 'created_at']).execute();
  if (postgres) {
    await sql`alter table search_docs add column tsv tsvector generated always as
      (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) stored`.execute(db);
    await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(title, body, content='search_docs', content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger search_docs_ai after insert on search_docs begin
      insert into search_fts (rowid, title, body) values (new.id, new.title, new.body); end`.execute(db);
    await sql`create trigger search_docs_ad after delete on search_docs begin
      insert into search_fts (search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body); end`.execute(db);
    await sql`create trigger search_docs_au after update on search_docs begin
      insert into search_fts (search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
      insert into search_fts (rowid, title, body) values (new.id, new.title, new.body); end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!postgres) {
    for (const t of ['search_docs_ai', 'search_docs_ad', 'search_docs_au']) await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
    await sql`drop table if exists search_fts`.execute(db);
  }
  await db.schema.dropTable('search_docs').execute();
}
