import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL: inflections in French, German and Dutch as well as English, and the narrowing to
 * places done by the GIN index.
 *
 * - A company writes in several languages, often in one group, and nothing says which language a
 *   post is in (a person's interface language is not the language they write in). So every
 *   document is stemmed in the four languages, one `commonplace_<language>` configuration each
 *   (Snowball, without stop words, like `commonplace`, migration 0013), and a query word matches
 *   any of its four stems (search/query.ts). Where stems agree, the tsvector keeps one lexeme.
 * - The document's place (`scope`, migration 0013) enters the tsvector as a lexeme starting with
 *   `#`, which no indexed word can make (words are letters and digits). A search in a guest's three
 *   groups or a person's conversations is then one GIN match, instead of every match of its words
 *   filtered row by row.
 * - Each family (feed, chat) gets an index of its ids, so that walking the feed newest first does
 *   not step over every message of the company on the way (chat outgrows the feed many times): a
 *   common word's newest matches in the feed went from 600 ms to 25 ms at a million documents.
 *
 * SQLite: unchanged (FTS5's porter stemmer is English only; the scope is already an FTS5 column).
 */
const LANGUAGES = [
  ['fr', 'french'],
  ['de', 'german'],
  ['nl', 'dutch'],
] as const;

/**
 * The other languages' stems cover a text's first this-many characters: all of any post, comment or
 * message, the start of a long file. A tsvector holds at most 1 MB, and four stemmings of a file's
 * 200,000 indexed characters of unusual words come near it (English alone stays under half).
 */
const OTHER_LANGUAGES_CHARS = 20_000;

/** One text, stemmed in the four languages (their stems merge where equal). */
const stemmed = (column: string) =>
  [
    `to_tsvector('commonplace', ${column})`,
    ...LANGUAGES.map(([code]) => `to_tsvector('commonplace_${code}', left(${column}, ${OTHER_LANGUAGES_CHARS}))`),
  ].join(' || ');

const PLACE = `array_to_tsvector(array['#' || scope])`;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [code, language] of LANGUAGES) {
    await sql`create text search dictionary ${sql.raw(`commonplace_${code}_stem`)} (template = snowball, language = ${sql.raw(language)})`.execute(
      db,
    );
    await sql`create text search configuration ${sql.raw(`commonplace_${code}`)} (copy = simple)`.execute(db);
    await sql`alter text search configuration ${sql.raw(`commonplace_${code}`)} alter mapping for asciiword, word with ${sql.raw(`commonplace_${code}_stem`)}`.execute(
      db,
    );
  }
  await sql`drop index search_docs_tsv`.execute(db);
  await sql`alter table search_docs drop column tsv`.execute(db);
  await sql`alter table search_docs add column tsv tsvector generated always as
    (setweight(${sql.raw(stemmed('title'))}, 'A') || setweight(${sql.raw(stemmed('body'))}, 'B') || ${sql.raw(PLACE)}) stored`.execute(db);
  await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
  await sql`create index search_docs_feed_ids on search_docs (id) where conversation_id is null`.execute(db);
  await sql`create index search_docs_chat_ids on search_docs (id) where conversation_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop index search_docs_feed_ids`.execute(db);
  await sql`drop index search_docs_chat_ids`.execute(db);
  await sql`drop index search_docs_tsv`.execute(db);
  await sql`alter table search_docs drop column tsv`.execute(db);
  await sql`alter table search_docs add column tsv tsvector generated always as
    (setweight(to_tsvector('commonplace', title), 'A') || setweight(to_tsvector('commonplace', body), 'B')) stored`.execute(db);
  await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
  for (const [code] of LANGUAGES) {
    await sql`drop text search configuration ${sql.raw(`commonplace_${code}`)}`.execute(db);
    await sql`drop text search dictionary ${sql.raw(`commonplace_${code}_stem`)}`.execute(db);
  }
}
