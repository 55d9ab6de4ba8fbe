import { addDays, isDay, weekday } from './time.js';

/**
 * What a person asked for, from the text of their message. Forgiving on purpose: "rooms",
 * "Rooms tomorrow?", "free 2026-12-08", "rooms on friday", "@Room Bot my bookings".
 */
export type Command = { kind: 'list'; day: string } | { kind: 'mine' } | { kind: 'help' } | { kind: 'unknown-day'; text: string };

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Removes mentions (`@[Name](person:<id>)`), case and trailing punctuation. */
export function plainText(text: string): string {
  return text
    .replace(/@\[[^\]]*\]\(person:[^)]*\)/g, ' ')
    .toLowerCase()
    .replace(/[?!.,;:]+(\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `today` is the local date in the office's zone. */
export function parseCommand(text: string, today: string): Command {
  const t = plainText(text);
  if (/^(my )?bookings$|^my rooms$|^mine$/.test(t)) return { kind: 'mine' };
  const m = /^(?:rooms?|free|availability)(?: (?:on|for))?(?: (.+))?$/.exec(t);
  if (!m) return { kind: 'help' };
  const day = dayFrom(m[1] ?? 'today', today);
  return day ? { kind: 'list', day } : { kind: 'unknown-day', text: m[1]! };
}

function dayFrom(arg: string, today: string): string | undefined {
  if (arg === 'today') return today;
  if (arg === 'tomorrow') return addDays(today, 1);
  if (isDay(arg)) return arg;
  // A weekday is the next one, today included: "rooms friday" on a Friday is today.
  const wd = WEEKDAYS.findIndex((w) => arg.length >= 3 && w.startsWith(arg));
  if (wd >= 0) return addDays(today, (wd - weekday(today) + 7) % 7);
  return undefined;
}
