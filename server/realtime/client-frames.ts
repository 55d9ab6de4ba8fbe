import type { RawData } from 'ws';
import { clientFrameSchema, type ClientFrame } from '../../protocol/events.js';
import type { AppContext } from '../context.js';
import { conversationForViewer, participantIds } from '../policies/chat.js';
import type { Connection } from './connection.js';
import type { PresenceTracker } from './presence.js';
import { publishSignal } from './publish.js';
import { CallSignalling } from '../modules/calls/signalling.js';
import type { Sfu } from '../modules/calls/sfu.js';

/** Sustained frames per second a socket may send, and the burst it may save up. */
export const FRAME_RATE_PER_S = 20;
export const FRAME_BURST = 20;
/** Refused frames (too frequent, malformed, not allowed) after which the socket is closed with 1008; they leak away at STRIKE_DECAY_PER_S. */
export const ABUSE_STRIKES = 200;
const STRIKE_DECAY_PER_S = 2;
/** Frames of one socket waiting for the database; more are refused rather than queued. */
const MAX_PENDING = 32;
/** At most one typing signal per person and conversation in this time; extra ones are dropped silently. */
export const TYPING_THROTTLE_MS = 1_000;
const TYPING_SWEEP_AT = 10_000;

const KINDS: ReadonlySet<string> = new Set(clientFrameSchema.options.map((o) => o.shape.kind.value));

/** What a socket keeps for its frames: a few numbers and the watch map, no buffered frames. */
export class ClientState {
  tokens = FRAME_BURST;
  refilledAt = Date.now();
  strikes = 0;
  struckAt = Date.now();
  /** Told "rate_limited" already in this episode: one error per episode, not one per dropped frame. */
  limited = false;
  pending = 0;
  /** The gateway let go of the socket (its presence clean-up is queued). */
  released = false;
  /** Every frame's work runs on this chain, in arrival order, after the socket started. */
  work: Promise<void> = Promise.resolve();
  /** This socket's presence row, once written: its status. */
  device: 'active' | 'away' | null = null;
  /** Watched person id -> what the socket was last told of them (see PresenceTracker). */
  watching: Map<string, string> | null = null;
}

type Parsed = { frame: ClientFrame } | { code: string; message: string };

/** Turns a websocket message into a client frame, or an error naming what is wrong with it. */
export function parseClientFrame(data: RawData): Parsed {
  const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as Buffer).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { code: 'invalid_json', message: 'The frame is not valid JSON.' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { code: 'invalid_frame', message: 'A frame is a JSON object with a "kind".' };
  }
  const kind = (json as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    return { code: 'unknown_kind', message: `Unknown frame kind; expected one of: ${[...KINDS].join(', ')}.` };
  }
  const result = clientFrameSchema.safeParse(json);
  if (result.success) return { frame: result.data };
  const issue = result.error.issues[0];
  const keys = issue && 'keys' in issue ? (issue.keys as string[]) : [];
  const field = [...(issue?.path ?? []), ...keys.slice(0, 1)].join('.') || 'frame';
  return { code: 'invalid_frame', message: `${kind} frame, ${field}: ${issue?.message ?? 'invalid'}` };
}

/**
 * Reads what clients send on the realtime socket: pings, typing, presence status and watch lists,
 * and calls' signalling (modules/calls/signalling.ts).
 * Each socket has a token bucket; a refused frame gets an `error` frame and the socket stays open,
 * unless refusals go on (ABUSE_STRIKES), which closes it with 1008.
 */
export class ClientFrames {
  /** "person:conversation" -> when their last typing signal went out (process-wide, swept). */
  private readonly typingAt = new Map<string, number>();

  private readonly calls: CallSignalling;

  constructor(
    private readonly ctx: AppContext,
    private readonly presence: PresenceTracker,
    sfu: Sfu,
  ) {
    this.calls = new CallSignalling(ctx, sfu, (conn, code, message) => this.refuse(conn, code, message));
  }

  /** The socket closed: what it held in calls goes (its media-server session). */
  closed(conn: Connection): void {
    this.calls.closed(conn);
  }

