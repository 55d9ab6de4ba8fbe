import { splitAttrPath } from './filter.js';
import { isObject, type JsonObject } from './values.js';

/**
 * `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5), by top-level attribute or by an
 * attribute of an extension (`urn:…:enterprise:2.0:User:department`); `id` and `schemas` are
 * always returned. A sub-attribute (`name.givenName`) selects or drops its whole attribute.
 */
type Query = Record<string, string | undefined>;

interface Selector {
  ext: string | null;
  attr: string;
}

function selectors(list: string | undefined): Selector[] {
  if (!list) return [];
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      if (/^urn:/i.test(s) && !s.slice(s.lastIndexOf(':') + 1).includes('.') && /:\d+\.\d+:[A-Za-z]+$/.test(s)) {
        // A whole extension, e.g. urn:…:enterprise:2.0:User.
        return { ext: s, attr: '*' };
      }
      const p = splitAttrPath(s);
      if (!p) return { ext: null, attr: s.toLowerCase() };
      const core = p.uri === null || /:core:2\.0:(User|Group)$/i.test(p.uri);
      return { ext: core ? null : p.uri, attr: p.attr.toLowerCase() };
    });
}

const ALWAYS = new Set(['id', 'schemas']);

/** Whether `attr` (a top-level attribute) is wanted; Entra asks groups with excludedAttributes=members. */
export function wantsAttribute(query: Query, attr: string): boolean {
  const only = selectors(query.attributes);
  if (only.length > 0) return only.some((s) => s.ext === null && s.attr === attr.toLowerCase());
  return !selectors(query.excludedAttributes).some((s) => s.ext === null && s.attr === attr.toLowerCase());
}

export function project(resource: JsonObject, query: Query): JsonObject {
  const only = selectors(query.attributes);
  const excluded = selectors(query.excludedAttributes);
  if (only.length === 0 && excluded.length === 0) return resource;
  const extKey = (urn: string) => Object.keys(resource).find((k) => k.toLowerCase() === urn.toLowerCase());
  if (only.length > 0) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(resource)) {
      if (ALWAYS.has(k) || only.some((s) => s.ext === null && s.attr === k.toLowerCase())) out[k] = v;
    }
    for (const s of only.filter((x) => x.ext !== null)) {
      const key = extKey(s.ext!);
      const part = key ? resource[key] : undefined;
      if (!key || !isObject(part)) continue;
      if (s.attr === '*') out[key] = part;
      else {
        const sub = Object.keys(part).find((k) => k.toLowerCase() === s.attr);
        if (sub) out[key] = { ...(isObject(out[key]) ? out[key] : {}), [sub]: part[sub]! };
      }
    }
    return out;
  }
  const out: JsonObject = { ...resource };
  for (const s of excluded) {
    if (s.ext === null) {
      const key = Object.keys(out).find((k) => k.toLowerCase() === s.attr);
      if (key && !ALWAYS.has(key)) delete out[key];
      continue;
    }
    const key = extKey(s.ext);
    if (!key) continue;
    if (s.attr === '*') delete out[key];
    else if (isObject(out[key])) {
      const part = { ...(out[key] as JsonObject) };
      for (const k of Object.keys(part)) if (k.toLowerCase() === s.attr) delete part[k];
      out[key] = part;
    }
  }
  return out;
}
