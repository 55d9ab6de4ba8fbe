import { invalidSyntax, invalidValue } from './errors.js';
import { findAttr, type AttrDef } from './schemas.js';

/**
 * Request values read against the attribute definitions: names in their canonical case (SCIM
 * names are case-insensitive), types checked, and the shapes real identity providers send turned
 * into what the RFC says: Entra's `"False"` for a boolean and `[{"value": "x"}]` for a single
 * value, `"manager": "<id>"` for the manager object, a lone object for a multi-valued attribute.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_STRING = 5000;
const MAX_VALUES = 100;

export function readBoolean(v: Json, where: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  throw invalidValue(`${where} must be true or false.`);
}

function readString(v: Json, where: string): string {
  // Entra (older provisioning jobs) wraps single values: [{"value": "Babs"}].
  if (Array.isArray(v) && v.length === 1 && isObject(v[0]) && 'value' in v[0]) return readString(v[0].value ?? null, where);
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw invalidValue(`${where} must be a string.`);
  if (v.length > MAX_STRING) throw invalidValue(`${where} is longer than ${MAX_STRING} characters.`);
  return v;
}

function readScalar(def: AttrDef, v: Json, where: string): Json {
  switch (def.type) {
    case 'boolean':
      return readBoolean(v, where);
    case 'integer':
    case 'decimal':
      if (typeof v === 'number') return v;
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
      throw invalidValue(`${where} must be a number.`);
    default:
      return readString(v, where);
  }
}

function readComplex(def: AttrDef, v: Json, where: string): JsonObject {
  const subs = def.subAttributes ?? [];
  // A bare value where an object is due: {"value": v} (Entra sends the manager's id as a string).
  if (!isObject(v)) {
    if (findAttr(subs, 'value') && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) {
      return { value: readScalar(findAttr(subs, 'value')!, v, `${where}.value`) };
    }
    throw invalidValue(`${where} must be an object.`);
  }
  const out: JsonObject = {};
  for (const [key, raw] of Object.entries(v)) {
    const sub = findAttr(subs, key);
    if (!sub) throw invalidSyntax(`${where}.${key} is not an attribute of ${where}.`);
    if (raw === null) out[sub.name] = null;
    else out[sub.name] = readScalar(sub, raw, `${where}.${sub.name}`);
  }
  return out;
}

/** One attribute's value, canonical; null stays null (it clears the attribute). */
export function readValue(def: AttrDef, v: Json, where = def.name): Json {
  if (v === null) return null;
  if (def.multiValued) {
    const list = Array.isArray(v) ? v : [v];
    if (list.length > MAX_VALUES) throw invalidValue(`${where} has more than ${MAX_VALUES} values.`);
    return list.map((item, i) =>
      def.type === 'complex' ? readComplex(def, item, `${where}[${i}]`) : readScalar(def, item, `${where}[${i}]`),
    );
  }
  if (def.type === 'complex') return readComplex(def, v, where);
  return readScalar(def, v, where);
}

/** A value for one sub-attribute (`name.givenName`, `emails[…].value`). */
export function readSubValue(def: AttrDef, subName: string, v: Json, where: string): { sub: AttrDef; value: Json } {
  const sub = findAttr(def.subAttributes ?? [], subName);
  if (!sub) throw invalidSyntax(`${where} is not an attribute.`);
  return { sub, value: v === null ? null : readScalar(sub, v, where) };
}

/** Strips `schemas` and checks it: each must be one the resource knows. */
export function checkSchemas(body: JsonObject, known: string[], ignored: string[] = []): string[] {
  const raw = body.schemas;
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.some((s) => typeof s !== 'string')) throw invalidSyntax('schemas must be a list of schema URNs.');
  const lowerKnown = [...known, ...ignored].map((s) => s.toLowerCase());
  for (const s of raw as string[]) {
    if (!lowerKnown.includes(s.toLowerCase()))
      throw invalidValue(`schemas: ${s} is not a schema of this resource (known: ${known.join(', ')}).`);
  }
  return (raw as string[]).filter((s) => known.some((k) => k.toLowerCase() === s.toLowerCase()));
}
