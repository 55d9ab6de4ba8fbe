import type { Db } from '../../db/index.js';
import type { SearchDocsTable } from '../../db/schema.js';
import { GROUPS_SCOPE, indexedWords, postScope, scopeWord } from './index-store.js';

type Row = Omit<SearchDocsTable, 'id' | 'scope'> & { scope: string };

const PAGE = 1000;

type Page = (after: string) => Promise<Array<Row & { cursor: string }>>;

/**
 * Rebuilds the search index from the database (`npm run reindex`): everything searchable is read
 * in pages by id and written again, a page per transaction, so the server can keep running (on
 * SQLite it waits between pages). Documents of deleted things are dropped. Returns the counts.
 *
 * Posts, comments, messages and groups are written merged in the order they were made (ids are
 * time-ordered), as they would have been live: newest-first search walks document ids.
 */
export async function rebuildSearchIndex(
  db: Db,
  onProgress: (kind: string, done: number) => void = () => {},
): Promise<Record<string, number>> {
  // Files keep their documents: their text comes from the files, not the database (it was extracted
  // once, in the background); those whose post or message is gone go below.
  await db.deleteFrom('search_docs').where('kind', '!=', 'file').execute();
  const counts: Record<string, number> = {};
  const sources = Object.entries(pagesOf(db)).map(([kind, page]) => ({
    kind,
    page,
    buffer: [] as Array<Row & { cursor: string }>,
    after: '',
    done: false,
  }));
  for (const s of sources) counts[s.kind] = 0;
  for (;;) {
    for (const s of sources)
      if (!s.done && s.buffer.length === 0) {
        s.buffer = await s.page(s.after);
        if (s.buffer.length === 0) s.done = true;
        else s.after = s.buffer[s.buffer.length - 1]!.cursor;
      }
    const open = sources.filter((s) => s.buffer.length > 0);
    if (open.length === 0) break;
    // Everything up to the smallest buffered last id is in the buffers: write it, in id order.
    const horizon = open.map((s) => s.buffer[s.buffer.length - 1]!.cursor).reduce((a, b) => (a < b ? a : b));
    const batch: Array<Row & { cursor: string }> = [];
    for (const s of open) {
      const cut = s.buffer.findIndex((r) => r.cursor > horizon);
      const taken = cut === -1 ? s.buffer.splice(0) : s.buffer.splice(0, cut);
      batch.push(...taken);
      const done = (counts[s.kind] ?? 0) + taken.length;
      counts[s.kind] = done;
      onProgress(s.kind, done);
    }
    batch.sort((a, b) => (a.cursor < b.cursor ? -1 : a.cursor > b.cursor ? 1 : 0));
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < batch.length; i += 200)
        await trx
          .insertInto('search_docs')
          .values(batch.slice(i, i + 200).map(({ cursor: _c, ...r }) => (void _c, r)))
          .onConflict((oc) => oc.column('doc_key').doNothing())
          .execute();
    });
  }
  counts.file = await keepFiles(db);
  return counts;
}

/** Drops the documents of files whose post or message is deleted (the others keep the scope they were indexed with); how many are kept. */
async function keepFiles(db: Db): Promise<number> {
  await db
    .deleteFrom('search_docs')
    .where('kind', '=', 'file')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('attachments as a')
            .leftJoin('posts as p', 'p.id', 'a.post_id')
            .leftJoin('chat_messages as m', 'm.id', 'a.message_id')
            .select('a.id')
            .whereRef('a.id', '=', 'search_docs.ref_id')
            .where((w) =>
              w.or([w('p.deleted_at', 'is', null).and('p.id', 'is not', null), w('m.deleted_at', 'is', null).and('m.id', 'is not', null)]),
            ),
        ),
      ),
    )
    .execute();
  const n = await db
    .selectFrom('search_docs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'file')
    .executeTakeFirstOrThrow();
  return Number(n.n);
}

/** Each kind's documents, a page at a time after an id. */
function pagesOf(db: Db): Record<'post' | 'comment' | 'message' | 'group', Page> {
  const doc = (
    kind: Row['kind'],
    id: string,
    orgId: string,
    createdAt: number,
    body: string | null,
    where: Partial<Pick<Row, 'post_id' | 'group_id' | 'conversation_id' | 'author_id' | 'title'>> & Pick<Row, 'scope'>,
  ): Row & { cursor: string } => ({
    cursor: id,
    doc_key: `${kind}:${id}`,
    org_id: orgId,
    kind,
    ref_id: id,
    post_id: null,
    group_id: null,
    conversation_id: null,
    author_id: null,
    created_at: createdAt,
    title: '',
    body: indexedWords(body),
    ...where,
  });

  return {
    post: async (after) =>
      (
        await db
          .selectFrom('posts')
          .select(['id', 'org_id', 'group_id', 'author_id', 'created_at', 'body_markdown'])
          .where('deleted_at', 'is', null)
          .where('id', '>', after)
          .orderBy('id')
          .limit(PAGE)
          .execute()
      ).map((p) =>
        doc('post', p.id, p.org_id, p.created_at, p.body_markdown, {
          post_id: p.id,
          group_id: p.group_id,
          author_id: p.author_id,
          scope: postScope(p.group_id),
        }),
      ),
    comment: async (after) =>
      (
        await db
          .selectFrom('comments as c')
          .innerJoin('posts as p', 'p.id', 'c.post_id')
          .select(['c.id', 'c.org_id', 'c.post_id', 'c.author_id', 'c.created_at', 'c.body_markdown', 'p.group_id'])
          .where('c.deleted_at', 'is', null)
          .where('p.deleted_at', 'is', null)
          .where('c.id', '>', after)
          .orderBy('c.id')
          .limit(PAGE)
          .execute()
      ).map((c) =>
        doc('comment', c.id, c.org_id, c.created_at, c.body_markdown, {
          post_id: c.post_id,
          author_id: c.author_id,
          scope: postScope(c.group_id),
        }),
      ),
    message: async (after) =>
      (
        await db
          .selectFrom('chat_messages')
          .select(['id', 'org_id', 'conversation_id', 'sender_id', 'created_at', 'body'])
          .where('deleted_at', 'is', null)
          .where('kind', '=', 'text')
          .where('id', '>', after)
          .orderBy('id')
          .limit(PAGE)
          .execute()
      ).map((m) =>
        doc('message', m.id, m.org_id, m.created_at, m.body, {
          conversation_id: m.conversation_id,
          author_id: m.sender_id,
          scope: scopeWord('c', m.conversation_id),
        }),
      ),
    group: async (after) =>
      (
        await db
          .selectFrom('groups')
          .select(['id', 'org_id', 'created_at', 'name', 'description'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(PAGE)
          .execute()
      ).map((g) =>
        doc('group', g.id, g.org_id, g.created_at, g.description, {
          group_id: g.id,
          title: indexedWords(g.name, 1000),
          scope: GROUPS_SCOPE,
        }),
      ),
  };
}
