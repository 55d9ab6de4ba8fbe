import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Where each search document lives, as one word (`search_docs.scope`): `g<group id>` for a group's
 * posts, their comments and files; `c<conversation id>` for a conversation's messages and files;
 * `p` for profile posts and theirs; `d` for the groups themselves. The engines index it beside the
 * words, so that a search by someone who may see little (a guest in three groups) asks the engine
 * for matches in those places only, instead of walking every match to find theirs. It is only a
 * narrowing: who may see what is still decided by the policies, in the same query.
 *
 * On PostgreSQL the words are also stemmed now (configuration `commonplace`), as on SQLite.
 */
const BACKFILL = sql`update search_docs set scope = case
    when kind = 'group' then 'd'
    when conversation_id is not null then 'c' || replace(conversation_id, '-', '')
    else coalesce((select 'g' || replace(posts.group_id, '-', '') from posts where posts.id = search_docs.post_id), 'p')
  end`;

/** SQLite: the feed's FTS5 index and chat's, each over a view of its own documents. */
const FAMILIES = [
  ['search_fts', 'search_feed_docs', 'conversation_id is null'],
  ['search_chat_fts', 'search_chat_docs', 'conversation_id is not null'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable('search_docs')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('p'))
    .execute();
  await BACKFILL.execute(db);
  // Deleting a post takes its comments' and files' documents with it (posts/store.ts).
  await db.schema.createIndex('search_docs_post').on('search_docs').column('post_id').execute();
  if (postgres) {
    await sql`create index search_docs_scope on search_docs (scope)`.execute(db);
    // Inflections, as FTS5's porter stemmer finds them on SQLite: English Snowball stems, without
    // its stop words (a search for "the who" should find The Who). Words are folded beforehand.
    await sql`create text search dictionary commonplace_stem (template = snowball, language = english)`.execute(db);
    await sql`create text search configuration commonplace (copy = simple)`.execute(db);
    await sql`alter text search configuration commonplace alter mapping for asciiword, word with commonplace_stem`.execute(db);
    await sql`drop index search_docs_tsv`.execute(db);
    await sql`alter table search_docs drop column tsv`.execute(db);
    await sql`alter table search_docs add column tsv tsvector generated always as
      (setweight(to_tsvector('commonplace', title), 'A') || setweight(to_tsvector('commonplace', body), 'B')) stored`.execute(db);
    await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
    return;
  }
  // Two FTS5 indexes, the feed's and chat's, each over a view of its documents (external content:
  // a 'rebuild' reads only its own): a search walks each newest first, and a walk through the feed
  // must not pass every message of the company on its way (chat outgrows the feed many times).
  for (const t of ['search_docs_ai', 'search_docs_ad', 'search_docs_au']) await sql`drop trigger ${sql.raw(t)}`.execute(db);
  await sql`drop table search_fts`.execute(db);
  for (const [table, view, where] of FAMILIES) {
    await sql`create view ${sql.raw(view)} as select id, title, body, scope from search_docs where ${sql.raw(where)}`.execute(db);
    await sql`create virtual table ${sql.raw(table)} using fts5(title, body, scope, content=${sql.lit(view)}, content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
  }
  const [feed, chat] = FAMILIES;
  const into = (t: string, row: 'new' | 'old', del: boolean) =>
    del
      ? `insert into ${t} (${t}, rowid, title, body, scope) select 'delete', ${row}.id, ${row}.title, ${row}.body, ${row}.scope`
      : `insert into ${t} (rowid, title, body, scope) select ${row}.id, ${row}.title, ${row}.body, ${row}.scope`;
  const both = (row: 'new' | 'old', del: boolean) =>
    `${into(feed[0], row, del)} where ${row}.conversation_id is null; ${into(chat[0], row, del)} where ${row}.conversation_id is not null;`;
  await sql`create trigger search_docs_ai after insert on search_docs begin ${sql.raw(both('new', false))} end`.execute(db);
  await sql`create trigger search_docs_ad after delete on search_docs begin ${sql.raw(both('old', true))} end`.execute(db);
  await sql`create trigger search_docs_au after update on search_docs begin ${sql.raw(both('old', true))} ${sql.raw(both('new', false))} end`.execute(
    db,
  );
  for (const [table] of FAMILIES) await sql`insert into ${sql.raw(table)} (${sql.raw(table)}) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropIndex('search_docs_post').execute();
  if (postgres) {
    await sql`drop index search_docs_scope`.execute(db);
    await sql`drop index search_docs_tsv`.execute(db);
    await sql`alter table search_docs drop column tsv`.execute(db);
    await sql`alter table search_docs add column tsv tsvector generated always as
      (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) stored`.execute(db);
    await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
    await sql`drop text search configuration commonplace`.execute(db);
    await sql`drop text search dictionary commonplace_stem`.execute(db);
  } else {
    for (const t of ['search_docs_ai', 'search_docs_ad', 'search_docs_au']) await sql`drop trigger ${sql.raw(t)}`.execute(db);
    for (const [table, view] of FAMILIES) {
      await sql`drop table ${sql.raw(table)}`.execute(db);
      await sql`drop view ${sql.raw(view)}`.execute(db);
    }
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
  await db.schema.alterTable('search_docs').dropColumn('scope').execute();
  if (!postgres) await sql`insert into search_fts (search_fts) values ('rebuild')`.execute(db);
}
