import { z } from 'zod';
import { idSchema } from './api.js';

/**
 * Voice and video calls in Work Chat: REST shapes (/api/v1/conversations/:id/calls, /api/v1/calls),
 * the numbered `call.updated` event, and the live-only signalling frames on /api/v1/realtime.
 *
 * A call belongs to one conversation; at most one is ongoing per conversation. Everyone taking part
 * in the conversation sees the call (to join it, or in the history); only the people joined in it
 * exchange signalling, each from one device (the socket it joined with, `connectionId`).
 *
 * - `p2p` (direct conversations): the two browsers connect to each other; the server relays their
 *   offers, answers and ICE candidates (`call.signal`).
 * - `sfu` (group and linked conversations): each browser publishes its camera (and screen) to the
 *   media server and receives everyone else's through one subscriber connection (`call.sfu`).
 *   Never a mesh.
 */

/** How long a person is rung before the call counts as missed for them, by default (the server's CALL_RING_TIMEOUT_S). */
export const CALL_RING_TIMEOUT_MS = 45_000;
/** A joined device whose socket closed may take its place back (`call.resume`) within this time; after it, it has left. */
export const CALL_REJOIN_GRACE_MS = 8_000;
/** Conversations up to this size ring everyone; bigger ones only show the call to join. */
export const CALL_RING_MAX_PEOPLE = 50;
/** People joined in one call at once (the media server's room size). */
export const CALL_MAX_JOINED = 16;
/**
 * Longest SDP accepted in a frame. A one-to-one offer is a few KB; a group call's subscriber answer
 * grows by about 600 characters per stream received (two per person, three while they share a screen).
 */
export const SDP_MAX_CHARS = 48_000;
export const ICE_CANDIDATE_MAX_CHARS = 1_000;

export const callMediaSchema = z.enum(['audio', 'video'], 'must be audio or video');
export type CallMedia = z.infer<typeof callMediaSchema>;
export const callModeSchema = z.enum(['p2p', 'sfu']);
export const callStateSchema = z.enum(['ringing', 'active', 'ended']);
/** How an ended call went: answered and over; nobody answered in time (or the caller gave up); refused; the only other person was in another call; the media could not be set up. */
export const callOutcomeSchema = z.enum(['completed', 'missed', 'declined', 'busy', 'failed']);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;
export const participantStateSchema = z.enum(['ringing', 'joined', 'declined', 'missed', 'busy', 'left']);
export type ParticipantState = z.infer<typeof participantStateSchema>;

export const callParticipantSchema = z.object({
  personId: z.string(),
  state: participantStateSchema,
  /** The device (realtime socket) this person is in the call from, while joined; only that socket gets the call's signalling. */
  connectionId: z.string().nullable(),
  muted: z.boolean(),
  camera: z.boolean(),
  joinedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
});
export type CallParticipant = z.infer<typeof callParticipantSchema>;

export const callSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  media: callMediaSchema,
  mode: callModeSchema,
  state: callStateSchema,
  outcome: callOutcomeSchema.nullable(),
  startedBy: z.string(),
  /** Who shares their screen now (one at a time), or null. */
  sharerId: z.string().nullable(),
  /** Everyone rung or joined so far, the caller first. */
  participants: z.array(callParticipantSchema),
  createdAt: z.string(),
  /** When a second person joined. */
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** From answer to end, in whole seconds; null until an answered call ends. */
  durationS: z.number().nullable(),
});
export type Call = z.infer<typeof callSchema>;

/** The device a person calls from or joins with: the `connectionId` of its realtime socket (told in the `ready` frame). */
const connectionIdSchema = z.string().min(1, 'is required').max(64, 'must be at most 64 characters');

export const startCallSchema = z.object({ media: callMediaSchema, connectionId: connectionIdSchema }).strict();
export const joinCallSchema = z.object({ connectionId: connectionIdSchema }).strict();
/** Start or stop sharing my screen: one sharer at a time (409 screen_taken while someone else shares). */
export const screenShareSchema = z.object({ sharing: z.boolean() }).strict();

/** STUN and TURN servers for RTCPeerConnection, with short-lived TURN credentials (TURN REST scheme). */
export const iceServersSchema = z.object({
  iceServers: z.array(z.object({ urls: z.array(z.string()), username: z.string().optional(), credential: z.string().optional() })),
  /** When the TURN credential stops working; ask again before then. */
  expiresAt: z.string().nullable(),
  /** 'relay' when the company sends every call through its TURN server (no direct paths, no addresses shown to peers). */
  iceTransportPolicy: z.enum(['all', 'relay']),
});
export type IceServers = z.infer<typeof iceServersSchema>;

