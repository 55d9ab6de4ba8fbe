import type { LdapMapping, LdapRunProblem } from '../../../protocol/ldap.js';
import type { PeopleTable } from '../../db/schema.js';
import { attributeProblem, type PersonAttributes } from '../identity/provisioning.js';
import { normalizeEmail, normalizeUsername } from '../people/store.js';
import { normalizeDn, type DirectoryEntry } from './directory.js';

/**
 * What a sync would do, worked out in memory from the directory's entries and the company's people
 * before anything is written: a dry run reports it, a real run applies it (and re-checks each
 * person in that person's own transaction). Rules:
 * - an entry is a person when it has its key, a name, and a username or an e-mail, all valid;
 *   otherwise it is reported and left alone (its person, if any, is not touched, nor deactivated);
 * - an entry is matched by its key (person_links, source `ldap`); an entry not linked yet takes over
 *   a person with its e-mail or username who is not linked to another entry still in the directory;
 * - disabled entries deactivate their person (or are skipped when they have none); enabled ones
 *   create, update or reactivate theirs (reactivate only people the sync deactivated: someone an
 *   admin deactivated stays so);
 * - people linked to an entry that is gone are deactivated; people never linked are never touched;
 * - managers are matched by DN among the entries; loops, unknown or disabled managers are reported
 *   per entry and that entry's manager is left as it is.
 */
export type EntryAction = 'create' | 'link' | 'update' | 'reactivate' | 'deactivate' | 'unchanged' | 'skip' | 'error';

export interface PlannedEntry {
  entry: DirectoryEntry & { key: string };
  action: EntryAction;
  /** The person it is (or becomes, for `link`). */
  person: PeopleTable | null;
  /** Fields that change, `manager` included; for `deactivate`, the reason. */
  fields: string[];
  /** The manager's key when the manager changes (null: no manager); undefined: left as it is. */
  managerKey?: string | null;
}

export interface Leaver {
  person: PeopleTable;
  key: string;
}

export interface SafetyValve {
  limitPercent: number;
  linked: number;
  deactivations: number;
  tripped: boolean;
}

export interface Counts {
  entries: number;
  created: number;
  updated: number;
  reactivated: number;
  deactivated: number;
  unchanged: number;
  skipped: number;
  errors: number;
}

export interface Plan {
  planned: PlannedEntry[];
  leavers: Leaver[];
  problems: LdapRunProblem[];
  counts: Counts;
  safetyValve: SafetyValve;
}

export interface CurrentState {
  people: PeopleTable[];
  links: Array<{ external_key: string; person_id: string }>;
  /** Deactivated people whose deactivation was the sync's: they come back with their entry. */
  deactivatedBySync: Set<string>;
}

const clean = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);

/** The fields `updatePersonAttributes` would change (same comparisons). */
export function changedFields(p: PeopleTable, a: PersonAttributes): string[] {
  const out: string[] = [];
  const cmp = (field: string, next: string | null | undefined, current: string | null) => {
    if (next !== undefined && next !== current) out.push(field);
  };
  cmp('displayName', a.displayName?.trim(), p.display_name);
  cmp('email', clean(a.email), p.email);
  cmp('username', a.username === undefined ? undefined : a.username ? normalizeUsername(a.username) : null, p.username);
  cmp('employeeId', clean(a.employeeId), p.employee_id);
  cmp('title', clean(a.title), p.title);
  cmp('department', clean(a.department), p.department);
  cmp('location', clean(a.location), p.location);
  cmp('phone', clean(a.phone), p.phone);
  return out;
}

const UNIQUE = [
  { field: 'email', of: (a: PersonAttributes) => (a.email ? normalizeEmail(a.email) : null), col: (p: PeopleTable) => p.email_normalized },
  {
    field: 'username',
    of: (a: PersonAttributes) => (a.username ? normalizeUsername(a.username) : null),
    col: (p: PeopleTable) => p.username,
  },
  { field: 'employeeId', of: (a: PersonAttributes) => clean(a.employeeId) ?? null, col: (p: PeopleTable) => p.employee_id },
] as const;

