import { inTx, type AppContext } from '../../context.js';

/**
 * An import not run within a day of its upload is abandoned: its file (people's names, e-mails,
 * managers) is not kept longer than needed. Finished imports keep their counts and per-row results
 * for 30 days (errors.csv), then go; the audit log keeps what happened.
 */
export const ABANDONED_IMPORT_MS = 24 * 3_600_000;
export const FINISHED_IMPORT_MS = 30 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 30 * 60_000;

export async function pruneImports(ctx: AppContext, now = Date.now()): Promise<number> {
  const stale = await ctx.db
    .selectFrom('imports')
    .select(['id', 'org_id', 'storage_key'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '!=', 'running'), eb('status', '!=', 'finished'), eb('created_at', '<', now - ABANDONED_IMPORT_MS)]),
        eb.and([eb('status', '=', 'finished'), eb('finished_at', '<', now - FINISHED_IMPORT_MS)]),
      ]),
    )
    .limit(50)
    .execute();
  for (const imp of stale) {
    await inTx(ctx, async (trx, afterCommit) => {
      // Started meanwhile: a running import is never pruned.
      const current = await trx.selectFrom('imports').select('status').where('id', '=', imp.id).executeTakeFirst();
      if (!current || current.status === 'running') return;
      await trx.deleteFrom('import_rows').where('import_id', '=', imp.id).execute();
      await trx.deleteFrom('imports').where('id', '=', imp.id).execute();
      const key = imp.storage_key;
      if (key) afterCommit(() => ctx.blobs.delete(key).catch((err: unknown) => ctx.log.warn({ err }, 'import file delete failed')));
    });
  }
  return stale.length;
}

export function startImportPruning(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    pruneImports(ctx).catch((err: unknown) => ctx.log.warn({ err }, 'import pruning failed'));
  }, PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
