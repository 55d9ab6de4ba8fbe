import { invalidSyntax, invalidValue, mutability, noTarget } from './errors.js';
import { parsePatchPath } from './filter.js';
import { extensionOf, matches, patchTarget, pinnedValues, type ResourceDef } from './resource.js';
import { PATCH_OP } from './urns.js';
import { isObject, readSubValue, readValue, type Json, type JsonObject } from './values.js';

/**
 * PATCH (RFC 7644 §3.5.2) over a resource document, in memory: the result is then checked and
 * saved whole by the caller, so a request whose fifth operation fails changes nothing.
 * Accepted as real providers send it: op names in any case (Entra: "Replace", "Add"), operations
 * without a path whose value holds attributes or paths as keys (`"name.givenName"`,
 * `"emails[type eq \"work\"].value"`, `"urn:…:enterprise:2.0:User:department"`), `add` or `replace`
 * through a filter that matches nothing (the value is made, e.g. the work e-mail), and Entra's
 * `remove` of `members` with a list of values (only those are removed).
 */
export type PatchOpName = 'add' | 'replace' | 'remove';
export interface PatchOperation {
  op: PatchOpName;
  path: string | null;
  value: Json | undefined;
}

const MAX_OPERATIONS = 1000;

/** The request body's `Operations`, checked for shape. */
export function readPatchBody(body: unknown): PatchOperation[] {
  if (!isObject(body)) throw invalidSyntax('The body must be a JSON object.');
  const schemas = body.schemas;
  if (schemas !== undefined) {
    if (!Array.isArray(schemas) || !schemas.every((s) => typeof s === 'string')) throw invalidSyntax('schemas must be a list.');
    const unknown = (schemas as string[]).find((s) => s.toLowerCase() !== PATCH_OP.toLowerCase());
    if (unknown) throw invalidValue(`schemas: ${unknown} is not ${PATCH_OP}.`);
  }
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'operations');
  const extra = Object.keys(body).find((k) => !['schemas', 'operations'].includes(k.toLowerCase()));
  if (extra) throw invalidSyntax(`${extra} is not an attribute of a PATCH request.`);
  const ops = key ? body[key] : undefined;
  if (!Array.isArray(ops) || ops.length === 0) throw invalidSyntax('Operations must be a non-empty list.');
  if (ops.length > MAX_OPERATIONS) throw invalidSyntax(`Operations holds more than ${MAX_OPERATIONS} operations.`);
  return ops.map((raw, i) => {
    if (!isObject(raw)) throw invalidSyntax(`Operations[${i}] must be an object.`);
    let op: string | undefined;
    let path: string | null = null;
    let value: Json | undefined;
    for (const [k, v] of Object.entries(raw)) {
      const name = k.toLowerCase();
      if (name === 'op' && typeof v === 'string') op = v.toLowerCase();
      else if (name === 'path' && (typeof v === 'string' || v === null)) path = v === null || v.trim() === '' ? null : v;
      else if (name === 'value') value = v;
      else throw invalidSyntax(`Operations[${i}].${k} is not allowed here.`);
    }
    if (op !== 'add' && op !== 'replace' && op !== 'remove') throw invalidSyntax(`Operations[${i}].op must be add, replace or remove.`);
    if (op !== 'remove' && value === undefined) throw invalidSyntax(`Operations[${i}] (${op}) needs a value.`);
    return { op, path, value };
  });
}

/** Applies the operations to a copy of `doc` and returns it. `ownId`: an `id` in a value must be this. */
export function applyPatch(res: ResourceDef, doc: JsonObject, ops: PatchOperation[], ownId: string): JsonObject {
  const next = structuredClone(doc);
  for (const op of ops) {
    if (op.path !== null) {
      applyPath(res, next, op.op, op.path, op.value);
      continue;
    }
    if (op.op === 'remove') throw noTarget('A remove operation needs a path.');
    if (!isObject(op.value)) throw invalidValue(`An ${op.op} without a path needs an object of attributes as its value.`);
    for (const [key, v] of Object.entries(op.value)) {
      const k = key.toLowerCase();
      if (k === 'schemas') continue;
      // Okta sends the group's own id with its new name.
      if (k === 'id') {
        if (v !== ownId) throw mutability('id is read-only.');
        continue;
      }
      const ext = extensionOf(res, key);
      if (ext) {
        if (!isObject(v)) throw invalidValue(`${ext.urn} must be an object.`);
        for (const [subKey, subValue] of Object.entries(v)) applyPath(res, next, op.op, `${ext.urn}:${subKey}`, subValue);
        continue;
      }
      applyPath(res, next, op.op, key, v);
    }
  }
  return next;
}

