import type { PeopleTable } from '../../db/schema.js';
import type { PersonAttributes } from '../identity/provisioning.js';
import { invalidValue } from './errors.js';
import type { ResourceDef } from './resource.js';
import { ENTERPRISE_ATTRS, USER_ATTRS } from './schemas.js';
import { CORE_USER, ENTERPRISE_USER } from './urns.js';
import { isObject, type Json, type JsonObject } from './values.js';

/**
 * A person as a SCIM User, and a User document back into a person's attributes.
 *
 * - userName is people.username; people without one show their e-mail, else their employee id,
 *   else their id (so every User has one). A userName that looks like an e-mail but is not a valid
 *   username (too long, a "+") is kept as the e-mail only.
 * - displayName is the name shown in Commonplace. Without one, it is made from name.formatted,
 *   else givenName + familyName, else userName; a request that changes the name parts but not
 *   displayName renames the person after them.
 * - One e-mail and one phone are kept: the primary, else the work, else the first value.
 * - Attributes with no place in Commonplace (name parts, addresses, …) are kept as sent in
 *   scim_users.attributes and returned as they were.
 */
export const USER_RESOURCE: ResourceDef = {
  name: 'User',
  coreUrn: CORE_USER,
  core: USER_ATTRS,
  extensions: [{ urn: ENTERPRISE_USER, attrs: ENTERPRISE_ATTRS }],
  ignoredSchemas: [],
  readOnly: ['id', 'meta', 'groups'],
};

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USERNAME_RE = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/** What people.username becomes for a userName: null when it is an e-mail that is no valid username. */
export function usernameFor(userName: string): string | null {
  const u = userName.trim().toLowerCase();
  if (USERNAME_RE.test(u)) return u;
  if (EMAIL_RE.test(u)) return null;
  throw invalidValue(
    `userName: ${JSON.stringify(userName.slice(0, 100))} must be 2 to 64 letters, digits, dots, dashes, underscores or @, or an e-mail address.`,
  );
}

export const userNameOf = (p: Pick<PeopleTable, 'username' | 'email' | 'employee_id' | 'id'>): string =>
  p.username ?? p.email ?? p.employee_id ?? p.id;

/** Keys of the document that map to columns; everything else is kept as sent. */
const MAPPED = new Set(['userName', 'displayName', 'title', 'active', 'emails', 'phoneNumbers', 'externalId', ENTERPRISE_USER]);

export interface UserFacts {
  person: PeopleTable;
  externalId: string | null;
  /** scim_users.attributes, parsed. */
  extras: JsonObject;
  managerName: string | null;
}

export function userDocument(f: UserFacts): JsonObject {
  const p = f.person;
  const doc: JsonObject = {};
  if (f.externalId !== null) doc.externalId = f.externalId;
  doc.userName = userNameOf(p);
  const name = isObject(f.extras.name) ? f.extras.name : {};
  doc.name = { ...name, formatted: typeof name.formatted === 'string' ? name.formatted : p.display_name };
  doc.displayName = p.display_name;
  Object.assign(doc, f.extras, { name: doc.name });
  doc.active = p.status === 'active';
  if (p.title) doc.title = p.title;
  if (p.email) doc.emails = [{ value: p.email, type: 'work', primary: true }];
  if (p.phone) doc.phoneNumbers = [{ value: p.phone, type: 'work', primary: true }];
  const ext: JsonObject = {};
  if (p.employee_id) ext.employeeNumber = p.employee_id;
  if (p.department) ext.department = p.department;
  if (p.manager_id) ext.manager = { value: p.manager_id, ...(f.managerName ? { displayName: f.managerName } : {}) };
  const extExtras = isObject(f.extras[ENTERPRISE_USER]) ? f.extras[ENTERPRISE_USER] : {};
  if (Object.keys(ext).length > 0 || Object.keys(extExtras).length > 0) doc[ENTERPRISE_USER] = { ...extExtras, ...ext };
  else delete doc[ENTERPRISE_USER];
  return doc;
}

