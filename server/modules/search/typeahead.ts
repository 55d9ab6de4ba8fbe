import { sql } from 'kysely';
import type { Typeahead } from '../../../protocol/search.js';
import type { Executor } from '../../db/index.js';
import type { PeopleTable } from '../../db/schema.js';
import { escapeLike } from '../../lib/text.js';
import { findableGroups } from '../../policies/groups.js';
import { visiblePeopleScope } from '../../policies/people.js';
import { toSummary } from '../profiles/service.js';
import { parseQuery } from './query.js';

const SUGGESTIONS = 5;

/**
 * People and groups whose names have words starting with each typed word ("mul" → "Élodie
 * Müller"), for the search box's suggestions. The same scopes as the directory and group lists:
 * a guest finds only themselves, deactivated people only admins find, secret groups only their
 * members. Names are matched on their folded copies (name_key, name_folded).
 */
export async function typeahead(db: Executor, v: PeopleTable, raw: string): Promise<Typeahead> {
  const q = parseQuery(raw);
  if (!q) return { people: [], groups: [] };
  const words = [...q.words, ...q.phrases.flat()];
  const like = (w: string) => `% ${escapeLike(w)}%`;
  const scope = visiblePeopleScope(v);
  let people = db.selectFrom('people').selectAll().where('org_id', '=', scope.orgId);
  if (scope.onlyId) people = people.where('id', '=', scope.onlyId);
  if (!scope.includeDeactivated) people = people.where('status', '=', 'active');
  for (const w of words) people = people.where(sql<string>`' ' || name_key`, 'like', like(w));
  let groups = db
    .selectFrom('groups')
    .select(['id', 'name', 'visibility'])
    .where('org_id', '=', v.org_id)
    .where('archived_at', 'is', null)
    .where((eb) => findableGroups(eb, v));
  for (const w of words) groups = groups.where(sql<string>`' ' || name_folded`, 'like', like(w));
  const [foundPeople, foundGroups] = [
    await people.orderBy('name_key').orderBy('id').limit(SUGGESTIONS).execute(),
    await groups.orderBy('name_folded').orderBy('id').limit(SUGGESTIONS).execute(),
  ];
  return { people: foundPeople.map(toSummary), groups: foundGroups };
}
