/**
 * Reading what a person writes to the bot. The syntax is deliberately small, so the help text can
 * show all of it:
 *
 *   leave 2026-12-21 to 2026-12-24 family visit     several days (also "until", "through", "-", "–")
 *   leave 2026-12-21 2026-12-24 family visit        the same, without the connecting word
 *   leave 2026-12-21..2026-12-24                    the same, as one word
 *   leave 2026-12-21 dentist                        one day
 *   help                                            the help text
 *
 * Dates are calendar days (YYYY-MM-DD), both included; no time zone is involved. The reason is
 * optional free text.
 */

export interface LeaveAsk {
  /** First day off, YYYY-MM-DD. */
  start: string;
  /** Last day off (included), YYYY-MM-DD; the same as `start` for one day. */
  end: string;
  reason: string | null;
}

export type Parsed =
  | { kind: 'request'; ask: LeaveAsk }
  | { kind: 'help' }
  /** Not a request at all: answered with the help text. */
  | { kind: 'unknown' }
  /** Meant as a request, but wrong in a way we can explain. */
  | { kind: 'error'; message: string };

/** A request longer than this is almost certainly a typo in a year. */
export const MAX_DAYS = 366;
export const MAX_REASON = 300;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Looks like someone meant a date (21/12/2026, 2026-1-5, 21.12.26): we then explain the format. */
const DATE_ISH = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;
const RANGE_IN_ONE_WORD = /^(\d{4}-\d{2}-\d{2})(?:\.\.|[–—]|-(?=\d{4}-))(\d{4}-\d{2}-\d{2})$/;
const CONNECTORS = new Set(['to', 'until', 'till', 'through', 'thru', '-', '–', '—', '..']);

export const EXAMPLE = 'leave 2026-12-21 to 2026-12-24 family visit';

/** The day as a UTC midnight timestamp, or null when it is not a day of the calendar (2026-02-30). */
export function dayValue(day: string): number | null {
  const m = ISO_DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC rolls 2026-02-30 over to 2 March; a day that does not round-trip does not exist.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t;
}

const DAY_MS = 86_400_000;

/** Calendar days and working days (Monday to Friday) from start to end, both included. */
export function countDays(start: string, end: string): { days: number; workingDays: number } {
  const from = dayValue(start);
  const to = dayValue(end);
  if (from === null || to === null || to < from) throw new Error(`not a range of days: ${start} to ${end}`);
  let workingDays = 0;
  for (let t = from; t <= to; t += DAY_MS) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) workingDays++;
  }
  return { days: (to - from) / DAY_MS + 1, workingDays };
}

function checkDay(word: string, which: 'first' | 'last'): string | { error: string } {
  if (!ISO_DAY.test(word)) {
    return DATE_ISH.test(word)
      ? { error: `I can't read the date "${word}". Please write dates as YYYY-MM-DD, for example 2026-12-21.` }
      : { error: `I expected the ${which} day as YYYY-MM-DD after "leave", but found "${word}".` };
  }
  if (dayValue(word) === null) return { error: `${word} is not a day of the calendar. Please check the month and the day.` };
  return word;
}

/** What a message means to the bot. `text` is the message's Markdown as written. */
export function parseLeaveMessage(text: string): Parsed {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.toLowerCase().replace(/[:,]$/, '');
  if (first === 'help' || first === '?' || first === 'hi' || first === 'hello') return { kind: 'help' };
  if (first !== 'leave') return { kind: 'unknown' };
  if (words.length < 2) return { kind: 'error', message: 'Which days? Write the first day (and the last one) as YYYY-MM-DD.' };

  let startWord = words[1]!;
  let endWord: string | undefined;
  let rest = 2;
  const oneWord = RANGE_IN_ONE_WORD.exec(startWord);
  if (oneWord) {
    [startWord, endWord] = [oneWord[1]!, oneWord[2]!];
  } else if (words[2] !== undefined && CONNECTORS.has(words[2].toLowerCase())) {
    endWord = words[3];
    if (endWord === undefined) return { kind: 'error', message: `"${words[2]}" what? Write the last day as YYYY-MM-DD.` };
    rest = 4;
  } else if (words[2] !== undefined && (ISO_DAY.test(words[2]) || DATE_ISH.test(words[2]))) {
    endWord = words[2];
    rest = 3;
  }

  const start = checkDay(startWord, 'first');
  if (typeof start !== 'string') return { kind: 'error', message: start.error };
  const end = endWord === undefined ? start : checkDay(endWord, 'last');
  if (typeof end !== 'string') return { kind: 'error', message: end.error };
  if (dayValue(end)! < dayValue(start)!)
    return { kind: 'error', message: `The last day (${end}) is before the first day (${start}). Did you swap them?` };
  const { days } = countDays(start, end);
  if (days > MAX_DAYS) return { kind: 'error', message: `That is ${days} days; one request may cover at most ${MAX_DAYS}.` };

  // Control characters would be refused in the manager's message; a long story belongs in a talk.
  const reason = words
    .slice(rest)
    .join(' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  if (reason.length > MAX_REASON)
    return { kind: 'error', message: `Please keep the reason under ${MAX_REASON} characters (it has ${reason.length}).` };
  return { kind: 'request', ask: { start, end, reason: reason || null } };
}