export interface Desired {
  attrs: PersonAttributes & { displayName: string };
  active: boolean | undefined;
  externalId: string | null;
  extras: JsonObject;
}

const text = (v: Json | undefined): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The value to keep of a multi-valued attribute: primary, else work, else the first with a value. */
function pick(list: Json | undefined): string | null {
  if (!Array.isArray(list)) return null;
  const items = list.filter((i): i is JsonObject => isObject(i) && text(i.value) !== null);
  const chosen =
    items.find((i) => i.primary === true) ?? items.find((i) => typeof i.type === 'string' && i.type.toLowerCase() === 'work') ?? items[0];
  return chosen ? text(chosen.value) : null;
}

function nameChanged(before: JsonObject, after: JsonObject): 'parts' | 'formatted' | null {
  const a = isObject(before.name) ? before.name : {};
  const b = isObject(after.name) ? after.name : {};
  if (a.givenName !== b.givenName || a.familyName !== b.familyName) return 'parts';
  if (a.formatted !== b.formatted) return 'formatted';
  return null;
}

function fromName(doc: JsonObject, prefer: 'parts' | 'formatted'): string | null {
  const n = isObject(doc.name) ? doc.name : {};
  const parts = [text(n.givenName), text(n.familyName)].filter(Boolean).join(' ') || null;
  return prefer === 'parts' ? (parts ?? text(n.formatted)) : (text(n.formatted) ?? parts);
}

/**
 * The person a document describes. `before` is the current document (PATCH, PUT) or null
 * (POST); `current` the person, whose shown userName is left alone when the document keeps it.
 */
export function desiredPerson(input: JsonObject, before: JsonObject | null, current: PeopleTable | null): Desired {
  let doc = input;
  const userName = text(doc.userName);
  if (!userName) throw invalidValue('userName is required.');
  const sameUserName = current !== null && userNameOf(current).toLowerCase() === userName.toLowerCase();
  const username = sameUserName ? current.username : usernameFor(userName);
  let email = pick(doc.emails);
  if (!email && EMAIL_RE.test(userName)) email = userName;

  const explicit = text(doc.displayName);
  let displayName: string | null;
  const changed = before ? nameChanged(before, doc) : null;
  if (changed === 'parts' && isObject(doc.name) && isObject(before?.name) && doc.name.formatted === before.name.formatted) {
    // New name parts and the old full name: the full name follows the parts.
    const { formatted, ...rest } = doc.name;
    void formatted;
    doc = { ...doc, name: rest };
  }
  if (explicit && (!before || explicit !== text(before.displayName))) displayName = explicit;
  else if (changed) displayName = fromName(doc, changed) ?? explicit;
  else displayName = explicit ?? fromName(doc, 'formatted');
  displayName ??= userName;

  const ext = isObject(doc[ENTERPRISE_USER]) ? doc[ENTERPRISE_USER] : {};
  const manager = isObject(ext.manager) ? text(ext.manager.value) : null;
  const extras: JsonObject = {};
  for (const [k, v] of Object.entries(doc)) if (!MAPPED.has(k) && v !== null) extras[k] = v;
  const extExtras: JsonObject = {};
  for (const [k, v] of Object.entries(ext)) if (!['employeeNumber', 'department', 'manager'].includes(k) && v !== null) extExtras[k] = v;
  if (Object.keys(extExtras).length > 0) extras[ENTERPRISE_USER] = extExtras;
  if (isObject(extras.name) && typeof extras.name.formatted === 'string' && extras.name.formatted === displayName) {
    // formatted equal to the shown name adds nothing: it follows the name from then on.
    const { formatted, ...rest } = extras.name;
    void formatted;
    extras.name = rest;
  }

  return {
    attrs: {
      displayName: displayName.slice(0, 200),
      email,
      username,
      employeeId: text(ext.employeeNumber),
      title: text(doc.title),
      department: text(ext.department),
      phone: pick(doc.phoneNumbers),
      managerId: manager,
    },
    active: typeof doc.active === 'boolean' ? doc.active : undefined,
    externalId: text(doc.externalId),
    extras,
  };
}
