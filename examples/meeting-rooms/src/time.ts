/**
 * Days and hours in the office's time zone (an IANA name such as "Europe/Paris"; default UTC).
 *
 * A slot is "room R, local day D, local hour H" as people read it on the office wall. What the
 * bot stores and compares, though, is the instant the slot starts (milliseconds since the epoch),
 * computed from D and H in the configured zone: "has it started yet?" is then a plain comparison
 * with the clock, whatever the server's own zone, and a daylight-saving change cannot make two
 * different wall-clock hours collide. Built on Intl only (no time zone library needed).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Throws a readable error when `timeZone` is not a zone this Node.js knows. */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new Error(`unknown time zone "${timeZone}" (use an IANA name such as "Europe/Paris" or "UTC")`);
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading in `timeZone` at instant `ms`. */
function partsAt(timeZone: string, ms: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const out: Record<string, number> = {};
  for (const p of wallClock(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute!, second: out.second! };
}

/** How far the zone's wall clock is ahead of UTC at instant `ms`, in milliseconds. */
function offsetAt(timeZone: string, ms: number): number {
  const p = partsAt(timeZone, ms);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant at which local `day` `hour`:00 begins in `timeZone`. */
export function startOfHour(day: string, hour: number, timeZone: string): number {
  const [y, m, d] = parseDay(day);
  const wall = Date.UTC(y, m - 1, d, hour);
  // Guess with the offset at the wall time read as UTC, then correct once with the offset at the
  // guess: right on both sides of a daylight-saving change (an hour that does not exist locally,
  // 02:00 on a spring-forward night, lands on the next one; office hours never meet it).
  const guess = wall - offsetAt(timeZone, wall);
  return wall - offsetAt(timeZone, guess);
}

/** The local date (YYYY-MM-DD) in `timeZone` at instant `ms`. */
export function dayAt(timeZone: string, ms: number): string {
  const p = partsAt(timeZone, ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The local time (HH:MM) in `timeZone` at instant `ms`. */
export function timeAt(timeZone: string, ms: number): string {
  const p = partsAt(timeZone, ms);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

function parseDay(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** True for a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return at.getUTCFullYear() === Number(m[1]) && at.getUTCMonth() === Number(m[2]) - 1 && at.getUTCDate() === Number(m[3]);
}

/** Calendar arithmetic on local dates (no time zone involved: a date is a date). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parseDay(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  const [a, b] = [parseDay(from), parseDay(to)];
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  const [y, m, d] = parseDay(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const dayLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** "Tue 8 Dec 2026". */
export function formatDay(day: string): string {
  const [y, m, d] = parseDay(day);
  return dayLabel.format(new Date(Date.UTC(y, m - 1, d))).replace(/,/g, '');
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "10:00–11:00". */
export function slotLabel(hour: number): string {
  return `${pad(hour)}:00–${pad(hour + 1)}:00`;
}

const shortLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/** "8 Dec". */
export function formatShortDay(day: string): string {
  const [y, m, d] = parseDay(day);
  return shortLabel.format(new Date(Date.UTC(y, m - 1, d)));
}
