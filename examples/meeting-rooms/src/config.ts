import { readFileSync } from 'node:fs';
import { assertTimeZone } from './time.js';

/** The rooms the bot books, and reading its settings from the environment (src/main.ts). */

export interface Room {
  /** Stable name used in stored bookings and in the buttons' values: lower-case letters, digits, "-". */
  id: string;
  name: string;
  capacity: number;
}

/**
 * One list message holds a header, two blocks per room and a footer, and a message may carry 20
 * blocks: nine rooms at most. A bigger office would split the list (by floor, say).
 */
export const MAX_ROOMS = 9;

const ROOM_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Checks a rooms list (parsed JSON); an id left out is made from the name ("Blue Room" → "blue-room"). */
export function parseRooms(value: unknown): Room[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error('rooms: must be a non-empty JSON array of { "name", "capacity" }');
  if (value.length > MAX_ROOMS) throw new Error(`rooms: at most ${MAX_ROOMS} rooms fit in one list message`);
  const seen = new Set<string>();
  return value.map((raw: unknown, i) => {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const name = typeof r.name === 'string' ? r.name.trim() : '';
    if (!name || name.length > 60) throw new Error(`rooms[${i}].name: must be a name of 1 to 60 characters`);
    const id = typeof r.id === 'string' ? r.id : slug(name);
    if (!ROOM_ID.test(id)) throw new Error(`rooms[${i}].id: must be 1 to 40 lower-case letters, digits or "-"`);
    if (seen.has(id)) throw new Error(`rooms[${i}].id: "${id}" is used twice`);
    seen.add(id);
    const capacity = r.capacity;
    if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 1)
      throw new Error(`rooms[${i}].capacity: must be a whole number of people, at least 1`);
    return { id, name, capacity };
  });
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export interface EnvSettings {
  baseUrl: string;
  token: string;
  secret: string;
  rooms: Room[];
  timeZone: string;
  dbPath: string;
  port: number;
  host: string;
  openHour: number;
  closeHour: number;
}

/** The environment variables src/main.ts reads (also listed in the README). */
export const ENV_HELP = `Environment:
  COMMONPLACE_URL             the company's address, e.g. http://acme.localhost:3000   (required)
  COMMONPLACE_TOKEN           the integration's token, cpi_…                           (required)
  COMMONPLACE_WEBHOOK_SECRET  the webhook's signing secret                             (required)
  ROOMS_FILE or ROOMS         a JSON file, or inline JSON: [{"name":"Atlas","capacity":8}, …] (one required)
  TIME_ZONE                   IANA zone of the office, e.g. Europe/Paris               (default UTC)
  DB_PATH                     SQLite file for bookings                                 (default meeting-rooms.sqlite)
  PORT, HOST                  where to listen for webhooks                             (default 8787, 127.0.0.1)
  OPEN_HOUR, CLOSE_HOUR       first slot starts, last slot ends (local hours)          (default 8, 18)`;

/** Settings from `env`, or every problem found (so one run names them all). */
export function settingsFromEnv(env: NodeJS.ProcessEnv): { settings: EnvSettings } | { problems: string[] } {
  const problems: string[] = [];
  const need = (name: string): string => {
    const v = env[name]?.trim();
    if (!v) problems.push(`${name} is not set`);
    return v ?? '';
  };
  const baseUrl = need('COMMONPLACE_URL');
  const token = need('COMMONPLACE_TOKEN');
  const secret = need('COMMONPLACE_WEBHOOK_SECRET');
  if (baseUrl && !/^https?:\/\//.test(baseUrl)) problems.push('COMMONPLACE_URL must start with http:// or https://');

  let rooms: Room[] = [];
  const file = env.ROOMS_FILE?.trim();
  const inline = env.ROOMS?.trim();
  if (!file && !inline) problems.push('ROOMS_FILE or ROOMS is not set');
  else {
    try {
      const text = file ? readFileSync(file, 'utf8') : inline!;
      rooms = parseRooms(JSON.parse(text));
    } catch (e) {
      problems.push(`${file ? `ROOMS_FILE (${file})` : 'ROOMS'}: ${(e as Error).message}`);
    }
  }

  const timeZone = env.TIME_ZONE?.trim() || 'UTC';
  try {
    assertTimeZone(timeZone);
  } catch (e) {
    problems.push(`TIME_ZONE: ${(e as Error).message}`);
  }
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const port = int('PORT', 8787, 0, 65535);
  const openHour = int('OPEN_HOUR', 8, 0, 23);
  const closeHour = int('CLOSE_HOUR', 18, 1, 24);
  if (openHour >= closeHour) problems.push('OPEN_HOUR must be before CLOSE_HOUR');

  if (problems.length) return { problems };
  return {
    settings: {
      baseUrl,
      token,
      secret,
      rooms,
      timeZone,
      dbPath: env.DB_PATH?.trim() || 'meeting-rooms.sqlite',
      port,
      host: env.HOST?.trim() || '127.0.0.1',
      openHour,
      closeHour,
    },
  };
}
