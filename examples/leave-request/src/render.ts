import type { Block } from '@commonplace/sdk';
import { dayValue, EXAMPLE, MAX_DAYS } from './parse.js';
import type { LeaveRequest, LeaveStatus } from './store.js';

/**
 * Everything the bot writes. Texts that are sent with a fixed clientKey must come out the same
 * every time for the same request (no clock in them), so a resend after a failure is recognised
 * by the server as the same message.
 */

/** The action ids of the manager's buttons; their `value` is the request id. */
export const APPROVE = 'leave.approve';
export const DECLINE = 'leave.decline';

/** Markdown-escapes text that people typed (names, reasons), so it shows as written. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~@]/g, (c) => `\\${c}`);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon 21 Dec 2026": English on purpose, the same on every machine whatever its locale. */
export function formatDay(day: string): string {
  const t = dayValue(day);
  if (t === null) return day;
  const d = new Date(t);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function formatRange(r: Pick<LeaveRequest, 'start' | 'end'>): string {
  return r.start === r.end ? formatDay(r.start) : `${formatDay(r.start)} – ${formatDay(r.end)}`;
}

export function formatLength(r: Pick<LeaveRequest, 'days' | 'workingDays'>): string {
  const days = `${r.days} ${r.days === 1 ? 'day' : 'days'}`;
  return r.workingDays === r.days ? days : `${days}, ${r.workingDays} working ${r.workingDays === 1 ? 'day' : 'days'}`;
}

export function helpText(intro?: string): string {
  return [
    intro ?? 'Hi! I pass leave requests to your manager and tell you what they decide.',
    '',
    'Write to me like this:',
    `- \`${EXAMPLE}\``,
    '- `leave 2026-12-21 dentist` for a single day',
    '',
    `Dates are YYYY-MM-DD, both days included, at most ${MAX_DAYS} days; the reason is optional and only your manager sees it.`,
  ].join('\n');
}

export function errorText(message: string): string {
  return `${message}\n\nFor example: \`${EXAMPLE}\` (or write \`help\`).`;
}

export const NO_MANAGER =
  "I can't find your manager in the org chart, so I don't know whom to ask. " +
  'Please ask an administrator to set your manager on your profile, then write to me again.';

export function inactiveManagerText(managerName: string): string {
  return `Your manager in the org chart, ${md(managerName)}, is deactivated, so nobody can decide on this. Please ask an administrator to update your manager.`;
}

export function acknowledgement(r: LeaveRequest): string {
  return `Sent to **${md(r.manager.displayName)}** for approval: ${formatRange(r)} (${formatLength(r)}). I'll tell you here when they decide.`;
}

/** The first line of the manager's message, also what a notification shows. */
function headline(r: LeaveRequest): string {
  return `Leave request from ${md(r.requester.displayName)}: ${formatRange(r)} (${formatLength(r)})`;
}

function requestBlocks(r: LeaveRequest): Block[] {
  // Fields are shown as plain text (only text blocks are Markdown): no escaping needed there.
  return [
    { type: 'text', text: `**Leave request** from ${md(r.requester.displayName)}` },
    {
      type: 'fields',
      fields: [
        { label: 'From', value: formatDay(r.start) },
        { label: 'To', value: formatDay(r.end) },
        { label: 'Length', value: formatLength(r) },
        { label: 'Reason', value: r.reason ?? '—' },
      ],
    },
  ];
}

/** The manager's message while the request waits: the fields and the two buttons. */
export function pendingMessage(r: LeaveRequest): { text: string; blocks: Block[] } {
  return {
    text: headline(r),
    blocks: [
      ...requestBlocks(r),
      {
        type: 'actions',
        elements: [
          { type: 'button', actionId: APPROVE, label: 'Approve', style: 'primary', value: r.id },
          { type: 'button', actionId: DECLINE, label: 'Decline', style: 'danger', value: r.id },
        ],
      },
    ],
  };
}

const outcomeWord = (status: LeaveStatus) => (status === 'approved' ? 'Approved' : 'Declined');

/** The manager's message once decided: the buttons give way to who decided, so nobody can click again. */
export function decidedMessage(r: LeaveRequest): { text: string; blocks: Block[] } {
  const by = r.decision?.by.displayName ?? 'the manager';
  const mark = r.status === 'approved' ? '✅' : '❌';
  return {
    text: `${headline(r)} — ${outcomeWord(r.status).toLowerCase()} by ${md(by)}`,
    blocks: [...requestBlocks(r), { type: 'context', text: `${mark} ${outcomeWord(r.status)} by ${by} on ${r.decision?.at.slice(0, 10)}` }],
  };
}

/** What the requester reads in their chat with the bot. */
export function outcomeForRequester(r: LeaveRequest): string {
  const by = md(r.decision?.by.displayName ?? 'your manager');
  return r.status === 'approved'
    ? `✅ Your leave ${formatRange(r)} (${formatLength(r)}) was **approved** by ${by}. Enjoy!`
    : `❌ Your leave ${formatRange(r)} (${formatLength(r)}) was **declined** by ${by}. Talk to them if you'd like to know more.`;
}

/** The post in the summary group. The reason stays between the requester and the manager. */
export function summaryPost(r: LeaveRequest): string {
  const by = md(r.decision?.by.displayName ?? 'the manager');
  return `**Leave ${r.status}**: ${md(r.requester.displayName)}, ${formatRange(r)} (${formatLength(r)}) — ${r.status} by ${by}.`;
}

export function onlyManagerText(r: LeaveRequest): string {
  return `Only ${md(r.manager.displayName)} can decide on ${md(r.requester.displayName)}'s leave request.`;
}

/** The buttons of a request the bot no longer knows (it was restarted: its memory is gone). */
export const FORGOTTEN_CONTEXT = 'This request is no longer open (the leave bot was restarted). Please ask for it to be sent again.';
