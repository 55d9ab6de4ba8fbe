import { invalidFilter, invalidPath, type ScimError } from './errors.js';

/**
 * SCIM filters (RFC 7644 §3.4.2.2) and PATCH paths (§3.5.2), parsed into a small tree that the
 * resource queries compile to SQL (users-query.ts, groups-store.ts) or test in memory (patch.ts).
 * Operators and attribute names are case-insensitive; attribute names are resolved against the
 * resource's schema by the caller, so an unknown one is refused there with `invalidFilter`.
 */

export const COMPARE_OPS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le'] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];
export type FilterValue = string | number | boolean | null;

/** `urn:…:User:manager.value` → uri, attr `manager`, sub `value`; `name.givenName` → attr, sub. */
export interface AttrPath {
  uri: string | null;
  attr: string;
  sub: string | null;
}

export type Filter =
  | { kind: 'and' | 'or'; left: Filter; right: Filter }
  | { kind: 'not'; filter: Filter }
  | { kind: 'compare'; path: AttrPath; op: CompareOp; value: FilterValue }
  | { kind: 'present'; path: AttrPath }
  /** `emails[type eq "work"]`: some value of the multi-valued attribute matches (paths inside are its sub-attributes). */
  | { kind: 'valuePath'; path: AttrPath; filter: Filter };

const MAX_LENGTH = 4000;
const MAX_DEPTH = 30;

type Token = { t: 'word'; v: string } | { t: 'string'; v: string } | { t: 'number'; v: number } | { t: '(' | ')' | '[' | ']' | 'end' };

function tokenize(input: string, fail: (m: string) => ScimError): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '(' || c === ')' || c === '[' || c === ']') {
      out.push({ t: c });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < input.length && input[j] !== '"') j += input[j] === '\\' ? 2 : 1;
      if (j >= input.length) throw fail('a string is not closed');
      try {
        out.push({ t: 'string', v: JSON.parse(input.slice(i, j + 1)) as string });
      } catch {
        throw fail('a string has a bad escape');
      }
      i = j + 1;
    } else {
      const m = /^[A-Za-z0-9_$:.\-+/]+/.exec(input.slice(i));
      if (!m) throw fail(`unexpected character ${JSON.stringify(c)} at ${i + 1}`);
      const word = m[0];
      if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(word)) out.push({ t: 'number', v: Number(word) });
      else out.push({ t: 'word', v: word });
      i += word.length;
    }
  }
  out.push({ t: 'end' });
  return out;
}

