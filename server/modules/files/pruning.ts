import { inTx, type AppContext } from '../../context.js';

/** An upload no post or chat message took within this time was abandoned (a closed composer, a failed post). */
export const ABANDONED_UPLOAD_MS = 24 * 3_600_000;
const PRUNE_EVERY_MS = 30 * 60_000;
const BATCH = 200;

/**
 * Deletes uploads that no post or message took in time: rows first, in one transaction, then the bytes
 * once it committed. `post_id IS NULL AND message_id IS NULL` in the DELETE means a post or message taking the upload at the same moment
 * wins or loses cleanly (it then answers 400 naming attachmentIds). Returns how many went.
 */
export async function pruneAbandonedUploads(ctx: AppContext, now = Date.now()): Promise<number> {
  const stale = await ctx.db
    .selectFrom('attachments')
    .select('id')
    .where('post_id', 'is', null)
    .where('message_id', 'is', null)
    .where('created_at', '<', now - ABANDONED_UPLOAD_MS)
    .limit(BATCH)
    .execute();
  if (stale.length === 0) return 0;
  return inTx(ctx, async (trx, afterCommit) => {
    const gone = await trx
      .deleteFrom('attachments')
      .where(
        'id',
        'in',
        stale.map((s) => s.id),
      )
      .where('post_id', 'is', null)
      .where('message_id', 'is', null)
      .returning(['file_id', 'thumbnail_file_id'])
      .execute();
    const fileIds = gone.flatMap((g) => (g.thumbnail_file_id ? [g.file_id, g.thumbnail_file_id] : [g.file_id]));
    if (fileIds.length === 0) return 0;
    const files = await trx.deleteFrom('files').where('id', 'in', fileIds).returning('storage_key').execute();
    afterCommit(async () => {
      for (const f of files) await ctx.blobs.delete(f.storage_key).catch((err: unknown) => ctx.log.warn({ err }, 'blob delete failed'));
    });
    return gone.length;
  });
}

export function startUploadPruning(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    pruneAbandonedUploads(ctx).catch((err: unknown) => ctx.log.warn({ err }, 'upload pruning failed'));
  }, PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
