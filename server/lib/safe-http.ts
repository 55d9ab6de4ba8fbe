import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as lookupAll } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, request } from 'undici';

/**
 * POSTing to addresses that company admins typed (webhooks) without letting them reach what only
 * the server can: loopback, private networks, link-local (cloud metadata at 169.254.169.254),
 * CGNAT, multicast and reserved ranges, in IPv4 or IPv6 (IPv4 inside IPv6 included). A host the
 * company allowed by name (integration_settings.allowed_hosts) may resolve anywhere.
 *
 * The check is made on the addresses the connection really uses: requests to hosts that are not
 * allowed go through an agent whose DNS lookup refuses any non-public answer, so a name that
 * answered "public" to the first check and "private" to the connection (DNS rebinding) is refused
 * at connect time. IP literals are checked before the request (no lookup happens for them).
 * Redirects are never followed; the answer's body is read up to a limit and the rest dropped.
 */

export type SafeHttpFailure = 'invalid_url' | 'refused_address' | 'dns' | 'timeout' | 'connection' | 'redirect' | 'aborted';

export class SafeHttpError extends Error {
  constructor(
    readonly kind: SafeHttpFailure,
    message: string,
    /** The answer's status, when one came (a redirect). */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'SafeHttpError';
  }
}

export interface SafePostOptions {
  headers?: Record<string, string>;
  /** Host names (as in the URL, lower case; `[::1]` for IPv6) that may resolve to any address. */
  allowedHosts?: readonly string[];
  /** Until the answer's status line and headers (connecting included). Default 5 s. */
  firstByteTimeoutMs?: number;
  /** Until the answer's body is read. Default 10 s. */
  totalTimeoutMs?: number;
  /** Bytes of the answer's body kept; the rest is not read. Default 64 KB. */
  maxBodyBytes?: number;
  /** Aborts the request (a server shutting down). */
  signal?: AbortSignal;
}

export interface SafeResponse {
  status: number;
  contentType: string;
  /** At most maxBodyBytes of the body, as UTF-8. */
  body: string;
  truncated: boolean;
}

// --- Address classes -------------------------------------------------------------------------

type V4Range = [a: number, b: number, c: number, d: number, bits: number, label: string];
const V4_REFUSED: V4Range[] = [
  [0, 0, 0, 0, 8, 'unspecified'],
  [10, 0, 0, 0, 8, 'private'],
  [100, 64, 0, 0, 10, 'shared (CGNAT)'],
  [127, 0, 0, 0, 8, 'loopback'],
  [169, 254, 0, 0, 16, 'link-local'],
  [172, 16, 0, 0, 12, 'private'],
  [192, 0, 0, 0, 24, 'reserved'],
  [192, 0, 2, 0, 24, 'reserved'],
  [192, 168, 0, 0, 16, 'private'],
  [198, 18, 0, 0, 15, 'reserved'],
  [198, 51, 100, 0, 24, 'reserved'],
  [203, 0, 113, 0, 24, 'reserved'],
  [224, 0, 0, 0, 4, 'multicast'],
  [240, 0, 0, 0, 4, 'reserved'],
];

function v4Bytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

