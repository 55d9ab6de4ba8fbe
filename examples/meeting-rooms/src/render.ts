import type { Block } from '@commonplace/sdk';
import type { Room } from './config.js';
import type { Booking } from './store.js';
import { formatDay, formatShortDay, pad, slotLabel } from './time.js';

/**
 * The bot's messages as interactive blocks (docs/API.md, "Interactive blocks"). A day's list shows
 * each room with who booked what, and a select menu of its free slots: choosing one books it at
 * once (an `interaction` webhook). Selects rather than buttons: ten hourly slots would need two
 * rows of five buttons per room, and a message holds 20 blocks.
 */

export const BOOK_PREFIX = 'book:';
export const CANCEL_PREFIX = 'cancel:';

export interface DayView {
  rooms: Room[];
  day: string;
  bookings: Booking[];
  timeZone: string;
  openHour: number;
  closeHour: number;
  /** Slots starting at or before this instant are no longer offered. */
  now: number;
  startOf: (day: string, hour: number) => number;
}

/** What a select option carries back: `room|day|hour`, e.g. `atlas|2026-12-08|10`. */
export function slotValue(room: string, day: string, hour: number): string {
  return `${room}|${day}|${hour}`;
}

export function parseSlotValue(value: string): { room: string; day: string; hour: number } | undefined {
  const m = /^([^|]+)\|(\d{4}-\d{2}-\d{2})\|(\d{1,2})$/.exec(value);
  return m ? { room: m[1]!, day: m[2]!, hour: Number(m[3]) } : undefined;
}

/** Markdown-safe text (people's and rooms' names are written by people). */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|~<>]/g, '\\$&');
}

/** The text of a day's list message: what a notification or a search shows; the blocks are the live part. */
export function dayTitle(day: string): string {
  return `Meeting rooms on ${formatDay(day)}`;
}

export function dayBlocks(v: DayView): Block[] {
  const blocks: Block[] = [{ type: 'text', text: `**${dayTitle(v.day)}**\nHourly slots, times in ${md(v.timeZone)}.` }];
  for (const room of v.rooms) {
    const taken = new Map(v.bookings.filter((b) => b.room === room.id).map((b) => [b.hour, b]));
    const lines = [...taken.values()].map((b) => `- ${slotLabel(b.hour)} · Booked by ${md(b.personName)}`);
    blocks.push({ type: 'text', text: [`**${md(room.name)}** · ${room.capacity} people`, ...lines].join('\n') });
    const free: Array<{ label: string; value: string }> = [];
    for (let hour = v.openHour; hour < v.closeHour; hour++) {
      if (!taken.has(hour) && v.startOf(v.day, hour) > v.now) free.push({ label: slotLabel(hour), value: slotValue(room.id, v.day, hour) });
    }
    blocks.push(
      free.length
        ? {
            type: 'actions',
            elements: [
              { type: 'select', actionId: `${BOOK_PREFIX}${room.id}`, placeholder: `Book ${room.name} at…`.slice(0, 80), options: free },
            ],
          }
        : { type: 'context', text: 'No free slots left on this day.' },
    );
  }
  blocks.push({ type: 'context', text: 'Choose a time to book it. Say "my bookings" to see or cancel yours.' });
  return blocks;
}

/** Buttons shown in "my bookings": two rows of five. */
const MAX_CANCEL_BUTTONS = 10;

export function mineBlocks(bookings: Booking[], rooms: Room[], timeZone: string): Block[] {
  if (bookings.length === 0) return [{ type: 'text', text: 'You have no upcoming bookings. Say "rooms" to see the free slots.' }];
  const nameOf = (id: string) => rooms.find((r) => r.id === id)?.name ?? id;
  const lines = bookings.map((b) => `- **${md(nameOf(b.room))}**, ${formatDay(b.day)}, ${slotLabel(b.hour)}`);
  const blocks: Block[] = [{ type: 'text', text: [`**Your upcoming bookings** (times in ${md(timeZone)})`, ...lines].join('\n') }];
  const buttons = bookings.slice(0, MAX_CANCEL_BUTTONS).map((b) => ({
    type: 'button' as const,
    actionId: `${CANCEL_PREFIX}${b.id}`,
    label: `Cancel ${nameOf(b.room)} ${formatShortDay(b.day)} ${pad(b.hour)}:00`.slice(0, 40),
    style: 'danger' as const,
    value: String(b.id),
  }));
  for (let i = 0; i < buttons.length; i += 5) blocks.push({ type: 'actions', elements: buttons.slice(i, i + 5) });
  if (bookings.length > MAX_CANCEL_BUTTONS)
    blocks.push({ type: 'context', text: `Cancel buttons for the first ${MAX_CANCEL_BUTTONS} only.` });
  return blocks;
}

export function helpText(botName: string): string {
  return [
    `Hello, I am **${md(botName)}**: I book meeting rooms. Write to me:`,
    '- `rooms` — the free slots today (also `rooms tomorrow`, `rooms friday`, `free 2026-12-08`)',
    '- `my bookings` — your upcoming bookings, with buttons to cancel them',
    'In a group conversation, mention me first.',
  ].join('\n');
}
