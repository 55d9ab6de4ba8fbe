import type { Executor } from '../db/index.js';

/** A person's last handed-out realtime sequence number (0 before their first event). */
export async function currentSeq(db: Executor, personId: string): Promise<number> {
  const row = await db.selectFrom('event_seqs').select('seq').where('person_id', '=', personId).executeTakeFirst();
  return row ? Number(row.seq) : 0;
}