export function planSync(entries: DirectoryEntry[], state: CurrentState, mapping: LdapMapping, limitPercent: number): Plan {
  const problems: LdapRunProblem[] = [];
  const withProblem = new Set<DirectoryEntry>();
  const report = (e: DirectoryEntry, field: string | null, code: string, params: Record<string, string>, message: string) => {
    problems.push({ dn: e.dn, key: e.key, field, code, params, message });
    withProblem.add(e);
  };
  const byId = new Map(state.people.map((p) => [p.id, p]));
  const keyToPerson = new Map<string, PeopleTable>();
  const keysOfPerson = new Map<string, string[]>();
  for (const l of state.links) {
    const p = byId.get(l.person_id);
    if (!p) continue;
    keyToPerson.set(l.external_key, p);
    keysOfPerson.set(p.id, [...(keysOfPerson.get(p.id) ?? []), l.external_key]);
  }
  const owners = UNIQUE.map((u) => new Map(state.people.flatMap((p) => (u.col(p) ? [[u.col(p) as string, p] as const] : []))));

  // 1. Each entry on its own: a key (once), a name, a way to sign in, valid values.
  const seenKeys = new Set<string>();
  const valid: Array<DirectoryEntry & { key: string }> = [];
  for (const e of entries) {
    if (!e.key) {
      report(e, 'key', 'no_key', { attribute: mapping.key }, `has no ${mapping.key}`);
      continue;
    }
    if (seenKeys.has(e.key)) {
      report(e, 'key', 'duplicate_key', { attribute: mapping.key }, `has the same ${mapping.key} as another entry`);
      continue;
    }
    seenKeys.add(e.key);
    const a = e.attrs;
    const names = mapping.displayName.join(', ');
    if (!a.displayName) report(e, 'displayName', 'no_name', { attributes: names }, `has no name (${names})`);
    else if (!a.username && !a.email) {
      const logins = { username: mapping.username.join(', ') || '—', email: mapping.email.join(', ') || '—' };
      report(e, 'username', 'no_login', logins, `has neither a username (${logins.username}) nor an e-mail (${logins.email})`);
    } else {
      const problem = attributeProblem(a);
      if (problem) report(e, problem.field, 'invalid', {}, problem.message);
    }
    if (!withProblem.has(e)) valid.push(e as DirectoryEntry & { key: string });
  }

  // 2. Whose person each entry is: its link, or an unlinked person with its e-mail or username.
  const targets = new Map<DirectoryEntry, { person: PeopleTable; link: boolean }>();
  const taken = new Set<string>();
  for (const e of valid) {
    const linked = keyToPerson.get(e.key);
    if (linked) {
      targets.set(e, { person: linked, link: false });
      taken.add(linked.id);
    }
  }
  for (const e of valid) {
    // A disabled entry takes over nobody: it would only deactivate someone never linked.
    if (targets.has(e) || e.disabled) continue;
    const byEmail = e.attrs.email ? owners[0]!.get(normalizeEmail(e.attrs.email)) : undefined;
    const byUsername = e.attrs.username ? owners[1]!.get(normalizeUsername(e.attrs.username)) : undefined;
    const candidate = byEmail ?? byUsername;
    const linkedElsewhere = (keysOfPerson.get(candidate?.id ?? '') ?? []).some((k) => seenKeys.has(k));
    if (candidate && !linkedElsewhere && !taken.has(candidate.id)) {
      targets.set(e, { person: candidate, link: true });
      taken.add(candidate.id);
    }
  }

  // 3. E-mail, username and employee id stay unique: against other people, and between entries.
  const claims = UNIQUE.map(() => new Map<string, DirectoryEntry>());
  const ordered = [...valid.filter((e) => targets.has(e)), ...valid.filter((e) => !targets.has(e))];
  for (const e of ordered) {
    if (e.disabled) continue;
    const self = targets.get(e)?.person.id;
    UNIQUE.forEach((u, i) => {
      const value = u.of(e.attrs);
      if (!value || withProblem.has(e)) return;
      const owner = owners[i]!.get(value);
      const claimedBy = claims[i]!.get(value);
      if (owner && owner.id !== self)
        report(e, u.field, 'taken', { value, name: owner.display_name }, `${value} is already used by ${owner.display_name}`);
      else if (claimedBy) report(e, u.field, 'claimed', { value, dn: claimedBy.dn }, `${value} is also on ${claimedBy.dn}`);
      else claims[i]!.set(value, e);
    });
  }

  // 4. What happens to each entry's person.
  const planned: PlannedEntry[] = [];
  for (const e of valid) {
    const target = targets.get(e);
    let p: PlannedEntry;
    if (withProblem.has(e)) p = { entry: e, action: 'error', person: target?.person ?? null, fields: [] };
    else if (e.disabled) {
      const active = target?.person.status === 'active';
      p = {
        entry: e,
        action: !target ? 'skip' : active ? 'deactivate' : 'unchanged',
        person: target?.person ?? null,
        fields: active ? ['disabled'] : [],
      };
    } else if (!target) {
      p = {
        entry: e,
        action: 'create',
        person: null,
        fields: Object.keys(e.attrs).filter((k) => e.attrs[k as keyof PersonAttributes] != null),
      };
    } else if (target.person.status !== 'active' && !state.deactivatedBySync.has(target.person.id)) {
      // Deactivated by an admin, not by the sync: left so, whatever the directory says.
      p = { entry: e, action: 'skip', person: target.person, fields: [] };
    } else {
      const fields = changedFields(target.person, e.attrs);
      const action = target.person.status !== 'active' ? 'reactivate' : target.link ? 'link' : fields.length ? 'update' : 'unchanged';
      p = { entry: e, action, person: target.person, fields };
    }
    planned.push(p);
  }

  // 5. Managers: by DN among the entries, without loops.
  if (mapping.manager) planManagers(planned, keysOfPerson, seenKeys, report);

  // 6. Leavers: linked, active, and their entry is gone (not merely broken).
  const staying = new Set([...targets.values()].map((t) => t.person.id));
  const leavers: Leaver[] = [];
  const counted = new Set<string>();
  for (const [key, person] of keyToPerson) {
    if (seenKeys.has(key) || person.status !== 'active' || staying.has(person.id) || counted.has(person.id)) continue;
    if ((keysOfPerson.get(person.id) ?? []).some((k) => seenKeys.has(k))) continue;
    counted.add(person.id);
    leavers.push({ person, key });
  }

  const count = (a: EntryAction) => planned.filter((p) => p.action === a).length;
  const linked = new Set([...keyToPerson.values()].filter((p) => p.status === 'active').map((p) => p.id)).size;
  const deactivations = count('deactivate') + leavers.length;
  return {
    planned,
    leavers,
    problems,
    counts: {
      entries: entries.length,
      created: count('create'),
      updated: count('update') + count('link'),
      reactivated: count('reactivate'),
      deactivated: deactivations,
      unchanged: count('unchanged'),
      skipped: count('skip'),
      errors: withProblem.size,
    },
    safetyValve: { limitPercent, linked, deactivations, tripped: deactivations > 0 && deactivations * 100 > limitPercent * linked },
  };
}

