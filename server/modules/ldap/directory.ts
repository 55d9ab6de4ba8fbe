import { isIP } from 'node:net';
import { rootCertificates, type ConnectionOptions } from 'node:tls';
import { Client, InvalidCredentialsError, NoSuchObjectError, ResultCodeError, type Entry } from 'ldapts';
import type { LdapMapping } from '../../../protocol/ldap.js';
import type { PersonAttributes } from '../identity/provisioning.js';

/**
 * Talking to the directory (ldapts): connecting (ldap://, ldaps://, StartTLS, an extra trusted CA),
 * binding, the paged search of people, and reading an entry through the attribute mapping. Nothing
 * here touches the database.
 */
export interface DirectoryServer {
  url: string;
  startTls: boolean;
  caCertificate: string | null;
  bindDn: string;
  bindPassword: string;
}

export type DirectoryStep = 'connect' | 'starttls' | 'bind' | 'search';

/** A failure talking to the directory, with the step it happened at and a message for admins. */
export class DirectoryError extends Error {
  constructor(
    readonly step: DirectoryStep,
    message: string,
  ) {
    super(message);
  }
}

const CONNECT_TIMEOUT_MS = 10_000;
const OPERATION_TIMEOUT_MS = 60_000;
export const PAGE_SIZE = 500;

function tlsOptions(server: Pick<DirectoryServer, 'url' | 'caCertificate'>): ConnectionOptions {
  const host = new URL(server.url).hostname.replace(/^\[|\]$/g, '');
  return {
    // The given CA is trusted besides the system's, not instead of them.
    ...(server.caCertificate ? { ca: [...rootCertificates, server.caCertificate] } : {}),
    minVersion: 'TLSv1.2',
    host,
    // Certificates are checked against the host name (SNI cannot carry an IP address).
    ...(isIP(host) ? {} : { servername: host }),
  };
}

