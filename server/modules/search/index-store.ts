import { sql } from 'kysely';
import type { Executor } from '../../db/index.js';
import type { SearchDocsTable } from '../../db/schema.js';
import { foldForSearch } from '../../lib/text.js';

export type SearchKind = SearchDocsTable['kind'];

/** What is stored of a document's text: enough for any post or message; a file's text is cut here. */
export const MAX_INDEXED_CHARS = 200_000;

export interface SearchDocument {
  kind: SearchKind;
  refId: string;
  orgId: string;
  /** Where it lives, for the permission filter: a post (posts, comments, their files), a group, a conversation. */
  postId?: string | null;
  groupId?: string | null;
  conversationId?: string | null;
  authorId?: string | null;
  createdAt: number;
  title?: string | null;
  body: string;
}

const keyOf = (kind: SearchKind, refId: string) => `${kind}:${refId}`;

/** A place as one word the engines keep whole (letters and digits): see migration 0013. */
export const scopeWord = (prefix: 'g' | 'c', id: string): string => `${prefix}${id.replaceAll('-', '').toLowerCase()}`;
/** Profile posts (and their comments and files), and the groups themselves. */
export const PROFILE_SCOPE = 'p';
export const GROUPS_SCOPE = 'd';

/** The scope of a post, its comments and its files: its group's, or profiles'. */
export const postScope = (groupId: string | null): string => (groupId ? scopeWord('g', groupId) : PROFILE_SCOPE);

/** Where a document lives, as a scope word; a comment or a post's file asks its post. */
async function scopeOf(db: Executor, d: SearchDocument): Promise<string> {
  if (d.kind === 'group') return GROUPS_SCOPE;
  if (d.conversationId) return scopeWord('c', d.conversationId);
  if (d.groupId !== undefined || !d.postId) return postScope(d.groupId ?? null);
  return postScope((await db.selectFrom('posts').select('group_id').where('id', '=', d.postId).executeTakeFirst())?.group_id ?? null);
}

/**
 * The words the engines index: folded, letters and digits only, one space apart. Splitting here,
 * not in the engines, makes both see the same words (PostgreSQL's parser would otherwise keep
 * "report.pdf" or "a@b.c" whole, where FTS5 splits them).
 */
export function indexedWords(text: string | null | undefined, max = MAX_INDEXED_CHARS): string {
  return (foldForSearch(text ?? '').match(/[\p{L}\p{N}]+/gu) ?? []).join(' ').slice(0, max);
}

/**
 * Puts a document in the index, or brings it up to date, in the caller's transaction: a change and
 * its searchability commit together, so search is never behind what was acknowledged.
 */
export async function indexDocument(db: Executor, d: SearchDocument): Promise<void> {
  const row = {
    doc_key: keyOf(d.kind, d.refId),
    org_id: d.orgId,
    kind: d.kind,
    ref_id: d.refId,
    post_id: d.postId ?? null,
    group_id: d.groupId ?? null,
    conversation_id: d.conversationId ?? null,
    author_id: d.authorId ?? null,
    created_at: d.createdAt,
    title: indexedWords(d.title, 1000),
    body: indexedWords(d.body),
    scope: await scopeOf(db, d),
  };
  const { doc_key: _key, ...changes } = row;
  void _key;
  await db
    .insertInto('search_docs')
    .values(row)
    .onConflict((oc) => oc.column('doc_key').doUpdateSet(changes))
    .execute();
}

/** Takes a document out of the index (deleted, or no longer searchable). */
export async function unindexDocument(db: Executor, kind: SearchKind, refId: string): Promise<void> {
  await db.deleteFrom('search_docs').where('doc_key', '=', keyOf(kind, refId)).execute();
}

/** New words for a document already indexed (an edit); nothing happens to one that is not. */
export async function reindexText(db: Executor, kind: SearchKind, refId: string, body: string, title?: string | null): Promise<void> {
  await db
    .updateTable('search_docs')
    .set({
      body: indexedWords(body),
      ...(title === undefined ? {} : { title: indexedWords(title, 1000) }),
    })
    .where('doc_key', '=', keyOf(kind, refId))
    .execute();
}

/** Takes out the files of a deleted chat message (their downloads end with it: policies/files.ts). */
export async function unindexFilesOf(db: Executor, owner: { messageId: string }): Promise<void> {
  await db
    .deleteFrom('search_docs')
    // By the unique key (an index), not kind and ref_id (none).
    .where(
      'doc_key',
      'in',
      db
        .selectFrom('attachments')
        .select(sql<string>`'file:' || id`.as('doc_key'))
        .where('message_id', '=', owner.messageId),
    )
    .execute();
}
