import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../src/commands.js';
import { parseRooms, RoomStore } from '../src/index.js';
import { dayAt, startOfHour } from '../src/time.js';

/** The bot's parts on their own: the store shared by two processes, time zones, commands, and src/main.ts. */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meeting-rooms-parts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the booking store', () => {
  const slot = { room: 'atlas', day: '2031-03-05', hour: 10, startsAt: Date.parse('2031-03-05T09:00:00Z'), bookedAt: 0 };

  it('books a slot once across two connections to one file (two bot processes), and knows a redelivered click', () => {
    const path = join(dir, 'shared.sqlite');
    const [one, two] = [new RoomStore(path), new RoomStore(path)];
    try {
      expect(one.book({ ...slot, personId: 'p-ana', personName: 'Ana', eventId: 'e1' })).toMatchObject({ booked: true });
      // The other process sees the unique constraint, not a copy in memory.
      expect(two.book({ ...slot, personId: 'p-ben', personName: 'Ben', eventId: 'e2' })).toMatchObject({
        booked: false,
        holder: { personName: 'Ana', eventId: 'e1' },
      });
      // The same click again (a webhook redelivery) is its own booking, not a conflict, and not a second row.
      expect(two.book({ ...slot, personId: 'p-ana', personName: 'Ana', eventId: 'e1' })).toMatchObject({ booked: true });
      expect(one.bookingsOn('2031-03-05')).toHaveLength(1);
      // Another hour of the same room is another slot.
      expect(
        two.book({ ...slot, hour: 11, startsAt: slot.startsAt + 3_600_000, personId: 'p-ben', personName: 'Ben', eventId: 'e3' }).booked,
      ).toBe(true);
      // Only its owner cancels a booking.
      const anas = one.upcomingOf('p-ana', 0)[0]!;
      expect(two.cancel(anas.id, 'p-ben')).toBeUndefined();
      expect(two.cancel(anas.id, 'p-ana')).toMatchObject({ id: anas.id });
      expect(one.book({ ...slot, personId: 'p-ben', personName: 'Ben', eventId: 'e4' }).booked).toBe(true);
    } finally {
      one.close();
      two.close();
    }
  });

  it('claims a key once, gives it back after a failure, and lets a dead handler’s claim be taken after the lease', () => {
    const store = new RoomStore(':memory:');
    expect(store.claim('event:1', 1_000, 500)).toBe(true);
    expect(store.claim('event:1', 1_200, 500)).toBe(false); // being handled
    store.release('event:1');
    expect(store.claim('event:1', 1_300, 500)).toBe(true);
    expect(store.claim('event:1', 2_000, 500)).toBe(true); // unfinished past the lease: the handler died
    store.finish('event:1');
    expect(store.claim('event:1', 9_000, 500)).toBe(false); // done: never again
    store.close();
  });
});

describe('time zones', () => {
  it('places office hours in the configured zone, across daylight-saving changes', () => {
    // Paris moves from UTC+1 to UTC+2 on Sun 30 Mar 2031.
    expect(new Date(startOfHour('2031-03-29', 10, 'Europe/Paris')).toISOString()).toBe('2031-03-29T09:00:00.000Z');
    expect(new Date(startOfHour('2031-03-31', 10, 'Europe/Paris')).toISOString()).toBe('2031-03-31T08:00:00.000Z');
    expect(new Date(startOfHour('2031-11-03', 8, 'America/New_York')).toISOString()).toBe('2031-11-03T13:00:00.000Z');
    expect(new Date(startOfHour('2031-07-01', 8, 'America/New_York')).toISOString()).toBe('2031-07-01T12:00:00.000Z');
    expect(new Date(startOfHour('2031-07-01', 8, 'UTC')).toISOString()).toBe('2031-07-01T08:00:00.000Z');
    // 23:30 UTC on the 4th is already the 5th in Tokyo.
    expect(dayAt('Asia/Tokyo', Date.parse('2031-03-04T23:30:00Z'))).toBe('2031-03-05');
    expect(dayAt('UTC', Date.parse('2031-03-04T23:30:00Z'))).toBe('2031-03-04');
  });
});

describe('commands', () => {
  const today = '2031-03-04'; // a Tuesday
  it('reads days people write', () => {
    expect(parseCommand('rooms', today)).toEqual({ kind: 'list', day: today });
    expect(parseCommand('Rooms tomorrow?', today)).toEqual({ kind: 'list', day: '2031-03-05' });
    expect(parseCommand('free 2031-04-01', today)).toEqual({ kind: 'list', day: '2031-04-01' });
    expect(parseCommand('@[Room Bot](person:b1) rooms on Friday', today)).toEqual({ kind: 'list', day: '2031-03-07' });
    expect(parseCommand('rooms tue', today)).toEqual({ kind: 'list', day: today });
    expect(parseCommand('rooms monday', today)).toEqual({ kind: 'list', day: '2031-03-10' });
    expect(parseCommand('rooms 2031-02-30', today)).toEqual({ kind: 'unknown-day', text: '2031-02-30' });
    expect(parseCommand('My bookings', today)).toEqual({ kind: 'mine' });
    expect(parseCommand('hello there', today)).toEqual({ kind: 'help' });
  });

  it('checks the rooms configuration', () => {
    expect(parseRooms([{ name: 'Blue Room', capacity: 6 }])).toEqual([{ id: 'blue-room', name: 'Blue Room', capacity: 6 }]);
    expect(() => parseRooms([])).toThrow(/non-empty/);
    expect(() => parseRooms([{ name: 'A', capacity: 0 }])).toThrow(/capacity/);
    expect(() =>
      parseRooms([
        { name: 'A', capacity: 2 },
        { name: 'a', capacity: 3 },
      ]),
    ).toThrow(/used twice/);
    expect(() => parseRooms(Array.from({ length: 10 }, (_, i) => ({ name: `R${i}`, capacity: 2 })))).toThrow(/at most 9/);
  });
});

describe('npm run example:meeting-rooms (src/main.ts)', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const start = (env: Record<string, string>) =>
    spawn(process.execPath, [tsx, '--tsconfig', 'examples/meeting-rooms/tsconfig.json', 'examples/meeting-rooms/src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('stops with a clear message naming what is missing', async () => {
    const child = start({ TIME_ZONE: 'Mars/Olympus' });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('meeting-rooms bot cannot start');
    for (const name of ['COMMONPLACE_URL', 'COMMONPLACE_TOKEN', 'COMMONPLACE_WEBHOOK_SECRET', 'ROOMS_FILE or ROOMS'])
      expect(err).toContain(`${name} is not set`);
    expect(err).toContain('TIME_ZONE: unknown time zone "Mars/Olympus"');
  });

  it('starts and listens with the environment set, and stops on SIGTERM', async () => {
    const child = start({
      COMMONPLACE_URL: 'http://acme.localhost:3000',
      COMMONPLACE_TOKEN: 'cpi_example',
      COMMONPLACE_WEBHOOK_SECRET: 'a'.repeat(32),
      ROOMS_FILE: 'examples/meeting-rooms/rooms.example.json',
      TIME_ZONE: 'Europe/Paris',
      DB_PATH: join(dir, 'main.sqlite'),
      PORT: '0',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      void exited.then(() => reject(new Error(`exited before listening: ${out}`)));
    });
    expect(out).toContain('3 rooms, 08:00–18:00 Europe/Paris');
    // Not signed: refused, which shows it is the webhook receiver answering.
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(401);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
