import type { Presence } from '../../protocol/chat.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/index.js';
import type { PeopleTable } from '../db/schema.js';
import { canSeePerson } from '../policies/people.js';
import type { BusMessage } from './bus.js';
import type { Connection } from './connection.js';

/**
 * Presence: one `presence_devices` row per open socket (active or away), refreshed by the heartbeat.
 * A row not refreshed for STALE_MS belongs to a process that died: it is ignored by every read and
 * pruned. A person is online if any fresh row is active, away if every fresh row is away, offline
 * otherwise; "last active" is people.last_active_at, written when a device goes away or closes.
 * Changes cross processes as a `presence` bus message; each process tells its own watching sockets.
 */
export const STALE_MS = 90_000;
const BATCH = 500;

type PersonRow = Pick<PeopleTable, 'id' | 'org_id' | 'role' | 'status' | 'last_active_at'>;
type Viewer = Pick<PeopleTable, 'id' | 'org_id' | 'role'>;

/** The people among `personIds` with a fresh active or away device: they are looking, do not notify them. */
export async function isLooking(db: Db, personIds: string[]): Promise<Set<string>> {
  const looking = new Set<string>();
  const unique = [...new Set(personIds)];
  const cutoff = Date.now() - STALE_MS;
  for (let i = 0; i < unique.length; i += BATCH) {
    const rows = await db
      .selectFrom('presence_devices')
      .select('person_id')
      .distinct()
      .where('person_id', 'in', unique.slice(i, i + BATCH))
      .where('seen_at', '>', cutoff)
      .execute();
    for (const r of rows) looking.add(r.person_id);
  }
  return looking;
}

/** These people of the company with their aggregate presence, in one query per batch (unknown ids are absent). */
export async function presenceRows(db: Db, orgId: string, personIds: string[]): Promise<Array<{ person: PersonRow; presence: Presence }>> {
  const unique = [...new Set(personIds)];
  const now = Date.now();
  const out: Array<{ person: PersonRow; presence: Presence }> = [];
  for (let i = 0; i < unique.length; i += BATCH) {
    const rows = await db
      .selectFrom('people as p')
      .leftJoin('presence_devices as d', (j) => j.onRef('d.person_id', '=', 'p.id').on('d.seen_at', '>', now - STALE_MS))
      .select(['p.id', 'p.org_id', 'p.role', 'p.status', 'p.last_active_at'])
      .select((eb) => [
        eb.fn.count<number | string>('d.connection_id').as('devices'),
        eb.fn.sum<number | string | null>(eb.case().when('d.status', '=', 'active').then(1).else(0).end()).as('active'),
      ])
      .where('p.org_id', '=', orgId)
      .where('p.id', 'in', unique.slice(i, i + BATCH))
      .groupBy(['p.id', 'p.org_id', 'p.role', 'p.status', 'p.last_active_at'])
      .execute();
    for (const r of rows) {
      const person: PersonRow = { id: r.id, org_id: r.org_id, role: r.role, status: r.status, last_active_at: r.last_active_at };
      out.push({ person, presence: aggregate(person, Number(r.devices), Number(r.active ?? 0), now) });
    }
  }
  return out;
}

function aggregate(person: PersonRow, devices: number, active: number, now: number): Presence {
  const lastActiveAt = person.last_active_at === null ? null : new Date(person.last_active_at).toISOString();
  // A deactivated person is offline whatever sockets were left behind.
  if (person.status !== 'active' || devices === 0) return { personId: person.id, status: 'offline', lastActiveAt };
  if (active > 0) return { personId: person.id, status: 'online', lastActiveAt: new Date(now).toISOString() };
  return { personId: person.id, status: 'away', lastActiveAt };
}

/**
 * What a viewer may know of these people's presence: people of the same company they may see
 * (canSeePerson), everyone else left out so that nothing is revealed. `watchable` also leaves out
 * deactivated people. One query; the viewer's own row comes with it, so a role changed since the
 * socket opened applies at once.
 */
export async function visiblePresence(db: Db, viewer: Viewer, personIds: string[], watchable = false): Promise<Presence[]> {
  const rows = await presenceRows(db, viewer.org_id, [viewer.id, ...personIds]);
  const me = rows.find((r) => r.person.id === viewer.id)?.person ?? viewer;
  const wanted = new Set(personIds);
  return rows
    .filter((r) => wanted.has(r.person.id) && canSeePerson(me, r.person) && (!watchable || r.person.status === 'active'))
    .map((r) => r.presence);
}

