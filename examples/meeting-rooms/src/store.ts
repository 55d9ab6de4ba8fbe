import Database from 'better-sqlite3';

/**
 * The bot's own memory, one SQLite file (better-sqlite3): bookings, which webhook events and
 * messages it has already answered, and which of its messages show a day's list (to redraw them).
 *
 * Why booking cannot double-book: the table has UNIQUE (room, starts_at), and a booking is a
 * single `INSERT … ON CONFLICT DO NOTHING`. The database decides, in one statement, whether the
 * slot was free: there is no "look, then write" for two clicks to slip between. That holds
 * however the clicks arrive — two webhook deliveries at once in one process (where `await`s
 * elsewhere in the handler interleave them), or several bot processes sharing the file (SQLite
 * takes the write lock for the statement; busy_timeout makes the other one wait its turn instead
 * of failing). The loser reads who holds the slot and is told so.
 */

export interface Booking {
  id: number;
  room: string;
  /** Local date in the office's zone, YYYY-MM-DD. */
  day: string;
  /** Local hour the slot starts. */
  hour: number;
  /** The instant the slot starts (ms since the epoch): what "in the past" is decided on. */
  startsAt: number;
  personId: string;
  personName: string;
  /** The webhook event that made it: a redelivery of that event finds its own booking, not a conflict. */
  eventId: string;
  bookedAt: number;
}

export interface PostedList {
  messageId: string;
  conversationId: string;
  kind: 'day' | 'mine';
  day: string | null;
  personId: string | null;
}

export type BookResult = { booked: true; booking: Booking } | { booked: false; holder: Booking };

interface BookingRow {
  id: number;
  room: string;
  day: string;
  hour: number;
  starts_at: number;
  person_id: string;
  person_name: string;
  event_id: string;
  booked_at: number;
}

const toBooking = (r: BookingRow): Booking => ({
  id: r.id,
  room: r.room,
  day: r.day,
  hour: r.hour,
  startsAt: r.starts_at,
  personId: r.person_id,
  personName: r.person_name,
  eventId: r.event_id,
  bookedAt: r.booked_at,
});

export class RoomStore {
  private readonly db: Database.Database;

