import sharp from 'sharp';
import { request } from 'undici';
import type { Client, Res } from './client.js';
import { multipart } from './http.js';
import type { TestServer } from './server.js';

/** Uploads one file as a browser would (multipart field "file" unless told otherwise). */
export function upload(c: Client, data: Buffer, filename = 'file.bin', type = 'application/octet-stream', field = 'file'): Promise<Res> {
  const { body, headers } = multipart(field, filename, type, data);
  return c.call('POST', '/api/v1/uploads', body, headers);
}

/** Uploads and returns the new attachment's id (throws unless 201). */
export async function uploadId(c: Client, data: Buffer, filename?: string): Promise<string> {
  const res = await upload(c, data, filename);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Downloads raw bytes with the client's session (the JSON client would decode them as text). */
export async function download(t: TestServer, c: Client, path: string) {
  const res = await request(`http://127.0.0.1:${t.port}${path}`, { headers: { host: c.host, ...(c.cookie ? { cookie: c.cookie } : {}) } });
  return { status: res.statusCode, headers: res.headers, bytes: Buffer.from(await res.body.arrayBuffer()) };
}

export const png = (width: number, height: number, background = '#cc3366') =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
