import type { SearchQuery, SearchResult } from '../../../protocol/search.js';
import { SEARCH_KINDS } from '../../../protocol/search.js';
import type { AppContext } from '../../context.js';
import type { PeopleTable } from '../../db/schema.js';
import { badInput } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { fileUrl } from '../files/attachments-store.js';
import { selectVisiblePosts } from '../posts/store.js';
import type { SearchKind } from './index-store.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { RANKING_WINDOW, searchDocuments, type SearchHit, type SearchPosition } from './search-store.js';
import { snippetOf } from './snippet.js';

/**
 * Search over what the viewer may see. The permission filter is in the query (search-store.ts);
 * presenting reads the rows again through the same policies, so a document changed between the two
 * reads (deleted, moved to a secret group) is left out rather than shown.
 */
export async function search(
  ctx: AppContext,
  v: PeopleTable,
  input: SearchQuery,
): Promise<{ items: SearchResult[]; nextCursor: string | null }> {
  const q = parseQuery(input.q);
  if (!q) throw badInput('q', 'must contain at least one letter or digit');
  const after = positionOf(input);
  const kinds = (input.type ? input.type.split(',') : [...SEARCH_KINDS]) as SearchKind[];
  const from = input.from ? Date.parse(input.from) : undefined;
  // A date alone means the whole day: "to 2026-12-01" includes that day.
  const to = input.to ? Date.parse(input.to) + (input.to.length === 10 ? 86_400_000 : 0) : undefined;
  if (from !== undefined && to !== undefined && from >= to) throw badInput('to', 'must be after from');
  const { hits, next } = await searchDocuments(ctx.db, ctx.dialect, v, q, {
    kinds,
    sort: input.sort,
    limit: input.limit,
    after,
    authorId: input.author,
    groupId: input.group,
    from,
    to,
  });
  const items = await present(ctx, v, hits, q);
  const nextCursor = !next
    ? null
    : next.sort === 'date'
      ? encodeCursor(['date', next.before])
      : encodeCursor(['relevance', next.ceiling, next.skip]);
  return { items, nextCursor };
}

const wholeAtLeast = (n: number, min: number) => Number.isSafeInteger(n) && n >= min;

/** The cursor a previous page gave out, for the same sort; anything else is refused. */
function positionOf(input: SearchQuery): SearchPosition | undefined {
  if (!input.cursor) return undefined;
  const refused = () => badInput('cursor', 'is not a cursor this list gave out');
  if (input.sort === 'date') {
    const [tag, before] = decodeCursor<[string, number]>(input.cursor, ['string', 'number'])!;
    if (tag !== 'date' || !wholeAtLeast(before, 1)) throw refused();
    return { sort: 'date', before };
  }
  const [tag, ceiling, skip] = decodeCursor<[string, number, number]>(input.cursor, ['string', 'number', 'number'])!;
  if (tag !== 'relevance' || !wholeAtLeast(ceiling, 0) || !wholeAtLeast(skip, 0) || skip > RANKING_WINDOW) throw refused();
  return { sort: 'relevance', ceiling, skip };
}

const iso = (ms: number) => new Date(Number(ms)).toISOString();

async function present(ctx: AppContext, v: PeopleTable, hits: SearchHit[], q: ParsedQuery): Promise<SearchResult[]> {
  const ids = (kind: SearchKind) => hits.filter((h) => h.kind === kind).map((h) => h.refId);
  const db = ctx.db;
  const postIds = ids('post');
  const posts = postIds.length ? await selectVisiblePosts(db, v).where('posts.id', 'in', postIds).execute() : [];
  const commentIds = ids('comment');
  const comments = commentIds.length
    ? await db
        .selectFrom('comments as c')
        .innerJoin('people as p', 'p.id', 'c.author_id')
        .select(['c.id', 'c.post_id', 'c.author_id', 'c.body_markdown', 'c.created_at', 'p.display_name'])
        .where('c.org_id', '=', v.org_id)
        .where('c.id', 'in', commentIds)
        .where('c.deleted_at', 'is', null)
        .execute()
    : [];
  const messageIds = ids('message');
  const messages = messageIds.length
    ? await db
        .selectFrom('chat_messages as m')
        .innerJoin('people as p', 'p.id', 'm.sender_id')
        .select(['m.id', 'm.conversation_id', 'm.sender_id', 'm.body', 'm.created_at', 'p.display_name'])
        .where('m.org_id', '=', v.org_id)
        .where('m.id', 'in', messageIds)
        .where('m.deleted_at', 'is', null)
        .execute()
    : [];
  const groupIds = ids('group');
  const groups = groupIds.length
    ? await db
        .selectFrom('groups')
        .select(['id', 'name', 'description', 'visibility'])
        .where('org_id', '=', v.org_id)
        .where('id', 'in', groupIds)
        .execute()
    : [];
  const fileIds = ids('file');
  const files = fileIds.length
    ? await db
        .selectFrom('attachments as a')
        .innerJoin('people as p', 'p.id', 'a.owner_id')
        .innerJoin('search_docs as d', (j) => j.onRef('d.ref_id', '=', 'a.id').on('d.kind', '=', 'file'))
        .select(['a.id', 'a.name', 'a.file_id', 'a.post_id', 'a.owner_id', 'a.created_at', 'p.display_name', 'd.conversation_id', 'd.body'])
        .where('a.org_id', '=', v.org_id)
        .where('a.id', 'in', fileIds)
        .execute()
    : [];
  const out: SearchResult[] = [];
  for (const h of hits) {
    if (h.kind === 'post') {
      const p = posts.find((r) => r.id === h.refId);
      if (p)
        out.push({
          kind: 'post',
          id: p.id,
          groupId: p.group_id,
          groupName: p.group_name,
          author: { id: p.author_id, displayName: p.author_name },
          createdAt: iso(p.created_at),
          snippet: snippetOf(p.body_markdown, q),
        });
    } else if (h.kind === 'comment') {
      const c = comments.find((r) => r.id === h.refId);
      if (c)
        out.push({
          kind: 'comment',
          id: c.id,
          postId: c.post_id,
          author: { id: c.author_id, displayName: c.display_name },
          createdAt: iso(c.created_at),
          snippet: snippetOf(c.body_markdown, q),
        });
    } else if (h.kind === 'message') {
      const m = messages.find((r) => r.id === h.refId);
      if (m)
        out.push({
          kind: 'message',
          id: m.id,
          conversationId: m.conversation_id,
          author: { id: m.sender_id, displayName: m.display_name },
          createdAt: iso(m.created_at),
          snippet: snippetOf(m.body, q),
        });
    } else if (h.kind === 'file') {
      const f = files.find((r) => r.id === h.refId);
      // The text inside a file is kept only as indexed (folded): its snippet reads in lower case.
      if (f)
        out.push({
          kind: 'file',
          id: f.id,
          name: f.name,
          url: fileUrl(f.file_id),
          postId: f.post_id,
          conversationId: f.conversation_id,
          author: { id: f.owner_id, displayName: f.display_name },
          createdAt: iso(f.created_at),
          snippet: snippetOf(`${f.name} ${f.body}`, q),
        });
    } else if (h.kind === 'group') {
      const g = groups.find((r) => r.id === h.refId);
      if (g) out.push({ kind: 'group', id: g.id, name: g.name, visibility: g.visibility, snippet: snippetOf(g.description || g.name, q) });
    }
  }
  return out;
}
