import { groupNameSchema } from '../../../protocol/groups.js';
import { inTx } from '../../context.js';
import type { Trx } from '../../db/index.js';
import type { AfterCommit } from '../../db/tx.js';
import { publishToPeople } from '../../realtime/publish.js';
import { recordAudit } from '../audit/record.js';
import { toGroup } from '../groups/present.js';
import { addMember, findGroup, insertGroup, memberIds, removeMember, updateGroup } from '../groups/store.js';
import { lockPeopleOfOrg } from '../people/store.js';
import { webhookMembership } from '../webhooks/events.js';
import { auditOf, checkIfMatch, etagOf, iso, nextVersion, type ScimCaller } from './caller.js';
import { invalidSyntax, invalidValue, mutability, scimNotFound } from './errors.js';
import { parsePatchPath } from './filter.js';
import { readPatchBody } from './patch.js';
import { matches, readBody, type ResourceDef } from './resource.js';
import { findAttr, GROUP_ATTRS } from './schemas.js';
import {
  groupVersion,
  findGroupRow,
  listGroupRows,
  membersOf,
  existingUsers,
  type GroupListQuery,
  type GroupRow,
  type MemberRow,
} from './groups-store.js';
import { CORE_GROUP, ENTRA_GROUP_SCHEMA } from './urns.js';
import { isObject, readValue, type Json, type JsonObject } from './values.js';

/**
 * SCIM Groups are closed Commonplace groups made through SCIM; their SCIM members are the
 * group's members, added and removed through the groups store with the same `group.membership`
 * events the groups module sends (to the person and the group's admins and moderators), and the
 * group's linked chat follows its members as always. Groups made in Commonplace are not SCIM
 * resources. DELETE archives the group (its posts stay readable by its members) and ends it as a
 * SCIM resource (404). Removing someone who is not a member is not an error (a retried request).
 */
export const GROUP_RESOURCE: ResourceDef = {
  name: 'Group',
  coreUrn: CORE_GROUP,
  core: GROUP_ATTRS,
  extensions: [],
  ignoredSchemas: [ENTRA_GROUP_SCHEMA],
  readOnly: ['id', 'meta'],
};

const MEMBERS = findAttr(GROUP_ATTRS, 'members')!;

