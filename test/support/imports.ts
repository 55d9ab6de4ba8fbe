import { expect } from 'vitest';
import type { Client, Res } from './client.js';
import { multipart } from './http.js';

/** Uploads a people file as the admin screen does (multipart field "file"). */
export function uploadPeople(c: Client, data: Buffer | string, filename = 'people.csv', type = 'text/csv'): Promise<Res> {
  const { body, headers } = multipart('file', filename, type, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'));
  return c.call('POST', '/api/v1/admin/imports', body, headers);
}

/** Uploads and returns the import (throws unless 201). */
export async function uploaded(c: Client, data: Buffer | string, filename?: string): Promise<any> {
  const res = await uploadPeople(c, data, filename);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Polls the import (as the admin screen does) until `done` says so; returns it. */
export async function waitForImport(c: Client, id: string, done: (imp: any) => boolean, timeoutMs = 30_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await c.get(`/api/v1/admin/imports/${id}`);
    expect(res.status).toBe(200);
    if (done(res.body)) return res.body;
    if (res.body.status === 'failed') throw new Error(`import failed: ${res.body.error}`);
    if (Date.now() > deadline) throw new Error(`import not there within ${timeoutMs} ms: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Maps, runs the dry run and waits for it. */
export async function previewed(c: Client, id: string, mapping: unknown): Promise<any> {
  const put = await c.put(`/api/v1/admin/imports/${id}/mapping`, mapping);
  if (put.status !== 200) throw new Error(`mapping failed: ${put.status} ${JSON.stringify(put.body)}`);
  const res = await c.post(`/api/v1/admin/imports/${id}/preview`);
  if (res.status !== 202) throw new Error(`preview failed: ${res.status} ${JSON.stringify(res.body)}`);
  return waitForImport(c, id, (imp) => imp.status === 'previewed');
}

/** Runs (mapping first when given) and waits until it finished. */
export async function ran(c: Client, id: string, mapping?: unknown): Promise<any> {
  if (mapping) {
    const put = await c.put(`/api/v1/admin/imports/${id}/mapping`, mapping);
    if (put.status !== 200) throw new Error(`mapping failed: ${put.status} ${JSON.stringify(put.body)}`);
  }
  const res = await c.post(`/api/v1/admin/imports/${id}/run`);
  if (res.status !== 202) throw new Error(`run failed: ${res.status} ${JSON.stringify(res.body)}`);
  return waitForImport(c, id, (imp) => imp.status === 'finished');
}

/** Every row result of an import (all pages), optionally of one status. */
export async function rowsOf(c: Client, id: string, status?: string): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const q: URLSearchParams = new URLSearchParams({ limit: '100', ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) });
    const res: Res = await c.get(`/api/v1/admin/imports/${id}/rows?${q}`);
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** A CSV of the given rows (values quoted when needed), lines ending in CRLF as spreadsheets write them. */
export function csv(rows: string[][], delimiter = ','): string {
  const cell = (v: string) => (/["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}
