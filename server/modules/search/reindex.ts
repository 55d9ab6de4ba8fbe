import type { Db } from '../../db/index.js';
import type { SearchDocsTable } from '../../db/schema.js';
import { indexedWords } from './index-store.js';

type Row = Omit<SearchDocsTable, 'id'>;

const PAGE = 1000;

/**
 * Rebuilds the search index from the database (`npm run reindex`): everything searchable is read
 * in pages by id and written again, a page per transaction, so the server can keep running (on
 * SQLite it waits between pages). Documents of deleted things are dropped. Returns the counts.
 */
export async function rebuildSearchIndex(
  db: Db,
  onProgress: (kind: string, done: number) => void = () => {},
): Promise<Record<string, number>> {
  await db.deleteFrom('search_docs').execute();
  const counts: Record<string, number> = {};
  const pass = async (kind: string, page: (after: string) => Promise<Array<Row & { cursor: string }>>) => {
    let after = '';
    counts[kind] = 0;
    for (;;) {
      const rows = await page(after);
      if (rows.length === 0) break;
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 200)
          await trx
            .insertInto('search_docs')
            .values(rows.slice(i, i + 200).map(({ cursor: _c, ...r }) => (void _c, r)))
            .onConflict((oc) => oc.column('doc_key').doNothing())
            .execute();
      });
      after = rows[rows.length - 1]!.cursor;
      counts[kind] += rows.length;
      onProgress(kind, counts[kind]);
    }
  };
  const doc = (
    kind: Row['kind'],
    id: string,
    orgId: string,
    createdAt: number,
    body: string | null,
    where: Partial<Pick<Row, 'post_id' | 'group_id' | 'conversation_id' | 'author_id' | 'title'>>,
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

  await pass('post', async (after) =>
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
      doc('post', p.id, p.org_id, p.created_at, p.body_markdown, { post_id: p.id, group_id: p.group_id, author_id: p.author_id }),
    ),
  );
  await pass('comment', async (after) =>
    (
      await db
        .selectFrom('comments')
        .select(['id', 'org_id', 'post_id', 'author_id', 'created_at', 'body_markdown'])
        .where('deleted_at', 'is', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute()
    ).map((c) => doc('comment', c.id, c.org_id, c.created_at, c.body_markdown, { post_id: c.post_id, author_id: c.author_id })),
  );
  await pass('message', async (after) =>
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
    ).map((m) => doc('message', m.id, m.org_id, m.created_at, m.body, { conversation_id: m.conversation_id, author_id: m.sender_id })),
  );
  await pass('group', async (after) =>
    (
      await db
        .selectFrom('groups')
        .select(['id', 'org_id', 'created_at', 'name', 'description'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute()
    ).map((g) => doc('group', g.id, g.org_id, g.created_at, g.description, { group_id: g.id, title: indexedWords(g.name, 1000) })),
  );
  return counts;
}