  receive(conn: Connection, data: RawData): void {
    const st = conn.client;
    if (!takeToken(st)) {
      if (!st.limited)
        this.refuse(conn, 'rate_limited', `Too many frames: at most ${FRAME_RATE_PER_S} a second; the extra ones were dropped.`);
      else this.strike(conn);
      st.limited = true;
      return;
    }
    st.limited = false;
    const parsed = parseClientFrame(data);
    if (!('frame' in parsed)) return this.refuse(conn, parsed.code, parsed.message);
    const frame = parsed.frame;
    if (frame.kind === 'ping') return conn.send({ kind: 'pong' });
    if (st.pending >= MAX_PENDING) return this.refuse(conn, 'rate_limited', 'Too many frames waiting; the extra ones were dropped.');
    this.run(conn, () => this.handle(conn, frame));
  }

  /** Queues work on the socket's chain; `always` runs even after the socket closed (its clean-up). */
  run(conn: Connection, fn: () => Promise<void>, always = false): void {
    const st = conn.client;
    st.pending++;
    st.work = st.work
      .then(() => (always || !conn.isClosed ? fn() : undefined))
      .catch((err: unknown) => this.ctx.log.warn({ err }, 'realtime client frame failed'))
      .finally(() => st.pending--);
  }

  /** Forgets typing throttles that ran out (heartbeat). */
  sweep(now = Date.now()): void {
    for (const [key, at] of this.typingAt) if (now - at >= TYPING_THROTTLE_MS) this.typingAt.delete(key);
  }

  private async handle(conn: Connection, frame: Exclude<ClientFrame, { kind: 'ping' }>): Promise<void> {
    if (frame.kind === 'typing') return this.typing(conn, frame.conversationId);
    if (frame.kind === 'presence') return this.presence.setStatus(conn, frame.status);
    if (frame.kind === 'watch') return this.presence.watch(conn, [...new Set(frame.personIds)]);
    return this.calls.handle(conn, frame);
  }

  /**
   * Typing: to the other participants, at most once a second per person and conversation. The
   * participation check runs on every frame (no cache; the token bucket bounds it), so someone
   * removed is refused at once; a conversation one is not in answers not_found, like one that does
   * not exist. The throttle comes after it: checked and claimed with no await in between, so the
   * person's other sockets cannot slip a second signal through.
   */
  private async typing(conn: Connection, conversationId: string): Promise<void> {
    const viewer = { id: conn.personId, org_id: conn.orgId, status: 'active' as const };
    const conv = await conversationForViewer(this.ctx.db, viewer, conversationId);
    if (!conv) return this.refuse(conn, 'not_found', 'There is no such conversation.');
    const key = `${conn.personId}:${conversationId}`;
    const now = Date.now();
    const last = this.typingAt.get(key);
    if (last !== undefined && now - last < TYPING_THROTTLE_MS) return;
    this.typingAt.set(key, now);
    if (this.typingAt.size > TYPING_SWEEP_AT) this.sweep(now);
    const others = (await participantIds(this.ctx.db, conv)).filter((id) => id !== conn.personId);
    await publishSignal(this.ctx.bus, conn.orgId, others, 'chat.typing', { conversationId, personId: conn.personId });
  }

  private refuse(conn: Connection, code: string, message: string): void {
    if (this.strike(conn)) conn.sendRaw(JSON.stringify({ kind: 'error', code, message }));
  }

  /** Counts a refused frame; false when that was one too many and the socket is now closed. */
  private strike(conn: Connection): boolean {
    const st = conn.client;
    const now = Date.now();
    st.strikes = Math.max(0, st.strikes - ((now - st.struckAt) * STRIKE_DECAY_PER_S) / 1000) + 1;
    st.struckAt = now;
    if (st.strikes < ABUSE_STRIKES) return true;
    conn.close(1008, 'too many refused frames');
    return false;
  }
}

function takeToken(st: ClientState): boolean {
  const now = Date.now();
  st.tokens = Math.min(FRAME_BURST, st.tokens + ((now - st.refilledAt) * FRAME_RATE_PER_S) / 1000);
  st.refilledAt = now;
  if (st.tokens < 1) return false;
  st.tokens -= 1;
  return true;
}
