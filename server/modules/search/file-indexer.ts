import type { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import { enqueueJob } from '../../jobs/queue.js';
import { DEFAULT_EXTRACT_LIMITS, extractText } from './extract.js';
import { indexDocument } from './index-store.js';

/**
 * Files are found by their name and the text inside them (PDF, DOCX, XLSX, PPTX, plain text). The
 * text is extracted by a durable job after the post or message that took the file committed (the
 * extraction runs in a worker with size and time limits: extract.ts), together with its name; a file
 * whose text cannot be read (an image, an encrypted PDF) is found by its name. A file is searchable
 * where its post or message is (search-store.ts).
 */
export const INDEX_FILES_JOB = 'search.index-files';

interface IndexFilesPayload {
  orgId: string;
  attachmentIds: string[];
}

/** Called in the transaction that attached the uploads. */
export async function enqueueFileIndexing(db: Executor, orgId: string, attachmentIds: readonly string[]): Promise<void> {
  if (attachmentIds.length === 0) return;
  await enqueueJob(db, INDEX_FILES_JOB, { orgId, attachmentIds: [...attachmentIds] } satisfies IndexFilesPayload, {
    orgId,
    maxAttempts: 5,
  });
}

async function bytesOf(stream: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function runIndexFilesJob(ctx: AppContext, payload: unknown): Promise<void> {
  const { orgId, attachmentIds } = payload as IndexFilesPayload;
  for (const id of attachmentIds) {
    const a = await ctx.db
      .selectFrom('attachments as a')
      .innerJoin('files as f', 'f.id', 'a.file_id')
      .leftJoin('chat_messages as m', 'm.id', 'a.message_id')
      .leftJoin('posts as p', 'p.id', 'a.post_id')
      .select(['a.id', 'a.owner_id', 'a.name', 'a.mime_type', 'a.post_id', 'a.created_at', 'f.storage_key', 'f.byte_size'])
      .select(['m.conversation_id', 'm.deleted_at as message_deleted_at', 'p.deleted_at as post_deleted_at'])
      .where('a.org_id', '=', orgId)
      .where('a.id', '=', id)
      .executeTakeFirst();
    // Gone, or its post or message deleted since: nothing to find.
    if (!a || (!a.post_id && !a.conversation_id) || a.message_deleted_at !== null || a.post_deleted_at !== null) continue;
    const bytes =
      a.byte_size <= DEFAULT_EXTRACT_LIMITS.maxInputBytes ? await bytesOf(await ctx.blobs.get(a.storage_key), a.byte_size) : null;
    const extracted = bytes ? await extractText(bytes, a.mime_type, a.name) : null;
    if (extracted && !extracted.ok && extracted.reason !== 'unsupported')
      ctx.log.info({ attachmentId: a.id, reason: extracted.reason }, 'file text not indexed; the file is found by its name');
    await indexDocument(ctx.db, {
      kind: 'file',
      refId: a.id,
      orgId,
      postId: a.post_id,
      conversationId: a.conversation_id,
      authorId: a.owner_id,
      createdAt: a.created_at,
      title: a.name,
      body: extracted?.ok ? extracted.text : '',
    });
  }
}