function planManagers(
  planned: PlannedEntry[],
  keysOfPerson: Map<string, string[]>,
  seenKeys: Set<string>,
  report: (e: DirectoryEntry, field: string | null, code: string, params: Record<string, string>, message: string) => void,
): void {
  const live = planned.filter((p) => ['create', 'link', 'update', 'reactivate', 'unchanged'].includes(p.action));
  const byDn = new Map(planned.map((p) => [p.entry.dnKey, p]));
  const desired = new Map<string, string | null>();
  for (const p of live) {
    const dn = p.entry.managerDn;
    if (dn === undefined) continue;
    if (dn === null) {
      desired.set(p.entry.key, null);
      continue;
    }
    const m = byDn.get(normalizeDn(dn));
    const at = { dn: m?.entry.dn ?? dn };
    if (!m) report(p.entry, 'manager', 'manager_unknown', at, `${dn} is not among the synced entries`);
    else if (m === p) report(p.entry, 'manager', 'manager_self', at, 'is the entry itself');
    else if (m.action === 'error') report(p.entry, 'manager', 'manager_broken', at, `${at.dn} has problems of its own`);
    else if (m.entry.disabled) report(p.entry, 'manager', 'manager_disabled', at, `${at.dn} is disabled`);
    else if (m.action === 'skip') report(p.entry, 'manager', 'manager_deactivated', at, `${at.dn} is deactivated here`);
    else desired.set(p.entry.key, m.entry.key);
  }
  // Loops among the wanted managers: each entry on one is reported, with the loop's names.
  const byKey = new Map(live.map((p) => [p.entry.key, p]));
  const names = new Map(live.map((p) => [p.entry.key, p.entry.attrs.displayName ?? p.entry.dn]));
  const state = new Map<string, 'walking' | 'done'>();
  const inLoop = new Set<string>();
  for (const start of desired.keys()) {
    const path: string[] = [];
    let k: string | null | undefined = start;
    while (k && !state.has(k)) {
      state.set(k, 'walking');
      path.push(k);
      k = desired.get(k);
    }
    if (k && state.get(k) === 'walking') {
      const loop = path.slice(path.indexOf(k));
      const text = [...loop, k].map((x) => names.get(x)).join(' → ');
      for (const x of loop) inLoop.add(x);
      for (const x of loop) {
        const p = byKey.get(x);
        if (p) report(p.entry, 'manager', 'manager_loop', { loop: text }, `makes a loop: ${text}`);
      }
    }
    for (const x of path) state.set(x, 'done');
  }
  // The current manager as a key: the entry their person is (or becomes) linked to.
  const entryKeyOfPerson = new Map(live.flatMap((p) => (p.person ? [[p.person.id, p.entry.key] as const] : [])));
  const keyOf = (personId: string) => {
    const keys = keysOfPerson.get(personId) ?? [];
    return entryKeyOfPerson.get(personId) ?? keys.find((k) => seenKeys.has(k)) ?? keys[0] ?? `person:${personId}`;
  };
  for (const p of live) {
    const want = desired.get(p.entry.key);
    if (want === undefined || inLoop.has(p.entry.key)) continue;
    const current = p.person?.manager_id ? keyOf(p.person.manager_id) : null;
    if (want === current) continue;
    p.managerKey = want;
    p.fields.push('manager');
    if (p.action === 'unchanged') p.action = 'update';
  }
}
