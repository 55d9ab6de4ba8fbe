import type { AppContext } from '../context.js';

const PRUNE_EVERY_MS = 10 * 60_000;

/** Deletes events (and their shared payloads) past the retention window; a client that missed those gets a `resync`. */
export async function pruneEvents(ctx: AppContext, now = Date.now()): Promise<number> {
  const cutoff = now - ctx.config.eventRetentionMs;
  const res = await ctx.db.deleteFrom('events').where('created_at', '<', cutoff).executeTakeFirst();
  // A shared payload is as old as the events pointing at it, which went just now.
  await ctx.db.deleteFrom('event_bodies').where('created_at', '<', cutoff).execute();
  return Number(res.numDeletedRows);
}

export function startEventPruning(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    pruneEvents(ctx).catch((err: unknown) => ctx.log.warn({ err }, 'event pruning failed'));
  }, PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
