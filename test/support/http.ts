import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Client, Res } from './client.js';
import { PASSWORD, type Company } from './factories.js';
import type { TestServer } from './server.js';

/**
 * Asserts an RFC 9457 answer: status, stable code, the field at fault when given, and that nothing
 * of the server's insides (stack frames, file paths) reached the client.
 */
export function expectProblem(res: Res, status: number, code: string, field?: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, type: `about:blank#${code}` });
  expect(typeof res.body.detail).toBe('string');
  if (field !== undefined) expect(res.body.field).toBe(field);
  expectNoInternals(res);
}

/** No stack trace, source path or library frame in a response body. */
export function expectNoInternals(res: Res): void {
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+|"stack"/);
}

/** The fields named by a 400, sorted and unique. */
export const problemFields = (res: Res): string[] =>
  [...new Set(((res.body?.errors ?? []) as Array<{ field: string }>).map((e) => e.field))].sort();

/** Signs a fresh browser in with e-mail and password; returns it (throws unless 200). */
export async function signIn(
  t: TestServer,
  slug: string,
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
): Promise<Client> {
  const c = t.client(slug);
  const res = await c.post('/api/v1/auth/sign-in', { email, password }, headers);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return c;
}

/** Another "browser" holding the same cookie and CSRF token as `c`, but on `host`. */
export function withCookieOn(c: Client, other: Client): Client {
  const copy = other.fresh();
  copy.cookie = c.cookie;
  copy.csrf = c.csrf;
  return copy;
}

/** The token at the end of an invite link (`…/join/<token>`) or a reset link (`?token=`). */
export function tokenOf(url: string): string {
  const u = new URL(url);
  return u.searchParams.get('token') ?? u.pathname.split('/').pop() ?? '';
}

export const uniqueEmail = (company: Company, prefix = 'x'): string => `${prefix}-${randomBytes(4).toString('hex')}@${company.slug}.test`;

/** A multipart/form-data body with one file part, built by hand so every byte is under the test's control. */
export function multipart(
  field: string,
  filename: string,
  contentType: string,
  data: Buffer,
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----cp${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