function describe(err: unknown): string {
  if (err instanceof InvalidCredentialsError) return 'The directory refused the bind DN or password.';
  if (err instanceof NoSuchObjectError) return 'The base DN does not exist in the directory.';
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ECONNREFUSED') return 'Nothing answers at this address and port.';
  if (e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN') return 'This host name is not known.';
  if (e?.code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(e.code))
    return `The server's certificate is not trusted (${e.code}). Add its CA certificate.`;
  const message = err instanceof Error ? err.message : String(err);
  return message.slice(0, 500) || 'The directory did not answer.';
}

/** A connected client bound with the given DN and password; the caller unbinds it. */
export async function connect(server: DirectoryServer, bind: { dn: string; password: string } | null = null): Promise<Client> {
  const client = new Client({
    url: server.url.replace(/\/$/, ''),
    connectTimeout: CONNECT_TIMEOUT_MS,
    timeout: OPERATION_TIMEOUT_MS,
    // ldapts speaks TLS from the start whenever TLS options are given: only for ldaps://.
    ...(/^ldaps:/i.test(server.url) ? { tlsOptions: tlsOptions(server) } : {}),
    strictDN: false,
  });
  let step: DirectoryStep = 'connect';
  try {
    if (server.startTls) {
      step = 'starttls';
      await client.startTLS(tlsOptions(server));
    }
    step = 'bind';
    const creds = bind ?? { dn: server.bindDn, password: server.bindPassword };
    // An empty password is an anonymous bind that "succeeds" (RFC 4513 5.1.2): never send one.
    if (!creds.password) throw new InvalidCredentialsError('empty password');
    await client.bind(creds.dn, creds.password);
    return client;
  } catch (err) {
    await client.unbind().catch(() => {});
    // A refusal at bind time that is not a result code is a network or TLS failure.
    if (step === 'bind' && !(err instanceof ResultCodeError)) throw new DirectoryError('connect', describe(err));
    throw new DirectoryError(step, describe(err));
  }
}

/** A person as read from one directory entry through the mapping. */
export interface DirectoryEntry {
  dn: string;
  /** The normalised DN, to match managers' DNs. */
  dnKey: string;
  key: string | null;
  /** Mapped attributes: a value, null when the entry has none, absent when the mapping skips it. */
  attrs: PersonAttributes;
  /** The manager's DN (null: none; undefined: managers not synced). */
  managerDn: string | null | undefined;
  disabled: boolean;
}

/** Lower-cased attribute types and trimmed values: `CN=Ann, OU=Staff` and `cn=ann,ou=staff` are the same entry. */
export function normalizeDn(dn: string): string {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const ch = dn[i];
    if (ch === '\\' && i + 1 < dn.length) {
      current += ch + dn[++i];
    } else if (ch === ',' || ch === ';') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((rdn) => {
      const eq = rdn.indexOf('=');
      return eq < 0
        ? rdn.trim().toLowerCase()
        : `${rdn.slice(0, eq).trim().toLowerCase()}=${rdn
            .slice(eq + 1)
            .trim()
            .toLowerCase()}`;
    })
    .join(',');
}

const isGuidAttribute = (name: string) => name.toLowerCase() === 'objectguid';

/** objectGUID's 16 bytes in the usual text form (the first three groups are little-endian). */
export function guidToString(b: Buffer): string {
  if (b.length !== 16) return b.toString('hex');
  const hex = (from: number, to: number, reverse: boolean) => {
    const slice = [...b.subarray(from, to)];
    return (reverse ? slice.reverse() : slice).map((x) => x.toString(16).padStart(2, '0')).join('');
  };
  return `${hex(0, 4, true)}-${hex(4, 6, true)}-${hex(6, 8, true)}-${hex(8, 10, false)}-${hex(10, 16, false)}`;
}

function guidToBytes(guid: string): Buffer | null {
  const m = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i.exec(guid);
  if (!m) return null;
  const le = (h: string) => Buffer.from(h, 'hex').reverse();
  return Buffer.concat([le(m[1]!), le(m[2]!), le(m[3]!), Buffer.from(m[4]! + m[5]!, 'hex')]);
}

/** An LDAP filter value (RFC 4515): special characters and every byte of a binary value escaped. */
export function filterValue(attribute: string, value: string): string {
  const bytes = isGuidAttribute(attribute) ? guidToBytes(value) : null;
  if (bytes) return [...bytes].map((x) => `\\${x.toString(16).padStart(2, '0')}`).join('');
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Every attribute the mapping reads. */
export function requestedAttributes(m: LdapMapping): string[] {
  const names = [
    m.key,
    ...m.username,
    ...m.email,
    ...m.displayName,
    ...m.title,
    ...m.department,
    ...m.phone,
    ...m.employeeId,
    ...m.location,
  ];
  if (m.manager) names.push(m.manager);
  if (m.disabled.kind === 'userAccountControl') names.push('userAccountControl');
  if (m.disabled.kind === 'attribute') names.push(m.disabled.attribute);
  return [...new Set(names)];
}

type Values = Map<string, Array<string | Buffer>>;

function valuesOf(entry: Entry): Values {
  const map: Values = new Map();
  for (const [name, v] of Object.entries(entry)) {
    if (name === 'dn') continue;
    map.set(name.toLowerCase(), Array.isArray(v) ? v : [v]);
  }
  return map;
}

const text = (v: string | Buffer): string => (typeof v === 'string' ? v : v.toString('utf8')).trim();

function first(values: Values, names: string[]): string | null | undefined {
  if (names.length === 0) return undefined;
  for (const name of names) {
    for (const v of values.get(name.toLowerCase()) ?? []) {
      const s = text(v);
      if (s) return s;
    }
  }
  return null;
}

function isDisabled(values: Values, rule: LdapMapping['disabled']): boolean {
  if (rule.kind === 'none') return false;
  if (rule.kind === 'userAccountControl') {
    const uac = first(values, ['userAccountControl']);
    // ACCOUNTDISABLE is bit 2 (0x0002) of the account's flags.
    return uac ? (Number.parseInt(uac, 10) & 2) === 2 : false;
  }
  const found = (values.get(rule.attribute.toLowerCase()) ?? []).map(text).filter(Boolean);
  if (rule.value === null) return found.length > 0;
  const wanted = rule.value.toLowerCase();
  return found.some((v) => v.toLowerCase() === wanted);
}

export function readEntry(entry: Entry, m: LdapMapping): DirectoryEntry {
  const values = valuesOf(entry);
  const rawKey = values.get(m.key.toLowerCase())?.[0];
  let key: string | null = null;
  if (rawKey !== undefined) key = Buffer.isBuffer(rawKey) && isGuidAttribute(m.key) ? guidToString(rawKey) : text(rawKey) || null;
  const attrs: PersonAttributes = {};
  const set = (field: keyof PersonAttributes, names: string[]) => {
    const v = first(values, names);
    if (v !== undefined) (attrs as Record<string, unknown>)[field] = v;
  };
  set('displayName', m.displayName);
  set('username', m.username);
  set('email', m.email);
  set('title', m.title);
  set('department', m.department);
  set('phone', m.phone);
  set('employeeId', m.employeeId);
  set('location', m.location);
  return {
    dn: entry.dn,
    dnKey: normalizeDn(entry.dn),
    key,
    attrs,
    managerDn: m.manager ? (first(values, [m.manager]) ?? null) : undefined,
    disabled: isDisabled(values, m.disabled),
  };
}

export interface SearchSpec {
  baseDn: string;
  filter: string;
  mapping: LdapMapping;
  /** Stop after this many entries (a connection test). */
  limit?: number;
}

/**
 * The people under the base DN, read page by page (paged results control, 500 a page), so that
 * directories past the server's size limit (Active Directory: 1,000) are read whole.
 */
export async function* searchPeople(client: Client, spec: SearchSpec): AsyncGenerator<DirectoryEntry[]> {
  const options = {
    scope: 'sub' as const,
    filter: spec.filter,
    attributes: requestedAttributes(spec.mapping),
    explicitBufferAttributes: isGuidAttribute(spec.mapping.key) ? [spec.mapping.key] : [],
    ...(spec.limit ? { sizeLimit: spec.limit } : { paged: { pageSize: PAGE_SIZE } }),
  };
  try {
    if (spec.limit) {
      const res = await client.search(spec.baseDn, options);
      yield res.searchEntries.map((e) => readEntry(e, spec.mapping));
      return;
    }
    for await (const page of client.searchPaginated(spec.baseDn, options)) {
      yield page.searchEntries.map((e) => readEntry(e, spec.mapping));
    }
  } catch (err) {
    throw err instanceof DirectoryError ? err : new DirectoryError('search', describe(err));
  }
}

/** The DN of the one entry that `filter` finds (null: none, or more than one). */
export async function findDn(client: Client, baseDn: string, filter: string): Promise<string | null> {
  try {
    const res = await client.search(baseDn, { scope: 'sub', filter, attributes: ['1.1'], sizeLimit: 2 });
    return res.searchEntries.length === 1 ? (res.searchEntries[0]?.dn ?? null) : null;
  } catch (err) {
    throw new DirectoryError('search', describe(err));
  }
}