/** What a chat history message of kind 'system' with action 'call' carries. */
export const callSummarySchema = z.object({
  callId: z.string(),
  media: callMediaSchema,
  state: callStateSchema,
  outcome: callOutcomeSchema.nullable(),
  durationS: z.number().nullable(),
});
export type CallSummary = z.infer<typeof callSummarySchema>;

// ---- Realtime ------------------------------------------------------------------------------------

/** Numbered event to every participant of the conversation (every device), on each change of the call. */
export const callUpdatedEventSchema = z.object({ call: callSchema });

const sdpSchema = z
  .string()
  .min(1, 'is required')
  .max(SDP_MAX_CHARS, `must be at most ${SDP_MAX_CHARS} characters`)
  .refine((s) => s.startsWith('v=0'), 'must be a session description (starting with v=0)');
export const sessionDescriptionSchema = z.object({ type: z.enum(['offer', 'answer']), sdp: sdpSchema }).strict();
/** An RTCIceCandidateInit; null tells the end of gathering. */
export const iceCandidateSchema = z
  .object({
    // Empty: the end of candidates; otherwise an a=candidate line's value.
    candidate: z
      .string()
      .max(ICE_CANDIDATE_MAX_CHARS)
      .refine((c) => c === '' || c.startsWith('candidate:'), 'must be an ICE candidate (starting with candidate:)'),
    sdpMid: z.string().max(32).nullable().optional(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
    usernameFragment: z.string().max(256).nullable().optional(),
  })
  .strict();
export type IceCandidate = z.infer<typeof iceCandidateSchema>;

/** The media server's connections of one device: its camera (and microphone), its screen, and what it receives. */
export const sfuPcSchema = z.enum(['camera', 'screen', 'subscriber']);
export type SfuPc = z.infer<typeof sfuPcSchema>;

/** Client → server frames of calls (part of clientFrameSchema in events.ts). */
export const callClientFrames = [
  /** P2P: an offer, answer or candidate for the other joined person; only from the joined device. */
  z
    .object({
      kind: z.literal('call.signal'),
      callId: idSchema,
      toPersonId: idSchema,
      description: sessionDescriptionSchema.optional(),
      candidate: iceCandidateSchema.nullable().optional(),
    })
    .strict(),
  /**
   * SFU: publish (an offer for `pc` camera or screen; the answer comes back), unpublish a screen,
   * answer the subscriber offer the server sent, trickle a candidate of one of the three, or restart
   * the subscriber's ICE (the media server then sends a new offer with new ICE credentials).
   */
  z
    .object({
      kind: z.literal('call.sfu'),
      callId: idSchema,
      op: z.enum(['publish', 'unpublish', 'subscribed', 'trickle', 'restart']),
      pc: sfuPcSchema,
      description: sessionDescriptionSchema.optional(),
      candidate: iceCandidateSchema.nullable().optional(),
    })
    .strict(),
  /** My microphone or camera in this call changed (shown to the others). */
  z.object({ kind: z.literal('call.media'), callId: idSchema, muted: z.boolean(), camera: z.boolean() }).strict(),
  /** This device's socket was replaced (network change): keep my place in the call with the new socket. */
  z.object({ kind: z.literal('call.resume'), callId: idSchema }).strict(),
] as const;

/** Server → client live signals of calls (part of signalPayloads in events.ts); only to the joined device. */
export const callSignalSchema = z.object({
  callId: z.string(),
  fromPersonId: z.string(),
  description: sessionDescriptionSchema.optional(),
  candidate: iceCandidateSchema.nullable().optional(),
});
export type CallSignal = z.infer<typeof callSignalSchema>;

/** One remote track the subscriber connection carries: whose, and which of their feeds. */
export const sfuStreamSchema = z.object({
  mid: z.string(),
  personId: z.string(),
  feed: z.enum(['camera', 'screen']),
  kind: z.enum(['audio', 'video']),
});
export type SfuStream = z.infer<typeof sfuStreamSchema>;

export const callSfuSignalSchema = z.object({
  callId: z.string(),
  /** answer: to a publish offer (pc camera or screen); offer: a new subscriber description (pc subscriber), with its streams; error: an operation failed. */
  op: z.enum(['answer', 'offer', 'error']),
  pc: sfuPcSchema,
  description: sessionDescriptionSchema.optional(),
  streams: z.array(sfuStreamSchema).optional(),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type CallSfuSignal = z.infer<typeof callSfuSignalSchema>;

/** Mute and camera of a joined person, to the others joined. */
export const callMediaSignalSchema = z.object({ callId: z.string(), personId: z.string(), muted: z.boolean(), camera: z.boolean() });