  /** `path` is a file (made if missing) or ':memory:'. */
  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS bookings (
        id INTEGER PRIMARY KEY,
        room TEXT NOT NULL,
        day TEXT NOT NULL,
        hour INTEGER NOT NULL,
        starts_at INTEGER NOT NULL,
        person_id TEXT NOT NULL,
        person_name TEXT NOT NULL,
        event_id TEXT NOT NULL UNIQUE,
        booked_at INTEGER NOT NULL,
        UNIQUE (room, starts_at)
      );
      CREATE INDEX IF NOT EXISTS bookings_by_day ON bookings (day);
      CREATE INDEX IF NOT EXISTS bookings_by_person ON bookings (person_id, starts_at);
      CREATE TABLE IF NOT EXISTS handled (key TEXT PRIMARY KEY, at INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS posted (
        message_id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        day TEXT,
        person_id TEXT,
        at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS posted_by_day ON posted (day, at);
    `);
  }

  /**
   * Takes `key` (an event or message id) for this handling; false when it is taken — handled
   * already (a redelivery, or one message told as both `message.created` and `mention`), or being
   * handled right now. Atomic for the same reason as booking: a primary key and one statement.
   * A claim left unfinished for `leaseMs` (the bot died while handling) may be taken again: the
   * handling is safe to repeat (see the README), and Commonplace's retry would otherwise be lost.
   */
  claim(key: string, now: number, leaseMs: number): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO handled (key, at) VALUES (?, ?)
           ON CONFLICT (key) DO UPDATE SET at = excluded.at WHERE handled.done = 0 AND handled.at <= ?`,
        )
        .run(key, now, now - leaseMs).changes === 1
    );
  }

  /** The handling of `key` is complete: every later delivery of it is skipped. */
  finish(key: string): void {
    this.db.prepare('UPDATE handled SET done = 1 WHERE key = ?').run(key);
  }

  /** Gives a claim back after the handling failed, so Commonplace's retry is handled again. */
  release(key: string): void {
    this.db.prepare('DELETE FROM handled WHERE key = ?').run(key);
  }

  /** Forgets claims older than `before`: Commonplace stops retrying an event within a day. */
  pruneClaims(before: number): void {
    this.db.prepare('DELETE FROM handled WHERE at < ?').run(before);
  }

  book(b: Omit<Booking, 'id'>): BookResult {
    const inserted = this.db
      .prepare(
        `INSERT INTO bookings (room, day, hour, starts_at, person_id, person_name, event_id, booked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING *`,
      )
      .get(b.room, b.day, b.hour, b.startsAt, b.personId, b.personName, b.eventId, b.bookedAt) as BookingRow | undefined;
    if (inserted) return { booked: true, booking: toBooking(inserted) };
    const holder = this.db.prepare('SELECT * FROM bookings WHERE room = ? AND starts_at = ?').get(b.room, b.startsAt) as
      BookingRow | undefined;
    if (holder) {
      const booking = toBooking(holder);
      // The same click delivered again: its own booking, not someone else's.
      return holder.event_id === b.eventId ? { booked: true, booking } : { booked: false, holder: booking };
    }
    // The holder cancelled between the two statements (another process): the retry will see it free.
    throw new Error('the slot changed while booking; try again');
  }

  bookingsOn(day: string): Booking[] {
    return (this.db.prepare('SELECT * FROM bookings WHERE day = ? ORDER BY room, starts_at').all(day) as BookingRow[]).map(toBooking);
  }

  /** A person's bookings that have not started by `now`, soonest first. */
  upcomingOf(personId: string, now: number): Booking[] {
    return (
      this.db
        .prepare('SELECT * FROM bookings WHERE person_id = ? AND starts_at > ? ORDER BY starts_at, room')
        .all(personId, now) as BookingRow[]
    ).map(toBooking);
  }

  /** Removes a booking if it is `personId`'s; the removed booking, or undefined (not theirs, or gone). */
  cancel(id: number, personId: string): Booking | undefined {
    const row = this.db.prepare('DELETE FROM bookings WHERE id = ? AND person_id = ? RETURNING *').get(id, personId) as
      BookingRow | undefined;
    return row && toBooking(row);
  }

  booking(id: number): Booking | undefined {
    const row = this.db.prepare('SELECT * FROM bookings WHERE id = ?').get(id) as BookingRow | undefined;
    return row && toBooking(row);
  }

  /** Remembers a list message of the bot, so it can be redrawn when bookings change. */
  remember(list: PostedList, now: number): void {
    this.db
      .prepare('INSERT OR REPLACE INTO posted (message_id, conversation_id, kind, day, person_id, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(list.messageId, list.conversationId, list.kind, list.day, list.personId, now);
  }

  posted(messageId: string): PostedList | undefined {
    const row = this.db
      .prepare('SELECT message_id, conversation_id, kind, day, person_id FROM posted WHERE message_id = ?')
      .get(messageId) as
      { message_id: string; conversation_id: string; kind: 'day' | 'mine'; day: string | null; person_id: string | null } | undefined;
    return row && { messageId: row.message_id, conversationId: row.conversation_id, kind: row.kind, day: row.day, personId: row.person_id };
  }

  /** The most recent list messages of `day` posted since `since` (the ones people may still be looking at). */
  listsOf(day: string, since: number, limit: number): string[] {
    return (
      this.db
        .prepare("SELECT message_id FROM posted WHERE kind = 'day' AND day = ? AND at >= ? ORDER BY at DESC LIMIT ?")
        .all(day, since, limit) as Array<{ message_id: string }>
    ).map((r) => r.message_id);
  }

  forget(messageId: string): void {
    this.db.prepare('DELETE FROM posted WHERE message_id = ?').run(messageId);
  }

  close(): void {
    this.db.close();
  }
}
