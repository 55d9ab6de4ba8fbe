import { performance } from 'node:perf_hooks';
import type { Db, Dialect } from '../../server/db/index.js';
import type { PeopleTable } from '../../server/db/schema.js';
import { insertPost, softDeletePost, updatePost } from '../../server/modules/posts/store.js';
import { parseQuery } from '../../server/modules/search/query.js';
import { searchDocuments, SEARCHABLE_KINDS } from '../../server/modules/search/search-store.js';

/**
 * How soon a change shows in search, through the stores the API uses (a post written, edited,
 * deleted, each in its own transaction as the services do): from the start of the write until a
 * search by its author first reflects it. The index is written in the change's own transaction, so
 * this is the write plus one search, and "found at once" is checked, not assumed.
 */
export async function measureFreshness(db: Db, dialect: Dialect, author: PeopleTable, rounds: number) {
  const ms = { created: [] as number[], edited: [] as number[], deleted: [] as number[] };
  let missed = 0;
  const finds = async (word: string) =>
    (await searchDocuments(db, dialect, author, parseQuery(word)!, { kinds: SEARCHABLE_KINDS, sort: 'date', limit: 5 })).hits.length > 0;
  for (let i = 0; i < rounds; i++) {
    const word = `fresh${i}q${Math.random().toString(36).slice(2, 8).replace(/\d/g, 'x')}`;
    let start = performance.now();
    const post = await db
      .transaction()
      .execute((trx) =>
        insertPost(trx, { org_id: author.org_id, author_id: author.id, group_id: null, body_markdown: `Note ${word}`, body_html: '' }),
      );
    if (!(await finds(word))) missed++;
    ms.created.push(performance.now() - start);

    const edited = `${word}b`;
    start = performance.now();
    await db.transaction().execute((trx) => updatePost(trx, author.org_id, post.id, { body_markdown: `Note ${edited}`, body_html: '' }));
    if (!(await finds(edited)) || (await finds(word))) missed++;
    ms.edited.push(performance.now() - start);

    start = performance.now();
    await db.transaction().execute((trx) => softDeletePost(trx, author.org_id, post.id, author.id));
    if (await finds(edited)) missed++;
    ms.deleted.push(performance.now() - start);
  }
  return { ms, missed };
}
