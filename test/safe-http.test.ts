import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicOnlyLookup, refusedAddressClass, safePost, SafeHttpError } from '../server/lib/safe-http.js';
import { startReceiver, type Receiver } from './support/webhook-receiver.js';

/**
 * The HTTP client webhooks use (server/lib/safe-http.ts): addresses only the server could reach are
 * refused before anything is sent, unless the company allowed the host by name; redirects are not
 * followed; slow answers time out; a huge answer is read only up to its limit. Against real
 * receivers on 127.0.0.1.
 */
async function failure(p: Promise<unknown>): Promise<SafeHttpError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SafeHttpError) return err;
    throw err;
  }
  throw new Error('expected the request to be refused');
}

describe('address classes', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.127.255.254', 'shared (CGNAT)'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
  ])('%s is %s', (ip, label) => {
    expect(refusedAddressClass(ip)).toBe(label);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (ip) => {
    expect(refusedAddressClass(ip)).toBeNull();
  });
});

describe('safePost', () => {
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver((r, res) => {
      const path = String(r.headers['x-test'] ?? '');
      if (path === 'redirect') {
        res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
        return void res.end();
      }
      if (path === 'hang') return; // never answers
      if (path === 'trickle') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('a');
        return; // the body never ends
      }
      if (path === 'huge') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let sent = 0;
        const pump = () => {
          while (sent < 10 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => {});
        pump();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ got: r.body }));
    });
  });
  afterAll(async () => {
    await receiver?.close();
  });

  const post = (headers: Record<string, string> = {}, opts: Parameters<typeof safePost>[2] = {}) =>
    safePost(receiver.url, '{"hello":"world"}', { allowedHosts: ['127.0.0.1'], headers, ...opts });

  it('refuses every class of address that only the server could reach, sending nothing', async () => {
    const before = receiver.received.length;
    const port = receiver.port;
    const refused: Array<[string, string]> = [
      [`http://127.0.0.1:${port}/hook`, 'loopback'],
      [`http://localhost:${port}/hook`, 'loopback'],
      [`http://[::1]:${port}/hook`, 'loopback'],
      [`http://[::ffff:127.0.0.1]:${port}/hook`, 'loopback'],
      [`http://2130706433:${port}/hook`, 'loopback'],
      [`http://0x7f.1:${port}/hook`, 'loopback'],
      ['http://0.0.0.0/', 'unspecified'],
      ['http://10.0.0.1/', 'private'],
      ['http://172.20.1.1/', 'private'],
      ['http://192.168.0.10/', 'private'],
      ['http://[fd00::1]/', 'private'],
      ['http://169.254.169.254/latest/meta-data/', 'link-local'],
      ['http://[fe80::1]/', 'link-local'],
      ['http://100.64.1.1/', 'shared (CGNAT)'],
      ['http://224.0.0.251/', 'multicast'],
      ['http://[ff02::1]/', 'multicast'],
    ];
    for (const [url, label] of refused) {
      const err = await failure(safePost(url, '{}'));
      expect(err.kind, url).toBe('refused_address');
      expect(err.message, url).toContain(`${label} address`);
    }
    expect(receiver.received.length).toBe(before);
  });

  it('refuses other schemes and credentials in the address', async () => {
    expect((await failure(safePost('ftp://example.com/x', '{}'))).kind).toBe('invalid_url');
    expect((await failure(safePost('file:///etc/passwd', '{}'))).kind).toBe('invalid_url');
    const creds = await failure(safePost('http://user:secret@example.com/', '{}'));
    expect(creds.kind).toBe('invalid_url');
    expect(creds.message).toContain('user name or password');
  });

  it('checks the addresses a connection really uses, at connect time (no DNS rebinding)', async () => {
    const result = await new Promise<{ err: unknown; addresses: unknown }>((resolve) =>
      publicOnlyLookup('localhost', { all: true }, (err, addresses) => resolve({ err, addresses })),
    );
    expect(result.err).toBeInstanceOf(SafeHttpError);
    expect((result.err as SafeHttpError).message).toMatch(/localhost resolves to a loopback address/);
    expect(result.addresses as LookupAddress[]).toEqual([]);
  });

  it('lets a host the company allowed through, and sends the body and headers', async () => {
    const res = await post({ 'x-custom': 'yes' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ got: { hello: 'world' } });
    const last = receiver.received.at(-1)!;
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers['x-custom']).toBe('yes');
    // Allowed by name only: the same address under another name is still refused.
    expect((await failure(safePost(`http://localhost:${receiver.port}/hook`, '{}', { allowedHosts: ['127.0.0.1'] }))).kind).toBe(
      'refused_address',
    );
  });

  it('does not follow redirects', async () => {
    const before = receiver.received.length;
    const err = await failure(post({ 'x-test': 'redirect' }));
    expect(err.kind).toBe('redirect');
    expect(err.status).toBe(302);
    expect(err.message).toContain('redirects are not followed');
    expect(receiver.received.length).toBe(before + 1);
  });

  it('times out a receiver that does not answer, and one whose answer never ends', async () => {
    let started = Date.now();
    const hang = await failure(post({ 'x-test': 'hang' }, { firstByteTimeoutMs: 300, totalTimeoutMs: 600 }));
    expect(hang.kind).toBe('timeout');
    expect(hang.message).toContain('no answer within 300 ms');
    expect(Date.now() - started).toBeLessThan(3000);
    started = Date.now();
    const trickle = await failure(post({ 'x-test': 'trickle' }, { firstByteTimeoutMs: 300, totalTimeoutMs: 600 }));
    expect(trickle.kind).toBe('timeout');
    expect(trickle.message).toContain('longer than 600 ms');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reads at most 64 KB of a 10 MB answer and drops the rest', async () => {
    const started = Date.now();
    const res = await post({ 'x-test': 'huge' });
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(65_536);
    expect(res.truncated).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('says in words when nothing listens', async () => {
    const closed = await startReceiver();
    const url = closed.url;
    await closed.close();
    const err = await failure(safePost(url, '{}', { allowedHosts: ['127.0.0.1'] }));
    expect(err.kind).toBe('connection');
    expect(err.message).toContain('connection refused');
  });
});