/** `urn:…:User:manager.value`, `name.givenName`, `userName`; false when it is not an attribute path. */
export function splitAttrPath(text: string): AttrPath | null {
  let uri: string | null = null;
  let rest = text;
  const colon = text.lastIndexOf(':');
  if (colon >= 0) {
    uri = text.slice(0, colon);
    rest = text.slice(colon + 1);
    if (!/^urn:/i.test(uri)) return null;
  }
  const parts = rest.split('.');
  if (parts.length > 2 || parts.some((p) => !/^(\$ref|[A-Za-z][A-Za-z0-9_-]*)$/.test(p))) return null;
  return { uri, attr: parts[0]!, sub: parts[1] ?? null };
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly fail: (m: string) => ScimError,
  ) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private keyword(k: string): boolean {
    const t = this.peek();
    return t.t === 'word' && t.v.toLowerCase() === k;
  }
  private expect(t: Token['t']): void {
    if (this.next().t !== t) throw this.fail(`expected "${t}"`);
  }
  atEnd(): boolean {
    return this.peek().t === 'end';
  }

  filter(): Filter {
    if (++this.depth > MAX_DEPTH) throw this.fail('is nested too deeply');
    let left = this.and();
    while (this.keyword('or')) {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    this.depth--;
    return left;
  }

  private and(): Filter {
    let left = this.unary();
    while (this.keyword('and')) {
      this.next();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Filter {
    if (this.keyword('not')) {
      this.next();
      this.expect('(');
      const inner = this.filter();
      this.expect(')');
      return { kind: 'not', filter: inner };
    }
    if (this.peek().t === '(') {
      this.next();
      const inner = this.filter();
      this.expect(')');
      return inner;
    }
    return this.attrExpression();
  }

  attrPath(): AttrPath {
    const t = this.next();
    const path = t.t === 'word' ? splitAttrPath(t.v) : null;
    if (!path) throw this.fail(t.t === 'end' ? 'ends where an attribute was expected' : 'expected an attribute name');
    return path;
  }

  private attrExpression(): Filter {
    const path = this.attrPath();
    if (this.peek().t === '[') {
      this.next();
      let inner = this.filter();
      this.expect(']');
      // `emails[type eq "work"].value eq "x"`: the value's sub-attribute compared as well.
      const after = this.peek();
      if (after.t === 'word' && after.v.startsWith('.')) {
        this.next();
        const sub = after.v.slice(1);
        if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(sub)) throw this.fail('expected a sub-attribute after "]."');
        inner = { kind: 'and', left: inner, right: this.comparison({ uri: null, attr: sub, sub: null }) };
      }
      return { kind: 'valuePath', path, filter: inner };
    }
    return this.comparison(path);
  }

  private comparison(path: AttrPath): Filter {
    const opToken = this.next();
    const op = opToken.t === 'word' ? opToken.v.toLowerCase() : '';
    if (op === 'pr') return { kind: 'present', path };
    if (!(COMPARE_OPS as readonly string[]).includes(op)) throw this.fail(`expected an operator (eq, ne, co, sw, ew, gt, lt, ge, le, pr)`);
    const v = this.next();
    let value: FilterValue;
    if (v.t === 'string' || v.t === 'number') value = v.v;
    else if (v.t === 'word' && ['true', 'false', 'null'].includes(v.v.toLowerCase())) {
      const w = v.v.toLowerCase();
      value = w === 'null' ? null : w === 'true';
    } else throw this.fail('expected a value ("text", a number, true, false or null)');
    return { kind: 'compare', path, op: op as CompareOp, value };
  }
}

export function parseFilter(text: string): Filter {
  const fail = (m: string) => invalidFilter(`The filter ${m}.`);
  if (text.length > MAX_LENGTH) throw fail(`is longer than ${MAX_LENGTH} characters`);
  const parser = new Parser(tokenize(text, fail), fail);
  if (parser.atEnd()) throw fail('is empty');
  const filter = parser.filter();
  if (!parser.atEnd()) throw fail('has something left over after a complete expression');
  return filter;
}

/** A PATCH path: `attr`, `attr.sub`, `urn:…:attr[.sub]`, `attr[filter]`, `attr[filter].sub`. */
export interface PatchPath {
  uri: string | null;
  attr: string;
  sub: string | null;
  filter: Filter | null;
}

export function parsePatchPath(text: string): PatchPath {
  const fail = (m: string) => invalidPath(`The path ${JSON.stringify(text.slice(0, 200))} ${m}.`);
  if (text.length > MAX_LENGTH) throw fail('is too long');
  const bracket = text.indexOf('[');
  if (bracket < 0) {
    const path = splitAttrPath(text.trim());
    if (!path) throw fail('is not an attribute path');
    return { ...path, filter: null };
  }
  const close = text.lastIndexOf(']');
  if (close < bracket) throw fail('has "[" without "]"');
  const head = splitAttrPath(text.slice(0, bracket).trim());
  if (!head || head.sub) throw fail('does not name a multi-valued attribute before "["');
  const tail = text.slice(close + 1).trim();
  let sub: string | null = null;
  if (tail) {
    if (!/^\.[A-Za-z$][A-Za-z0-9_-]*$/.test(tail)) throw fail('has something other than ".subAttribute" after "]"');
    sub = tail.slice(1);
  }
  let filter: Filter;
  try {
    filter = parseFilter(text.slice(bracket + 1, close));
  } catch (err) {
    throw fail(`has a bad filter: ${(err as Error).message}`);
  }
  return { uri: head.uri, attr: head.attr, sub, filter };
}
