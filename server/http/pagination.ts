import { badInput } from '../errors.js';

/**
 * Opaque cursors: the sort key of the last item, base64url-encoded JSON. Every list uses them,
 * with `?cursor=&limit=` in and `{ items, nextCursor }` out; a page is stable under new inserts.
 */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends unknown[]>(cursor: string | undefined, shape: Array<'string' | 'number'>): T | null {
  if (!cursor) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput('cursor', 'is not a cursor this list gave out');
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length || parsed.some((v, i) => typeof v !== shape[i])) {
    throw badInput('cursor', 'is not a cursor this list gave out');
  }
  return parsed as T;
}

/** Fetch limit + 1 rows; the extra one tells whether there is a next page. */
export function pageOf<R, I>(rows: R[], limit: number, toItem: (r: R) => I, keyOf: (r: R) => unknown[]) {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  const last = slice[slice.length - 1];
  return { items: slice.map(toItem), nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
