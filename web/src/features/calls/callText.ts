import type { TFunction } from 'i18next';
import type { ChatMessage } from '../../api/chat';
import type { CallSummary } from '../../api/calls';
import type { CallView } from './engine/session';

/** "45 s", "4 min 12 s", "1 h 5 min". */
export function formatDuration(t: TFunction, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('calls.duration.s', { s });
  if (s < 3600) return t('calls.duration.ms', { m: Math.floor(s / 60), s: s % 60 });
  return t('calls.duration.hm', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

/** "04:12" or "1:04:12", the clock of a call under way. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The call a history message tells of, if it is one. */
export function callSummaryOf(m: ChatMessage): CallSummary | null {
  return m.kind === 'system' && m.system?.action === 'call' ? (m.call ?? null) : null;
}

/** "Video call, 4 min 12 s", "Missed audio call", "Video call in progress". */
export function callHistoryText(t: TFunction, call: CallSummary): string {
  if (call.state !== 'ended') return t(`calls.history.${call.media}.ongoing`);
  const outcome = call.outcome ?? 'completed';
  if (outcome === 'completed') return t(`calls.history.${call.media}.completed`, { duration: formatDuration(t, call.durationS ?? 0) });
  return t(`calls.history.${call.media}.${outcome}`);
}

/** The line under the name on the call screen. */
export function statusText(t: TFunction, v: CallView, othersJoined: number): string {
  if (v.phase === 'ended') return t(`calls.ended.${v.endReason ?? 'completed'}`);
  if (v.link === 'reconnecting') return t('calls.status.reconnecting');
  if (v.phase === 'connected' && othersJoined === 0) return t('calls.status.waiting');
  return t(`calls.status.${v.phase}`);
}

const PROBLEMS = new Set([
  'denied',
  'notFound',
  'inUse',
  'unsupported',
  'other',
  'camera',
  'microphone',
  'screen',
  'screen_taken',
  'call_ended',
  'call_full',
  'sfu_unavailable',
  'offline',
  'negotiation',
]);

export function problemText(t: TFunction, code: string): string {
  return PROBLEMS.has(code) ? t(`calls.problem.${code as 'denied'}`) : t('calls.problem.unexpected');
}