function applyPath(res: ResourceDef, doc: JsonObject, op: PatchOpName, rawPath: string, value: Json | undefined): void {
  const ext = extensionOf(res, rawPath.trim());
  if (ext) {
    // The whole extension as the path: its attributes in the value.
    if (op === 'remove') {
      delete doc[ext.urn];
      return;
    }
    if (!isObject(value)) throw invalidValue(`${ext.urn} must be an object.`);
    for (const [k, v] of Object.entries(value)) applyPath(res, doc, op, `${ext.urn}:${k}`, v);
    return;
  }
  const path = parsePatchPath(rawPath);
  const target = patchTarget(res, path, rawPath);
  const { def } = target;
  let holder = doc;
  if (target.ext) {
    if (!isObject(doc[target.ext])) doc[target.ext] = {};
    holder = doc[target.ext] as JsonObject;
  }
  const where = target.ext ? `${target.ext}:${def.name}` : def.name;

  if (path.filter) {
    const list = (Array.isArray(holder[def.name]) ? holder[def.name] : []) as JsonObject[];
    const hits = list.filter((item) => isObject(item) && matches(path.filter!, item, def));
    if (op === 'remove') {
      if (hits.length === 0) throw noTarget(`${rawPath} matches no value.`);
      if (target.sub && target.sub.name !== 'value') for (const h of hits) delete h[target.sub.name];
      else holder[def.name] = list.filter((item) => !hits.includes(item));
      return;
    }
    if (target.sub) {
      const { value: v } = readSubValue(def, target.sub.name, value ?? null, `${where}.${target.sub.name}`);
      if (hits.length > 0) for (const h of hits) h[target.sub.name] = v;
      else {
        const pinned = pinnedValues(path.filter, def);
        if (!pinned) throw noTarget(`${rawPath} matches no value.`);
        holder[def.name] = [...list, { ...pinned, [target.sub.name]: v }];
      }
      return;
    }
    const items = readValue(def, value ?? null, where) as JsonObject[] | null;
    const rest = list.filter((item) => !hits.includes(item));
    if (hits.length === 0 && !pinnedValues(path.filter, def)) throw noTarget(`${rawPath} matches no value.`);
    const pinned = pinnedValues(path.filter, def) ?? {};
    holder[def.name] = [...rest, ...(items ?? []).map((item) => ({ ...pinned, ...item }))];
    return;
  }

  if (target.sub) {
    const { value: v } = readSubValue(def, target.sub.name, value ?? null, `${where}.${target.sub.name}`);
    if (def.multiValued) {
      const list = (Array.isArray(holder[def.name]) ? holder[def.name] : []) as JsonObject[];
      if (op === 'remove') for (const item of list) delete item[target.sub.name];
      else if (list.length === 0) holder[def.name] = [{ [target.sub.name]: v }];
      else for (const item of list) item[target.sub.name] = v;
      return;
    }
    const current = isObject(holder[def.name]) ? (holder[def.name] as JsonObject) : {};
    if (op === 'remove') delete current[target.sub.name];
    else current[target.sub.name] = v;
    holder[def.name] = current;
    return;
  }

  if (op === 'remove') {
    if (def.multiValued && value !== undefined && value !== null) {
      // Entra: {"op":"Remove","path":"members","value":[{"value":"<id>"}]} removes just those.
      const drop = new Set(((readValue(def, value, where) ?? []) as JsonObject[]).map((i) => String(i.value)));
      const list = (Array.isArray(holder[def.name]) ? holder[def.name] : []) as JsonObject[];
      holder[def.name] = list.filter((item) => !drop.has(String(item.value)));
      return;
    }
    if (def.required) throw invalidValue(`${where} is required and cannot be removed.`);
    delete holder[def.name];
    return;
  }
  const v = readValue(def, value ?? null, where);
  if (def.multiValued && op === 'add') {
    const list = (Array.isArray(holder[def.name]) ? holder[def.name] : []) as Json[];
    const seen = new Set(list.map((i) => JSON.stringify(i)));
    holder[def.name] = [...list, ...((v ?? []) as Json[]).filter((i) => !seen.has(JSON.stringify(i)))];
  } else if (def.type === 'complex' && !def.multiValued && isObject(v) && isObject(holder[def.name])) {
    // Sub-attributes not in the value stay as they were (RFC 7644 §3.5.2.1 and .3).
    holder[def.name] = { ...(holder[def.name] as JsonObject), ...v };
  } else {
    holder[def.name] = v;
  }
}
