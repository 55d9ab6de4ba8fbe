import { useSyncExternalStore } from 'react';
import type { Call, CallParticipant } from '../../api/calls';

/**
 * The calls this device knows of (from `call.updated` events and REST answers), by id. Every call is
 * a whole snapshot; an ended call is final, so a late answer never brings one back to life.
 */
let calls: ReadonlyMap<string, Call> = new Map();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export const callStore = {
  get: (id: string): Call | undefined => calls.get(id),
  all: (): ReadonlyMap<string, Call> => calls,
  put(call: Call): void {
    const held = calls.get(call.id);
    if (held?.state === 'ended' && call.state !== 'ended') return;
    const next = new Map(calls);
    next.set(call.id, call);
    calls = next;
    notify();
  },
  /**
   * A REST answer: it may have been overtaken by events on the way, so it is taken only when it
   * tells at least as much as what is held (ended, or as many people having answered or left).
   */
  offer(call: Call): void {
    const held = calls.get(call.id);
    if (!held || progress(call) >= progress(held)) callStore.put(call);
  },
  /** A joined person's microphone or camera changed (live signal, ahead of the next snapshot). */
  patchParticipant(callId: string, personId: string, patch: Partial<CallParticipant>): void {
    const held = calls.get(callId);
    if (!held) return;
    const participants = held.participants.map((p) => (p.personId === personId ? { ...p, ...patch } : p));
    callStore.put({ ...held, participants });
  },
  clear(): void {
    calls = new Map();
    notify();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** How far a call has gone: it only moves forward (people answer, leave; the call ends). */
function progress(call: Call): number {
  let n = call.state === 'ended' ? 1_000 : 0;
  for (const p of call.participants) n += (p.state !== 'ringing' ? 1 : 0) + (p.joinedAt ? 1 : 0) + (p.leftAt ? 1 : 0);
  return n;
}

export const useCall = (id: string | null): Call | undefined =>
  useSyncExternalStore(callStore.subscribe, () => (id ? calls.get(id) : undefined));

/** The ongoing call of a conversation, if this device knows of one. */
export function ongoingCallOf(conversationId: string, all: ReadonlyMap<string, Call> = calls): Call | undefined {
  for (const call of all.values()) if (call.conversationId === conversationId && call.state !== 'ended') return call;
  return undefined;
}

export const useOngoingCall = (conversationId: string): Call | undefined =>
  useSyncExternalStore(callStore.subscribe, () => ongoingCallOf(conversationId));

/** Calls ringing me on every device of mine: not ended, my place still 'ringing'. */
export function ringingFor(meId: string, all: ReadonlyMap<string, Call> = calls): Call | undefined {
  for (const call of all.values()) {
    if (call.state === 'ended' || call.startedBy === meId) continue;
    if (call.participants.some((p) => p.personId === meId && p.state === 'ringing')) return call;
  }
  return undefined;
}

export const useRinging = (meId: string): Call | undefined => useSyncExternalStore(callStore.subscribe, () => ringingFor(meId));

export const participantOf = (call: Call | undefined, personId: string): CallParticipant | undefined =>
  call?.participants.find((p) => p.personId === personId);
