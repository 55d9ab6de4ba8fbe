import { fetchRingingCalls, type Call } from '../../api/calls';
import type { RealtimeSignal } from '../../../../protocol/events';
import { callStore } from './callStore';
import { currentCall } from './engine/session';

/** A numbered `call.updated`: every device of every participant keeps the call, and the one in it reacts. */
export function applyCallEvent(payload: { call: Call }): void {
  callStore.put(payload.call);
  currentCall()?.onCall(callStore.get(payload.call.id) ?? payload.call);
}

/** Live signalling (`call.signal`, `call.sfu`, `call.media`): only the device in the call hears it. */
export function applyCallSignal(signal: RealtimeSignal): void {
  if (signal.type === 'call.signal' || signal.type === 'call.sfu' || signal.type === 'call.media') currentCall()?.onSignal(signal);
}

/**
 * A new socket for this device: a call under way takes it (`call.resume`), and the calls ringing me
 * are read, so a page opened (or back online) while a call rings shows it; later changes come as events.
 */
export function applyCallConnection(): void {
  currentCall()?.onConnection();
  fetchRingingCalls().then(
    (res) => {
      for (const call of res.items) callStore.offer(call);
    },
    () => {
      // Offline or signed out: the next ready asks again.
    },
  );
}