/** What a watching socket was last told of a person; "online" again with a newer time is no news. */
const newsKey = (p: Presence): string => (p.status === 'online' ? 'online' : `${p.status}:${p.lastActiveAt ?? ''}`);

/** This process's side of presence: its sockets' device rows and which of its sockets watch whom. */
export class PresenceTracker {
  /** Watched person id -> the local sockets watching them (the reverse of each socket's watch map). */
  private readonly watchers = new Map<string, Set<Connection>>();
  /** Watched person id -> when the newest presence delivered here was read: an older one arriving late is stale. */
  private readonly readAt = new Map<string, number>();
  /** Person id -> their announcement in progress: one at a time, so they go out in the order of the changes. */
  private readonly announcing = new Map<string, Promise<void>>();

  constructor(private readonly ctx: AppContext) {}

  /** The socket started: its device row, active. */
  async opened(conn: Connection): Promise<void> {
    await this.ctx.db
      .insertInto('presence_devices')
      .values({ connection_id: conn.connectionId, org_id: conn.orgId, person_id: conn.personId, status: 'active', seen_at: Date.now() })
      .execute();
    conn.client.device = 'active';
    await this.announce(conn.orgId, conn.personId);
  }

  /** The client says the device is in use or idle; going idle is when it was last active. */
  async setStatus(conn: Connection, status: 'active' | 'away'): Promise<void> {
    if (conn.client.device === null || conn.client.device === status) return;
    const now = Date.now();
    await this.ctx.db
      .updateTable('presence_devices')
      .set({ status, seen_at: now })
      .where('connection_id', '=', conn.connectionId)
      .execute();
    conn.client.device = status;
    if (status === 'away') await this.touch([conn.personId], now);
    await this.announce(conn.orgId, conn.personId);
  }

  /** The socket closed: its row goes; if it was in use, the person was last active now (an idle one already said when). */
  async closed(conn: Connection): Promise<void> {
    this.unwatch(conn);
    const was = conn.client.device;
    if (was === null) return;
    conn.client.device = null;
    await this.ctx.db.deleteFrom('presence_devices').where('connection_id', '=', conn.connectionId).execute();
    if (was === 'active') await this.touch([conn.personId], Date.now());
    await this.announce(conn.orgId, conn.personId);
  }

  /**
   * Heartbeat: keeps this process's rows fresh (one UPDATE per batch), then prunes rows every process
   * stopped refreshing (a process that died) and tells watchers about the people they belonged to.
   */
  async beat(conns: Connection[]): Promise<void> {
    const now = Date.now();
    const mine = conns.filter((c) => c.client.device !== null).map((c) => c.connectionId);
    for (let i = 0; i < mine.length; i += BATCH) {
      await this.ctx.db
        .updateTable('presence_devices')
        .set({ seen_at: now })
        .where('connection_id', 'in', mine.slice(i, i + BATCH))
        .execute();
    }
    const pruned = await this.ctx.db
      .deleteFrom('presence_devices')
      .where('seen_at', '<=', now - STALE_MS)
      .returning(['org_id', 'person_id', 'status', 'seen_at'])
      .execute();
    await this.forget(pruned);
  }

  /**
   * Shutdown: this process's rows go in one statement (its clients reconnect elsewhere and insert new
   * ones), and watchers everywhere hear the resulting presence, without a query per socket.
   */
  async dropAll(conns: Connection[]): Promise<void> {
    const mine = conns.filter((c) => c.client.device !== null);
    for (const c of mine) c.client.device = null;
    const now = Date.now();
    for (let i = 0; i < mine.length; i += BATCH) {
      const rows = await this.ctx.db
        .deleteFrom('presence_devices')
        .where(
          'connection_id',
          'in',
          mine.slice(i, i + BATCH).map((c) => c.connectionId),
        )
        .returning(['org_id', 'person_id', 'status'])
        .execute();
      await this.forget(rows.map((r) => ({ ...r, seen_at: now })));
    }
  }