function groupResource(g: GroupRow, members: MemberRow[] | null, base: string): JsonObject {
  const version = groupVersion(g);
  return {
    schemas: [CORE_GROUP],
    id: g.id,
    ...(g.external_id !== null ? { externalId: g.external_id } : {}),
    displayName: g.name,
    ...(members
      ? {
          members: members.map((m) => ({
            value: m.person_id,
            display: m.display_name,
            type: 'User',
            $ref: `${base}/Users/${m.person_id}`,
          })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: iso(g.created_at),
      lastModified: iso(version),
      location: `${base}/Groups/${g.id}`,
      version: etagOf(version),
    },
  };
}

export interface GroupResult {
  resource: JsonObject;
  version: number;
}

export async function getGroup(c: ScimCaller, id: string, withMembers = true): Promise<GroupResult> {
  const row = await findGroupRow(c.ctx.db, c.org.id, id);
  if (!row) throw scimNotFound('No such Group.');
  const members = withMembers ? await membersOf(c.ctx.db, c.org.id, [id]) : null;
  return { resource: groupResource(row, members, c.base), version: groupVersion(row) };
}

export async function listGroups(c: ScimCaller, q: GroupListQuery, withMembers: boolean) {
  const { total, rows } = await listGroupRows(c.ctx.db, c.ctx.dialect, c.org.id, q);
  const members = withMembers
    ? await membersOf(
        c.ctx.db,
        c.org.id,
        rows.map((r) => r.id),
      )
    : [];
  return {
    total,
    resources: rows.map((r) => groupResource(r, withMembers ? members.filter((m) => m.group_id === r.id) : null, c.base)),
  };
}

/** What a document asks for: a name, an externalId, the member ids (undefined: not mentioned). */
interface Wanted {
  name: string;
  externalId: string | null;
  members: string[] | undefined;
}

function readName(v: Json | undefined): string {
  const parsed = groupNameSchema.safeParse(v);
  if (!parsed.success) throw invalidValue(`displayName ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
  return parsed.data;
}

const memberIdsOf = (v: Json | undefined): string[] =>
  ((v ?? []) as JsonObject[]).map((m, i) => {
    if (typeof m.value !== 'string' || !m.value) throw invalidValue(`members[${i}].value must be a User id.`);
    return m.value;
  });

function wantedOf(doc: JsonObject): Wanted {
  const externalId = typeof doc.externalId === 'string' && doc.externalId.trim() ? doc.externalId.trim() : null;
  return { name: readName(doc.displayName), externalId, members: doc.members === undefined ? undefined : memberIdsOf(doc.members) };
}

/** Brings the group's members to `wanted`, telling each person and the group's moderators. */
async function syncMembers(c: ScimCaller, trx: Trx, afterCommit: AfterCommit, groupId: string, current: Set<string>, wanted: Set<string>) {
  const adding = [...wanted].filter((id) => !current.has(id));
  const removing = [...current].filter((id) => !wanted.has(id));
  if (adding.length === 0 && removing.length === 0) return { added: 0, removed: 0 };
  const known = await existingUsers(trx, c.org.id, adding);
  const unknown = adding.find((id) => !known.has(id));
  if (unknown) throw invalidValue(`members: ${JSON.stringify(unknown.slice(0, 100))} is not a User.`);
  const moderators = await memberIds(trx, c.org.id, groupId, ['admin', 'moderator']);
  const tell = async (personId: string, status: 'joined' | 'removed') => {
    await publishToPeople(trx, afterCommit, c.ctx.bus, c.org.id, [personId, ...moderators], 'group.membership', {
      groupId,
      personId,
      status,
      ...(status === 'joined' ? { role: 'member' as const } : {}),
    });
    await webhookMembership(c.ctx, trx, afterCommit, { orgId: c.org.id, place: { kind: 'group', id: groupId }, personId, change: status });
  };
  for (const id of adding) if (await addMember(trx, c.org.id, groupId, id, 'member')) await tell(id, 'joined');
  for (const id of removing) if (await removeMember(trx, c.org.id, groupId, id)) await tell(id, 'removed');
  return { added: adding.length, removed: removing.length };
}

async function rename(c: ScimCaller, trx: Trx, afterCommit: AfterCommit, groupId: string, name: string): Promise<boolean> {
  const g = await findGroup(trx, c.org.id, groupId);
  if (!g || g.name === name) return false;
  const next = await updateGroup(trx, g, { name });
  const members = await memberIds(trx, c.org.id, groupId);
  await publishToPeople(trx, afterCommit, c.ctx.bus, c.org.id, members, 'group.updated', { group: toGroup(next) });
  return true;
}

export async function createGroup(c: ScimCaller, body: unknown): Promise<GroupResult> {
  const w = wantedOf(readBody(GROUP_RESOURCE, body, null));
  const id = await inTx(c.ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, c.ctx.dialect, c.org.id);
    const group = await insertGroup(trx, {
      orgId: c.org.id,
      // The admin who made the token: a group needs a maker, and SCIM acts on their behalf.
      createdBy: c.token.created_by,
      name: w.name,
      description: '',
      visibility: 'closed',
      postPermission: 'everyone',
      postApproval: false,
    });
    const now = Date.now();
    await trx
      .insertInto('scim_groups')
      .values({ group_id: group.id, org_id: c.org.id, external_id: w.externalId, created_at: now, updated_at: now })
      .execute();
    const counts = await syncMembers(c, trx, afterCommit, group.id, new Set(), new Set(w.members ?? []));
    await recordAudit(trx, {
      orgId: c.org.id,
      actor: auditOf(c).actor,
      action: 'scim.group_created',
      target: { kind: 'group', id: group.id, label: group.name },
      ip: c.ip,
      details: { externalId: w.externalId, members: counts.added },
    });
    return group.id;
  });
  return getGroup(c, id);
}

/** Loads for a change under the company's lock; the callback returns what changed, for the audit log. */
async function change(
  c: ScimCaller,
  id: string,
  ifMatch: string | undefined,
  fn: (trx: Trx, afterCommit: AfterCommit, row: GroupRow, members: Set<string>) => Promise<Record<string, unknown>>,
): Promise<GroupResult> {
  await inTx(c.ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, c.ctx.dialect, c.org.id);
    const row = await findGroupRow(trx, c.org.id, id);
    if (!row) throw scimNotFound('No such Group.');
    checkIfMatch(ifMatch, groupVersion(row));
    const current = new Set((await membersOf(trx, c.org.id, [id])).map((m) => m.person_id));
    const details = await fn(trx, afterCommit, row, current);
    await trx
      .updateTable('scim_groups')
      .set({ updated_at: nextVersion(groupVersion(row)) })
      .where('group_id', '=', id)
      .execute();
    await recordAudit(trx, {
      orgId: c.org.id,
      actor: auditOf(c).actor,
      action: 'scim.group_updated',
      target: { kind: 'group', id, label: row.name },
      ip: c.ip,
      details,
    });
  });
  return getGroup(c, id);
}

async function applyWanted(c: ScimCaller, trx: Trx, afterCommit: AfterCommit, row: GroupRow, current: Set<string>, w: Wanted) {
  const renamed = await rename(c, trx, afterCommit, row.id, w.name);
  if (w.externalId !== row.external_id)
    await trx.updateTable('scim_groups').set({ external_id: w.externalId }).where('group_id', '=', row.id).execute();
  const counts =
    w.members === undefined ? { added: 0, removed: 0 } : await syncMembers(c, trx, afterCommit, row.id, current, new Set(w.members));
  return { renamed, externalId: w.externalId !== row.external_id, ...counts };
}

export function replaceGroup(c: ScimCaller, id: string, body: unknown, ifMatch: string | undefined): Promise<GroupResult> {
  const doc = readBody(GROUP_RESOURCE, body, id);
  return change(c, id, ifMatch, (trx, afterCommit, row, current) =>
    applyWanted(c, trx, afterCommit, row, current, { ...wantedOf(doc), members: wantedOf(doc).members ?? [] }),
  );
}

export function patchGroup(c: ScimCaller, id: string, body: unknown, ifMatch: string | undefined): Promise<GroupResult> {
  const ops = readPatchBody(body);
  return change(c, id, ifMatch, async (trx, afterCommit, row, current) => {
    const names = new Map((await membersOf(trx, c.org.id, [id])).map((m) => [m.person_id, m.display_name]));
    const w: Wanted = { name: row.name, externalId: row.external_id, members: undefined };
    const members = new Set(current);
    let touched = false;
    const apply = (op: string, rawPath: string, value: Json | undefined) => {
      const path = parsePatchPath(rawPath);
      if (path.uri && path.uri.toLowerCase() !== CORE_GROUP.toLowerCase()) throw invalidSyntax(`${rawPath} is not an attribute of Group.`);
      const attr = path.attr.toLowerCase();
      if (attr === 'id' || attr === 'meta') throw mutability(`${path.attr} is read-only.`);
      if (attr === 'displayname' && !path.sub && !path.filter) {
        if (op === 'remove') throw invalidValue('displayName is required and cannot be removed.');
        w.name = readName(readValue(findAttr(GROUP_ATTRS, 'displayName')!, value ?? null));
      } else if (attr === 'externalid' && !path.sub && !path.filter) {
        w.externalId = op === 'remove' || value === null || value === '' ? null : String(value);
      } else if (attr === 'members' && !path.sub) {
        touched = true;
        if (path.filter) {
          if (op !== 'remove') throw invalidSyntax('Only remove takes a members[filter] path; add members with path "members".');
          for (const m of [...members])
            if (matches(path.filter, { value: m, display: names.get(m) ?? '', type: 'User' }, MEMBERS)) members.delete(m);
          return;
        }
        const ids = value === undefined || value === null ? null : memberIdsOf(readValue(MEMBERS, value));
        if (op === 'remove') {
          // Entra: remove with a list removes those; without a value, all members go.
          if (ids === null) members.clear();
          else for (const m of ids) members.delete(m);
        } else {
          if (op === 'replace') members.clear();
          for (const m of ids ?? []) members.add(m);
        }
      } else {
        throw invalidSyntax(`${rawPath} is not a path this service changes on a Group (displayName, externalId, members).`);
      }
    };
    for (const op of ops) {
      if (op.path !== null) {
        apply(op.op, op.path, op.value);
        continue;
      }
      if (op.op === 'remove' || !isObject(op.value))
        throw invalidValue(`An ${op.op} without a path needs an object of attributes as its value.`);
      for (const [key, v] of Object.entries(op.value)) {
        if (key.toLowerCase() === 'schemas') continue;
        if (key.toLowerCase() === 'id') {
          if (v !== id) throw mutability('id is read-only.');
          continue;
        }
        apply(op.op, key, v);
      }
    }
    if (touched) w.members = [...members];
    return applyWanted(c, trx, afterCommit, row, current, w);
  });
}

export async function deleteGroup(c: ScimCaller, id: string, ifMatch: string | undefined): Promise<void> {
  await inTx(c.ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, c.ctx.dialect, c.org.id);
    const row = await findGroupRow(trx, c.org.id, id);
    if (!row) throw scimNotFound('No such Group.');
    checkIfMatch(ifMatch, groupVersion(row));
    const g = await findGroup(trx, c.org.id, id);
    if (g && g.archived_at === null) {
      const next = await updateGroup(trx, g, { archived_at: Date.now() });
      const members = await memberIds(trx, c.org.id, id);
      await publishToPeople(trx, afterCommit, c.ctx.bus, c.org.id, members, 'group.updated', { group: toGroup(next) });
    }
    await trx.deleteFrom('scim_groups').where('group_id', '=', id).execute();
    await recordAudit(trx, {
      orgId: c.org.id,
      actor: auditOf(c).actor,
      action: 'scim.group_deleted',
      target: { kind: 'group', id, label: row.name },
      ip: c.ip,
      details: { archived: true },
    });
  });
}
