import WebSocket from 'ws';
import type { EventPayload, EventType } from '../../protocol/events.js';
import { inTx, type AppContext } from '../../server/context.js';
import { publishToPeople } from '../../server/realtime/publish.js';
import type { Client, Frame, LiveSocket } from './client.js';
import { PASSWORD } from './factories.js';

/** Realtime helpers: open sockets and wait for their first frame, time closes, make events in bulk. */

/** Opens the person's socket and resolves once the server answered with `ready` (or `resync`). */
export async function connect(client: Client, after?: number): Promise<LiveSocket> {
  const live = client.realtime(after);
  await live.opened;
  await live.waitFor((f) => f.kind === 'ready' || f.kind === 'resync');
  return live;
}

/** The HTTP status with which the server refused the websocket upgrade; throws if it was accepted. */
export function refusedUpgrade(client: Client, headers: Record<string, string> = {}, after?: number): Promise<number> {
  const query = after === undefined ? '' : `?after=${after}`;
  const ws = new WebSocket(`ws://127.0.0.1:${client.port}/api/v1/realtime${query}`, {
    headers: { host: client.host, ...(client.cookie ? { cookie: client.cookie } : {}), ...headers },
  });
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (req, res) => {
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('error', reject);
  });
}

/** Resolves with the close code and the moment the close event fired (not when a test got round to it). */
export function closeOf(live: LiveSocket): Promise<{ code: number; reason: string; at: number }> {
  if (live.ws.readyState === WebSocket.CLOSED) return live.closed.then((c) => ({ ...c, at: Date.now() }));
  return new Promise((resolve) => live.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString(), at: Date.now() })));
}

/** The sequence numbers of the event frames received so far, in arrival order. */
export const seqsOf = (live: LiveSocket): number[] => live.events().map((f) => f.seq ?? Number.NaN);

/** [from, from + 1, …, to]. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Waits until the socket has received the event with this seq; fails naming what it did get. */
export const waitForSeq = (live: LiveSocket, seq: number, timeoutMs = 10_000): Promise<Frame> =>
  live.waitFor((f) => f.kind === 'event' && f.seq === seq, timeoutMs);

/** The person's last handed-out sequence number, as stored (the truth a `ready` frame reports). */
export async function storedSeqOf(ctx: AppContext, personId: string): Promise<number> {
  const row = await ctx.db.selectFrom('event_seqs').select('seq').where('person_id', '=', personId).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** The person's last handed-out sequence number, as the session endpoint reports it. */
export async function eventSeqOf(client: Client): Promise<number> {
  const res = await client.get<{ eventSeq: number }>('/api/v1/auth/session');
  if (res.status !== 200) throw new Error(`session read failed: ${res.status}`);
  return res.body.eventSeq;
}

/**
 * Makes `count` events for the people in one transaction each batch, through the same publish path
 * the services use (stored with a sequence number, published after commit). For volume only.
 */
export async function publishMany<T extends EventType>(
  ctx: AppContext,
  orgId: string,
  personIds: string[],
  type: T,
  payload: (i: number) => EventPayload<T>,
  count: number,
  perTransaction = 250,
): Promise<void> {
  for (let start = 0; start < count; start += perTransaction) {
    await inTx(ctx, async (trx, afterCommit) => {
      for (let i = start; i < Math.min(count, start + perTransaction); i++) {
        await publishToPeople(trx, afterCommit, ctx.bus, orgId, personIds, type, payload(i));
      }
    });
  }
}

/** Polls a condition until it holds or the deadline passes (for state that sends no event). */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The same person signed in once more, from another browser (a second session). */
export async function anotherSession(client: Client, email: string): Promise<Client> {
  const other = client.fresh();
  const res = await other.post('/api/v1/auth/sign-in', { email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return other;
}

/** The id of the session this client is signed in with. */
export async function currentSessionId(client: Client): Promise<string> {
  const res = await client.get<{ items: Array<{ id: string; current: boolean }> }>('/api/v1/me/sessions?limit=100');
  const id = res.body.items?.find((s) => s.current)?.id;
  if (res.status !== 200 || !id) throw new Error(`session list failed: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}