  /** Replaces what this socket watches with the visible, active people among `personIds`, and tells it their presence now. */
  async watch(conn: Connection, personIds: string[]): Promise<void> {
    const viewer = { id: conn.personId, org_id: conn.orgId, role: 'member' as const };
    const found = personIds.length === 0 ? [] : await visiblePresence(this.ctx.db, viewer, personIds, true);
    if (conn.isClosed) return;
    this.unwatch(conn);
    const watching = new Map<string, string>();
    for (const p of found) {
      watching.set(p.personId, newsKey(p));
      let set = this.watchers.get(p.personId);
      if (!set) this.watchers.set(p.personId, (set = new Set()));
      set.add(conn);
    }
    conn.client.watching = watching.size > 0 ? watching : null;
    for (const p of found) conn.sendRaw(signalFrame(p));
  }

  /** A `presence` bus message: tell the local sockets watching that person, once per change. */
  deliver(msg: Extract<BusMessage, { kind: 'presence' }>): void {
    const set = this.watchers.get(msg.presence.personId);
    if (!set) return;
    // Two processes may announce one person at once: the later reading is the truth.
    if ((this.readAt.get(msg.presence.personId) ?? 0) > msg.at) return;
    this.readAt.set(msg.presence.personId, msg.at);
    const key = newsKey(msg.presence);
    let frame: string | null = null;
    for (const c of set) {
      const watching = c.client.watching;
      if (c.orgId !== msg.orgId || !watching || watching.get(msg.presence.personId) === key) continue;
      watching.set(msg.presence.personId, key);
      c.sendRaw((frame ??= signalFrame(msg.presence)));
    }
  }

  unwatch(conn: Connection): void {
    const watching = conn.client.watching;
    if (!watching) return;
    for (const personId of watching.keys()) {
      const set = this.watchers.get(personId);
      set?.delete(conn);
      if (set?.size === 0) {
        this.watchers.delete(personId);
        this.readAt.delete(personId);
      }
    }
    conn.client.watching = null;
  }

  /**
   * Recomputes a person's presence after one of their rows changed (one query) and puts it on the bus.
   * Published on every change of a row rather than only when the aggregate differs: two devices of
   * one person changing at once on two processes could each believe nothing changed. Sockets only
   * hear real changes (see `deliver`).
   */
  private announce(orgId: string, personId: string): Promise<void> {
    // Chained per person: a reading taken before a later change must not be published after it.
    const next = (this.announcing.get(personId) ?? Promise.resolve()).then(async () => {
      const at = Date.now();
      const [row] = await presenceRows(this.ctx.db, orgId, [personId]);
      if (row) await this.ctx.bus.publish({ kind: 'presence', orgId, presence: row.presence, at });
    });
    const settled = next.catch(() => undefined);
    this.announcing.set(personId, settled);
    void settled.then(() => {
      if (this.announcing.get(personId) === settled) this.announcing.delete(personId);
    });
    return next;
  }

  /** Rows that went away without a close (pruned, shutdown): last active when last seen, then watchers hear. */
  private async forget(rows: Array<{ org_id: string; person_id: string; status: 'active' | 'away'; seen_at: number }>): Promise<void> {
    if (rows.length === 0) return;
    const byOrg = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const people = byOrg.get(r.org_id) ?? new Map<string, number>();
      byOrg.set(r.org_id, people);
      // An idle device's last activity was written when it went away; 0 leaves that as it is.
      people.set(r.person_id, Math.max(people.get(r.person_id) ?? 0, r.status === 'active' ? r.seen_at : 0));
    }
    for (const [orgId, people] of byOrg) {
      // Grouped by time: at shutdown every row has the same one, so this is one statement per batch.
      const byTime = new Map<number, string[]>();
      for (const [personId, at] of people) {
        const ids = byTime.get(at);
        if (ids) ids.push(personId);
        else byTime.set(at, [personId]);
      }
      byTime.delete(0);
      for (const [at, ids] of byTime) for (let i = 0; i < ids.length; i += BATCH) await this.touch(ids.slice(i, i + BATCH), at);
      const at = Date.now();
      for (const { presence } of await presenceRows(this.ctx.db, orgId, [...people.keys()])) {
        await this.ctx.bus.publish({ kind: 'presence', orgId, presence, at });
      }
    }
  }

  /** people.last_active_at = at, never moving backwards. */
  private async touch(personIds: string[], at: number): Promise<void> {
    await this.ctx.db
      .updateTable('people')
      .set({ last_active_at: at })
      .where('id', 'in', personIds)
      .where((eb) => eb.or([eb('last_active_at', 'is', null), eb('last_active_at', '<', at)]))
      .execute();
  }
}

const signalFrame = (p: Presence): string => JSON.stringify({ kind: 'signal', type: 'presence', payload: p });
