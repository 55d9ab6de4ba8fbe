import type { Attachment } from '../../../protocol/files.js';
import type { Executor } from '../../db/index.js';
import type { AttachmentsTable, FilesTable } from '../../db/schema.js';
import { enqueueFileIndexing } from '../search/file-indexer.js';

/** The only code that reads or writes `attachments` (uploads and the posts or chat messages that took them). */

export const fileUrl = (fileId: string): string => `/api/v1/files/${fileId}`;

export function toAttachment(a: AttachmentsTable): Attachment {
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    size: Number(a.byte_size),
    mimeType: a.mime_type,
    url: fileUrl(a.file_id),
    thumbnailUrl: a.thumbnail_file_id ? fileUrl(a.thumbnail_file_id) : null,
    width: a.width,
    height: a.height,
  };
}

/** Writes an upload's file rows and its attachment row (not in any post yet). */
export async function insertUpload(db: Executor, files: FilesTable[], attachment: AttachmentsTable): Promise<void> {
  await db.insertInto('files').values(files).execute();
  await db.insertInto('attachments').values(attachment).execute();
}

/**
 * A new post takes the uploader's own uploads that no post or message has taken yet, in the order
 * given. Says whether every one was taken; the caller rolls back otherwise. `post_id IS NULL AND
 * message_id IS NULL` in the UPDATE makes two posts or messages racing for one upload end with one winner.
 */
export function attachUploads(db: Executor, orgId: string, ownerId: string, postId: string, ids: readonly string[]): Promise<boolean> {
  return takeUploads(db, orgId, ownerId, { post_id: postId }, ids);
}

/** The same for a chat message (attachments.message_id). */
export function attachUploadsToMessage(
  db: Executor,
  orgId: string,
  ownerId: string,
  messageId: string,
  ids: readonly string[],
): Promise<boolean> {
  return takeUploads(db, orgId, ownerId, { message_id: messageId }, ids);
}

async function takeUploads(
  db: Executor,
  orgId: string,
  ownerId: string,
  owner: { post_id: string } | { message_id: string },
  ids: readonly string[],
): Promise<boolean> {
  let taken = 0;
  for (const [position, id] of ids.entries()) {
    const res = await db
      .updateTable('attachments')
      .set({ ...owner, position })
      .where('org_id', '=', orgId)
      .where('owner_id', '=', ownerId)
      .where('id', '=', id)
      .where('post_id', 'is', null)
      .where('message_id', 'is', null)
      .executeTakeFirst();
    taken += Number(res.numUpdatedRows);
  }
  if (taken !== ids.length) return false;
  await enqueueFileIndexing(db, orgId, ids);
  return true;
}

/** Attachments of a page of chat messages, in their order: one query for the whole page. */
export async function attachmentsOfMessages(db: Executor, messageIds: readonly string[]): Promise<Map<string, Attachment[]>> {
  const out = new Map<string, Attachment[]>();
  if (messageIds.length === 0) return out;
  const rows = await db
    .selectFrom('attachments')
    .selectAll()
    .where('message_id', 'in', [...messageIds])
    .orderBy('message_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    if (r.message_id === null) continue;
    out.set(r.message_id, [...(out.get(r.message_id) ?? []), toAttachment(r)]);
  }
  return out;
}

/** Attachments of a page of posts, in their order: one query for the whole page. */
export async function attachmentsOfPosts(db: Executor, postIds: readonly string[]): Promise<Map<string, Attachment[]>> {
  const out = new Map<string, Attachment[]>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('attachments')
    .selectAll()
    .where('post_id', 'in', [...postIds])
    .orderBy('post_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    if (r.post_id === null) continue;
    const list = out.get(r.post_id) ?? [];
    list.push(toAttachment(r));
    out.set(r.post_id, list);
  }
  return out;
}

/** The name to offer when a post's file is downloaded (the attachment whose main file this is). */
export async function downloadNameOf(db: Executor, orgId: string, fileId: string): Promise<string | null> {
  const row = await db
    .selectFrom('attachments')
    .select('name')
    .where('org_id', '=', orgId)
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  return row?.name ?? null;
}
