import { invalidPath, invalidSyntax, invalidValue, mutability } from './errors.js';
import { splitAttrPath, type Filter, type FilterValue, type PatchPath } from './filter.js';
import { EXTERNAL_ID_ATTR, findAttr, type AttrDef } from './schemas.js';
import { checkSchemas, isObject, readValue, type Json, type JsonObject } from './values.js';

/**
 * A resource type as the request readers and PATCH see it: its core attributes, its extensions
 * (each held in the document under its URN, as on the wire), and the read-only attributes that
 * a request may carry but never change.
 */
export interface ResourceDef {
  name: 'User' | 'Group';
  coreUrn: string;
  core: AttrDef[];
  extensions: Array<{ urn: string; attrs: AttrDef[] }>;
  /** Schemas accepted in `schemas` without meaning anything (Entra's group schema). */
  ignoredSchemas: string[];
  /** Accepted in POST and PUT bodies and ignored (RFC 7644 §3.5.1); a PATCH of them is a mutability error. */
  readOnly: string[];
}

export interface Target {
  /** The URN of the extension, or null for a core attribute. */
  ext: string | null;
  def: AttrDef;
}

const lower = (s: string) => s.toLowerCase();

/** The attribute an (optionally URN-qualified) name means, or null when there is none. */
export function resolveAttr(res: ResourceDef, uri: string | null, attr: string): Target | null {
  if (uri === null || lower(uri) === lower(res.coreUrn)) {
    const def = lower(attr) === 'externalid' ? EXTERNAL_ID_ATTR : findAttr(res.core, attr);
    return def ? { ext: null, def } : null;
  }
  const ext = res.extensions.find((e) => lower(e.urn) === lower(uri));
  const def = ext && findAttr(ext.attrs, attr);
  return ext && def ? { ext: ext.urn, def } : null;
}

export const extensionOf = (res: ResourceDef, key: string) => res.extensions.find((e) => lower(e.urn) === lower(key));

/**
 * A POST or PUT body as a canonical document. `id` in the body must be the resource's own (Okta
 * sends it on PUT); `meta`, `groups` and the password are accepted and ignored.
 */
export function readBody(res: ResourceDef, body: unknown, ownId: string | null): JsonObject {
  if (!isObject(body)) throw invalidSyntax('The body must be a JSON object.');
  checkSchemas(body, [res.coreUrn, ...res.extensions.map((e) => e.urn)], res.ignoredSchemas);
  const doc: JsonObject = {};
  for (const [key, raw] of Object.entries(body)) {
    const k = lower(key);
    if (k === 'schemas') continue;
    if (k === 'id') {
      if (ownId !== null && raw !== ownId) throw mutability('id is read-only and differs from the resource’s id.');
      continue;
    }
    if (res.readOnly.includes(k) || k === 'password') continue;
    const ext = extensionOf(res, key);
    if (ext) {
      if (raw === null) continue;
      if (!isObject(raw)) throw invalidSyntax(`${ext.urn} must be an object.`);
      const part: JsonObject = isObject(doc[ext.urn]) ? (doc[ext.urn] as JsonObject) : {};
      for (const [subKey, subRaw] of Object.entries(raw)) {
        const def = findAttr(ext.attrs, subKey);
        if (!def) throw invalidSyntax(`${subKey} is not an attribute of ${ext.urn}.`);
        part[def.name] = readValue(def, subRaw, `${ext.urn}:${def.name}`);
      }
      doc[ext.urn] = part;
      continue;
    }
    const path = key.includes(':') ? splitAttrPath(key) : { uri: null, attr: key, sub: null };
    const target = path && !path.sub ? resolveAttr(res, path.uri, path.attr) : null;
    if (!target) throw invalidSyntax(`${key} is not an attribute of ${res.name}.`);
    if (target.def.mutability === 'readOnly') continue;
    const value = readValue(target.def, raw as Json, target.ext ? `${target.ext}:${target.def.name}` : target.def.name);
    if (target.ext) doc[target.ext] = { ...(isObject(doc[target.ext]) ? (doc[target.ext] as JsonObject) : {}), [target.def.name]: value };
    else doc[target.def.name] = value;
  }
  return doc;
}

