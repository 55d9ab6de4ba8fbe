import type { Client, Frame, LiveSocket } from './client.js';
import { sendFrame } from './live-chat.js';

/** Helpers for the call suites: a device is a realtime socket, named by the connectionId of its `ready` frame. */

export const connectionIdOf = (live: LiveSocket): string => {
  const ready = live.frames.find((f) => f.kind === 'ready' || f.kind === 'resync') as (Frame & { connectionId?: string }) | undefined;
  if (!ready?.connectionId) throw new Error('the socket has no ready frame with a connectionId yet');
  return ready.connectionId;
};

export async function startCall(c: Client, conversationId: string, live: LiveSocket, media: 'audio' | 'video' = 'video') {
  return c.post(`/api/v1/conversations/${conversationId}/calls`, { media, connectionId: connectionIdOf(live) });
}

export const joinCall = (c: Client, callId: string, live: LiveSocket) =>
  c.post(`/api/v1/calls/${callId}/join`, { connectionId: connectionIdOf(live) });

/** Waits for a `call.updated` event on this socket matching the predicate (of the call). */
export const waitForCall = (live: LiveSocket, match: (call: any) => boolean, timeoutMs = 5000): Promise<Frame> =>
  live.waitFor((f) => f.kind === 'event' && f.type === 'call.updated' && match(f.payload.call), timeoutMs);

/** The call's state as this socket last heard it. */
export function lastCall(live: LiveSocket, callId: string): any {
  const all = live.frames.filter((f) => f.kind === 'event' && f.type === 'call.updated' && f.payload.call.id === callId);
  return all.at(-1)?.payload.call;
}

export const stateOf = (call: any, personId: string): string | undefined =>
  (call.participants as Array<{ personId: string; state: string }>).find((p) => p.personId === personId)?.state;

/** Call signals of a type (call.signal, call.sfu, call.media) heard on this socket. */
export const callSignals = (live: LiveSocket, type: string): Frame[] => live.frames.filter((f) => f.kind === 'signal' && f.type === type);

export function offer(
  callId: string,
  toPersonId: string,
  sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n',
): Record<string, unknown> {
  return { kind: 'call.signal', callId, toPersonId, description: { type: 'offer', sdp } };
}

export function signal(live: LiveSocket, frame: Record<string, unknown>): void {
  sendFrame(live, frame);
}
