import type { Executor } from '../../db/index.js';
import type { PeopleTable, ReactionKind, ReactionsTable } from '../../db/schema.js';
import type { PeopleScope } from '../../policies/people.js';

/** The only code that reads or writes reactions. One row per person per target: a new kind replaces the old. */

/** Sets the person's reaction; says whether anything changed. Two at once meet at the primary key: one row. */
export async function upsertReaction(db: Executor, r: Omit<ReactionsTable, 'created_at'>): Promise<boolean> {
  const existing = await db
    .selectFrom('reactions')
    .select('kind')
    .where('target_id', '=', r.target_id)
    .where('person_id', '=', r.person_id)
    .executeTakeFirst();
  if (existing?.kind === r.kind) return false;
  await db
    .insertInto('reactions')
    .values({ ...r, created_at: Date.now() })
    .onConflict((oc) => oc.columns(['target_id', 'person_id']).doUpdateSet({ kind: r.kind, created_at: Date.now() }))
    .execute();
  return true;
}

export async function deleteReaction(db: Executor, orgId: string, targetId: string, personId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('reactions')
    .where('org_id', '=', orgId)
    .where('target_id', '=', targetId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export type ReactionRow = Pick<ReactionsTable, 'kind' | 'created_at' | 'person_id'> &
  Pick<PeopleTable, 'display_name' | 'photo_file_id' | 'status' | 'is_bot'>;

/** Who reacted, newest first, among the people the viewer may see (people policy scope, in SQL). */
export function listReactions(
  db: Executor,
  scope: PeopleScope,
  targetId: string,
  kind: ReactionKind | undefined,
  after: [number, string] | null,
  limit: number,
): Promise<ReactionRow[]> {
  let q = db
    .selectFrom('reactions as r')
    .innerJoin('people as rp', 'rp.id', 'r.person_id')
    .select(['r.kind', 'r.created_at', 'r.person_id', 'rp.display_name', 'rp.photo_file_id', 'rp.status', 'rp.is_bot'])
    .where('r.org_id', '=', scope.orgId)
    .where('r.target_id', '=', targetId)
    .where('rp.org_id', '=', scope.orgId);
  if (scope.onlyId) q = q.where('rp.id', '=', scope.onlyId);
  if (!scope.includeDeactivated) q = q.where('rp.status', '=', 'active');
  if (kind) q = q.where('r.kind', '=', kind);
  if (after) {
    const [at, id] = after;
    q = q.where((eb) => eb.or([eb('r.created_at', '<', at), eb.and([eb('r.created_at', '=', at), eb('r.person_id', '<', id)])]));
  }
  return q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.person_id', 'desc')
    .limit(limit + 1)
    .execute();
}
