import { randomUUID } from 'node:crypto';
import type { Client, Frame, LiveSocket } from './client.js';

/** Helpers for what clients send on the realtime socket (typing, presence, watch) and what they hear back. */

/** Sends a client frame (an object is sent as JSON, a string as it is). */
export function sendFrame(live: LiveSocket, frame: unknown): void {
  live.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
}

/** Frames of one kind/type received so far. */
export const signalsOf = (live: LiveSocket, type: string): Frame[] => live.frames.filter((f) => f.kind === 'signal' && f.type === type);
export type ErrorFrame = Frame & { code: string; message: string };
export const errorsOf = (live: LiveSocket): ErrorFrame[] => live.frames.filter((f): f is ErrorFrame => f.kind === 'error');
/** Waits for the socket's n-th error frame (1 = the first). */
export async function waitForError(live: LiveSocket, n = errorsOf(live).length + 1, timeoutMs = 5000): Promise<ErrorFrame> {
  await live.waitFor(() => errorsOf(live).length >= n, timeoutMs);
  return errorsOf(live)[n - 1]!;
}

/** Waits for a typing signal from this person in this conversation. */
export const waitForTyping = (live: LiveSocket, conversationId: string, personId: string, timeoutMs = 5000): Promise<Frame> =>
  live.waitFor(
    (f) =>
      f.kind === 'signal' && f.type === 'chat.typing' && f.payload.conversationId === conversationId && f.payload.personId === personId,
    timeoutMs,
  );

/** Waits for the n-th presence signal about a person with this status (counting from the first). */
export const waitForPresence = (live: LiveSocket, personId: string, status: string, timeoutMs = 5000): Promise<Frame> =>
  live.waitFor(
    (f) => f.kind === 'signal' && f.type === 'presence' && f.payload.personId === personId && f.payload.status === status,
    timeoutMs,
  );

/** The presence statuses this socket was told of a person, in order. */
export const presenceTrail = (live: LiveSocket, personId: string): string[] =>
  signalsOf(live, 'presence')
    .filter((f) => f.payload.personId === personId)
    .map((f) => f.payload.status as string);

/** A marker round-trip: an error frame for a conversation that does not exist comes back after everything sent before it was handled. */
export async function settled(live: LiveSocket): Promise<void> {
  const n = errorsOf(live).length + 1;
  sendFrame(live, { kind: 'typing', conversationId: randomUUID() });
  const error = await waitForError(live, n);
  if (error.code !== 'not_found') throw new Error(`expected the not_found marker, got ${JSON.stringify(error)}`);
}

/** A conversation made by `creator` with these people, through the chat API (a one-to-one one for a single person). */
export async function startConversation(creator: Client, personIds: string[]): Promise<string> {
  const body = personIds.length === 1 ? { kind: 'direct', personId: personIds[0] } : { kind: 'group', name: 'Team', personIds };
  const res = await creator.post<{ id: string }>('/api/v1/conversations', body);
  if (res.status !== 200 && res.status !== 201) throw new Error(`conversation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Removes someone from a group conversation, as one of its admins, through the chat API. */
export async function removeFromConversation(admin: Client, conversationId: string, personId: string): Promise<void> {
  const res = await admin.delete(`/api/v1/conversations/${conversationId}/members/${personId}`);
  if (res.status !== 204) throw new Error(`removal failed: ${res.status} ${JSON.stringify(res.body)}`);
}