/** The attribute a PATCH path targets, checked: known, writable, a filter only on multi-valued ones. */
export function patchTarget(res: ResourceDef, path: PatchPath, raw: string): Target & { sub: AttrDef | null } {
  const target = resolveAttr(res, path.uri, path.attr);
  if (!target) {
    if (res.readOnly.includes(lower(path.attr)) || lower(path.attr) === 'id') {
      throw mutability(`${path.attr} is read-only.`);
    }
    throw invalidPath(`${raw} names no attribute of ${res.name}.`);
  }
  if (target.def.mutability === 'readOnly') throw mutability(`${target.def.name} is read-only.`);
  let sub: AttrDef | null = null;
  if (path.sub) {
    sub = findAttr(target.def.subAttributes ?? [], path.sub) ?? null;
    if (!sub) throw invalidPath(`${raw}: ${path.sub} is not a sub-attribute of ${target.def.name}.`);
    if (sub.mutability === 'readOnly') throw mutability(`${target.def.name}.${sub.name} is read-only.`);
  }
  if (path.filter) {
    if (!target.def.multiValued) throw invalidPath(`${raw}: only a multi-valued attribute takes a [filter].`);
    checkFilterNames(path.filter, target.def, raw);
  }
  return { ...target, sub };
}

function checkFilterNames(f: Filter, def: AttrDef, raw: string): void {
  switch (f.kind) {
    case 'and':
    case 'or':
      checkFilterNames(f.left, def, raw);
      checkFilterNames(f.right, def, raw);
      return;
    case 'not':
      checkFilterNames(f.filter, def, raw);
      return;
    case 'valuePath':
      throw invalidPath(`${raw}: a filter in a path cannot nest another.`);
    default:
      if (f.path.uri || f.path.sub || !findAttr(def.subAttributes ?? [], f.path.attr)) {
        throw invalidPath(`${raw}: ${f.path.attr} is not a sub-attribute of ${def.name}.`);
      }
  }
}

const asText = (v: Json | undefined): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

/** A value-path filter tested against one value of a multi-valued attribute (in memory). */
export function matches(f: Filter, item: JsonObject, def: AttrDef): boolean {
  switch (f.kind) {
    case 'and':
      return matches(f.left, item, def) && matches(f.right, item, def);
    case 'or':
      return matches(f.left, item, def) || matches(f.right, item, def);
    case 'not':
      return !matches(f.filter, item, def);
    case 'valuePath':
      return false;
    case 'present': {
      const v = item[findAttr(def.subAttributes ?? [], f.path.attr)?.name ?? f.path.attr];
      return v !== undefined && v !== null && v !== '';
    }
    case 'compare': {
      const sub = findAttr(def.subAttributes ?? [], f.path.attr);
      const v = item[sub?.name ?? f.path.attr];
      return compareValues(v, f.op, f.value, sub?.caseExact ?? false);
    }
  }
}

function compareValues(actual: Json | undefined, op: string, expected: FilterValue, caseExact: boolean): boolean {
  if (expected === null) return op === 'eq' ? actual == null : op === 'ne' ? actual != null : false;
  if (typeof expected === 'boolean') {
    const a = actual === true || (typeof actual === 'string' && actual.toLowerCase() === 'true');
    return op === 'eq' ? a === expected : op === 'ne' ? a !== expected : false;
  }
  let a = asText(actual);
  let e = String(expected);
  if (a === null) return op === 'ne';
  if (!caseExact) {
    a = a.toLowerCase();
    e = e.toLowerCase();
  }
  switch (op) {
    case 'eq':
      return a === e;
    case 'ne':
      return a !== e;
    case 'co':
      return a.includes(e);
    case 'sw':
      return a.startsWith(e);
    case 'ew':
      return a.endsWith(e);
    case 'gt':
      return a > e;
    case 'lt':
      return a < e;
    case 'ge':
      return a >= e;
    case 'le':
      return a <= e;
  }
  return false;
}

/** The sub-attribute values a filter pins with `eq` joined by `and` (to make a value it did not find). */
export function pinnedValues(f: Filter, def: AttrDef): JsonObject | null {
  if (f.kind === 'and') {
    const l = pinnedValues(f.left, def);
    const r = pinnedValues(f.right, def);
    return l && r ? { ...l, ...r } : null;
  }
  if (f.kind === 'compare' && f.op === 'eq' && f.value !== null) {
    const sub = findAttr(def.subAttributes ?? [], f.path.attr);
    return sub ? { [sub.name]: f.value } : null;
  }
  return null;
}

export const requireObject = (v: unknown, what: string): JsonObject => {
  if (!isObject(v)) throw invalidValue(`${what} must be an object.`);
  return v;
};
