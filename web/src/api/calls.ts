import type { Call, CallMedia, IceServers } from '../../../protocol/calls';
import { api } from './client';

export type { Call, CallMedia, CallOutcome, CallParticipant, CallSummary, IceServers, ParticipantState } from '../../../protocol/calls';
export type { CallSfuSignal, CallSignal, IceCandidate, SfuPc, SfuStream } from '../../../protocol/calls';

// Copied from protocol/calls.ts rather than imported, so that the web bundle does not pull in zod.
export const CALL_RING_TIMEOUT_MS = 45_000;
export const CALL_MAX_JOINED = 16;

const conv = (id: string) => `/api/v1/conversations/${encodeURIComponent(id)}/calls`;
const call = (id: string) => `/api/v1/calls/${encodeURIComponent(id)}`;

/** Starts a call from this device (rings the others); 409 call_in_progress when one is already on. */
export const startCall = (conversationId: string, media: CallMedia, connectionId: string): Promise<Call> =>
  api(conv(conversationId), { method: 'POST', body: { media, connectionId } });
export const fetchCurrentCall = (conversationId: string): Promise<{ call: Call | null }> => api(`${conv(conversationId)}/current`);
export const fetchCall = (id: string): Promise<Call> => api(call(id));
/** The calls ringing me now: read when a socket becomes ready, so a page opened mid-ring rings too. */
export const fetchRingingCalls = (): Promise<{ items: Call[] }> => api('/api/v1/calls/ringing');
/** Accepts a ring or joins a group call from this device. */
export const joinCall = (id: string, connectionId: string): Promise<Call> =>
  api(`${call(id)}/join`, { method: 'POST', body: { connectionId } });
export const declineCall = (id: string): Promise<Call> => api(`${call(id)}/decline`, { method: 'POST' });
export const leaveCall = (id: string): Promise<Call> => api(`${call(id)}/leave`, { method: 'POST' });
/** Claims (or gives back) the one screen share of the call; 409 screen_taken while someone else shares. */
export const setScreenShare = (id: string, sharing: boolean): Promise<Call> =>
  api(`${call(id)}/screen`, { method: 'POST', body: { sharing } });
export const fetchIceServers = (): Promise<IceServers> => api('/api/v1/calls/ice-servers');