function prefixMatches(bytes: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function v4Class(bytes: number[]): string | null {
  for (const [a, b, c, d, bits, label] of V4_REFUSED) if (prefixMatches(bytes, [a, b, c, d], bits)) return label;
  return null;
}

/** 16 bytes of an IPv6 address (with `::` and a trailing dotted IPv4 part); null when it is not one. */
export function v6Bytes(ip: string): number[] | null {
  let text = ip.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  const tail: number[] = [];
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (dotted?.[1]) {
    if (isIP(dotted[1]) !== 4) return null;
    tail.push(...v4Bytes(dotted[1]));
    text = text.slice(0, -dotted[1].length) + '0:0';
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const head = groups(halves[0]);
  const rest = groups(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const all = [...head, ...Array<string>(Math.max(0, missing)).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

type V6Range = [prefix: number[], bits: number, label: string];
const V6_REFUSED: V6Range[] = [
  [[0x01, 0x00], 64, 'reserved'],
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48, 'private'],
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'reserved'],
  [[0xfc], 7, 'private'],
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'private'],
  [[0xff], 8, 'multicast'],
];

function v6Class(bytes: number[]): string | null {
  const zeroUpTo = (n: number) => bytes.slice(0, n).every((b) => b === 0);
  if (zeroUpTo(16)) return 'unspecified';
  if (zeroUpTo(15) && bytes[15] === 1) return 'loopback';
  // IPv4 inside IPv6: mapped (::ffff:a.b.c.d), the old compatible form (::a.b.c.d), NAT64 and 6to4.
  if (zeroUpTo(10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4Class(bytes.slice(12));
  if (zeroUpTo(12)) return v4Class(bytes.slice(12)) ?? 'reserved';
  if (prefixMatches(bytes, [0x00, 0x64, 0xff, 0x9b], 96)) return v4Class(bytes.slice(12));
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4Class(bytes.slice(2, 6));
  for (const [prefix, bits, label] of V6_REFUSED) if (prefixMatches(bytes, prefix, bits)) return label;
  return null;
}

/** Why this IP may not be reached ('loopback', 'private', 'link-local', …), or null when it is public. */
export function refusedAddressClass(ip: string): string | null {
  const family = isIP(ip.replace(/^\[|\]$/g, '').split('%')[0] ?? '');
  if (family === 4) return v4Class(v4Bytes(ip));
  const bytes = family === 6 ? v6Bytes(ip) : null;
  return bytes ? v6Class(bytes) : 'reserved';
}

const refusal = (host: string, ip: string, label: string) =>
  new SafeHttpError('refused_address', host === ip ? `is a ${label} address (${ip})` : `${host} resolves to a ${label} address (${ip})`);

// --- The connection ----------------------------------------------------------------------------

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup for net.connect that answers only when every address of the name is public. */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as LookupAddress[];
    for (const a of list) {
      const label = refusedAddressClass(a.address);
      if (label) return callback(refusal(hostname, a.address, label) as NodeJS.ErrnoException, []);
    }
    if (options.all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

const CONNECT_TIMEOUT_MS = 10_000;
// One pool each, per process: keep-alive connections are reused only within their agent, so a
// connection made to an allowed host's private address is never used for a host that is not.
const publicAgent = new Agent({ connect: { lookup: publicOnlyLookup, timeout: CONNECT_TIMEOUT_MS }, keepAliveTimeout: 4_000 });
const allowedAgent = new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS }, keepAliveTimeout: 4_000 });

/** The URL if webhooks may use it: http(s), no user:password, and a host that is allowed or public. */
export async function checkTarget(raw: string, allowedHosts: readonly string[] = []): Promise<{ url: URL; allowed: boolean }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SafeHttpError('invalid_url', 'is not an address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SafeHttpError('invalid_url', 'must be an http:// or https:// address');
  if (url.username || url.password) throw new SafeHttpError('invalid_url', 'must not carry a user name or password');
  const host = url.hostname.toLowerCase();
  if (allowedHosts.includes(host)) return { url, allowed: true };
  const literal = host.replace(/^\[|\]$/g, '');
  if (isIP(literal)) {
    const label = refusedAddressClass(literal);
    if (label) throw refusal(literal, literal, label);
    return { url, allowed: false };
  }
  let addresses: LookupAddress[];
  try {
    addresses = await lookupAll(host, { all: true, verbatim: true });
  } catch {
    throw new SafeHttpError('dns', `${host} could not be resolved`);
  }
  for (const a of addresses) {
    const label = refusedAddressClass(a.address);
    if (label) throw refusal(host, a.address, label);
  }
  return { url, allowed: false };
}

/**
 * POSTs `body` (JSON) to `rawUrl` under the rules above. Any HTTP answer other than a redirect is
 * returned (the caller judges the status); a redirect, a refused address, a timeout or a failed
 * connection throws a SafeHttpError whose message says what happened in words.
 */
export async function safePost(rawUrl: string, body: string, opts: SafePostOptions = {}): Promise<SafeResponse> {
  const { url, allowed } = await checkTarget(rawUrl, opts.allowedHosts);
  const firstByteMs = opts.firstByteTimeoutMs ?? 5_000;
  const totalMs = opts.totalTimeoutMs ?? 10_000;
  const maxBytes = opts.maxBodyBytes ?? 65_536;
  const controller = new AbortController();
  let timedOut: string | null = null;
  const expire = (what: string) => () => {
    timedOut = what;
    controller.abort();
  };
  const firstByte = setTimeout(expire(`no answer within ${seconds(firstByteMs)}`), firstByteMs);
  const total = setTimeout(expire(`the answer took longer than ${seconds(totalMs)}`), totalMs);
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...opts.headers },
      body,
      dispatcher: allowed ? allowedAgent : publicAgent,
      signal: controller.signal,
      headersTimeout: firstByteMs + 1_000,
      bodyTimeout: totalMs + 1_000,
    });
    clearTimeout(firstByte);
    // Destroying the body (a redirect, the limit reached) is ours to do, not an error to report.
    res.body.on('error', () => {});
    if (res.statusCode >= 300 && res.statusCode < 400) {
      res.body.destroy();
      const where = typeof res.headers.location === 'string' ? ` to ${res.headers.location.slice(0, 200)}` : '';
      throw new SafeHttpError('redirect', `redirects are not followed (status ${res.statusCode}${where})`, res.statusCode);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      const room = maxBytes - size;
      if (chunk.length >= room) {
        chunks.push(chunk.subarray(0, room));
        size = maxBytes;
        truncated = true;
        break; // leaving the loop destroys the stream: the rest is never read
      }
      chunks.push(chunk);
      size += chunk.length;
    }
    const contentType = res.headers['content-type'];
    return {
      status: res.statusCode,
      contentType: typeof contentType === 'string' ? contentType : '',
      body: Buffer.concat(chunks).toString('utf8'),
      truncated,
    };
  } catch (err) {
    if (err instanceof SafeHttpError) throw err;
    if (timedOut) throw new SafeHttpError('timeout', `timed out: ${timedOut}`);
    if (opts.signal?.aborted) throw new SafeHttpError('aborted', 'the server is shutting down');
    const refused = findRefusal(err);
    if (refused) throw refused;
    throw new SafeHttpError('connection', `could not connect: ${describe(err)}`);
  } finally {
    clearTimeout(firstByte);
    clearTimeout(total);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

/** The refusal of the connect-time lookup, wherever undici wrapped it. */
function findRefusal(err: unknown): SafeHttpError | null {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof SafeHttpError) return e;
  }
  return null;
}

function describe(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown; cause?: unknown };
  const cause = e.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : typeof e.code === 'string' ? e.code : null;
  const words: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host not found (DNS)',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    UND_ERR_SOCKET: 'the connection closed',
    UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
    CERT_HAS_EXPIRED: 'its TLS certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
    ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another name',
  };
  if (code && words[code]) return words[code];
  const message = typeof cause?.message === 'string' ? cause.message : typeof e.message === 'string' ? e.message : String(err);
  return message.slice(0, 200);
}
