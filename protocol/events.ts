import { z } from 'zod';
import { personSchema } from './api.js';
import { groupMembershipEventSchema, groupSchema } from './groups.js';
import { postCountsEventSchema, postCreatedEventSchema, postPublishedEventSchema, postTallyEventSchema } from './posts.js';
import { notificationEventSchema, notificationsReadEventSchema } from './notifications.js';
import {
  chatConversationEventSchema,
  chatMembershipEventSchema,
  chatMessageEventSchema,
  chatReadMineEventSchema,
  chatReceiptEventSchema,
  chatSettingsEventSchema,
  presenceSchema,
  typingSignalSchema,
} from './chat.js';
import { callClientFrames, callMediaSignalSchema, callSfuSignalSchema, callSignalSchema, callUpdatedEventSchema } from './calls.js';

/**
 * Realtime: the messages on /api/v1/realtime. Defined once, used by server and web app.
 * Every event addressed to a person carries that person's sequence number (`seq`), strictly
 * increasing by one; a client reconnects with `?after=<last seq seen>` and receives exactly the
 * events it missed, in order, or a `resync` when they are older than the retention window.
 */
export const eventPayloads = {
  'person.updated': z.object({ person: personSchema }),
  'session.revoked': z.object({ sessionId: z.string() }),
  'people.changed': z.object({ personId: z.string() }),
  'group.updated': z.object({ group: groupSchema }),
  'group.membership': groupMembershipEventSchema,
  'person.followed': z.object({ followerId: z.string(), followeeId: z.string() }),
  // Posts: to the group's members (or, for a profile post, its author) and the author's followers who
  // may see it: a post.created received is always one for the home feed. Clients refetch what they show.
  'post.created': postPublishedEventSchema,
  'post.updated': postCreatedEventSchema,
  'post.deleted': postCreatedEventSchema,
  'post.counts': postCountsEventSchema,
  // Poll votes and RSVPs to the post's audience; seen counts of an announcement to its author and the group's admins and moderators.
  'post.tally': postTallyEventSchema,
  // Notifications: to the recipient only (every device), with the unread badge number.
  'notification.created': notificationEventSchema,
  'notification.updated': notificationEventSchema,
  'notifications.read': notificationsReadEventSchema,
  // Work Chat (protocol/chat.ts): to every device of every participant at the time of the change.
  'chat.message': chatMessageEventSchema,
  'chat.message.updated': chatMessageEventSchema,
  'chat.conversation': chatConversationEventSchema,
  'chat.membership': chatMembershipEventSchema,
  'chat.read.mine': chatReadMineEventSchema,
  'chat.receipt': chatReceiptEventSchema,
  'chat.settings': chatSettingsEventSchema,
  // Calls (protocol/calls.ts): to every participant of the conversation, on each change of the call.
  'call.updated': callUpdatedEventSchema,
} as const;

/** Live-only signals: sent to the sockets open now, never stored, numbered or caught up. */
export const signalPayloads = {
  'chat.typing': typingSignalSchema,
  /** A read receipt in a conversation above RECEIPTS_NUMBERED_MAX_MEMBERS people. */
  'chat.receipt': chatReceiptEventSchema,
  /** A watched person's presence changed (see the `watch` client frame). */
  presence: presenceSchema,
  /** Calls: signalling for the joined device only (protocol/calls.ts). */
  'call.signal': callSignalSchema,
  'call.sfu': callSfuSignalSchema,
  'call.media': callMediaSignalSchema,
} as const;
export type SignalType = keyof typeof signalPayloads;
export type SignalPayload<T extends SignalType> = z.infer<(typeof signalPayloads)[T]>;
export interface RealtimeSignal<T extends SignalType = SignalType> {
  kind: 'signal';
  type: T;
  payload: SignalPayload<T>;
}

export type EventType = keyof typeof eventPayloads;
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloads)[T]>;

export interface RealtimeEvent<T extends EventType = EventType> {
  kind: 'event';
  seq: number;
  type: T;
  payload: EventPayload<T>;
  at: string;
}

/** Server → client control frames (not numbered). */
export type ServerFrame =
  | RealtimeEvent
  | RealtimeSignal
  /** `connectionId` names this socket (the device), e.g. to join a call from it. */
  | { kind: 'ready'; seq: number; connectionId: string }
  | { kind: 'resync'; seq: number; reason: string; connectionId: string }
  | { kind: 'pong' }
  /** A client frame was refused (malformed, unknown, not allowed, too frequent); the socket stays open. */
  | { kind: 'error'; code: string; message: string };

/** Largest client frame the server reads; a bigger one closes the socket with 1009. Sized for a group call's subscriber answer (SDP_MAX_CHARS). */
export const CLIENT_FRAME_MAX_BYTES = 64 * 1024;
/** How many people one socket may watch the presence of. */
export const PRESENCE_WATCH_MAX = 200;

/** Client → server frames. */
export const clientFrameSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ping') }).strict(),
  /** I am typing in this conversation (send at most every TYPING_SEND_INTERVAL_MS). */
  z.object({ kind: z.literal('typing'), conversationId: z.uuid() }).strict(),
  /** This device is in use (active) or idle (away). */
  z.object({ kind: z.literal('presence'), status: z.enum(['active', 'away']) }).strict(),
  /** Replace the set of people whose presence this socket hears about. */
  z.object({ kind: z.literal('watch'), personIds: z.array(z.uuid()).max(PRESENCE_WATCH_MAX) }).strict(),
  ...callClientFrames,
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

/** WebSocket close codes with a meaning for the client. */
export const CloseCodes = {
  signedOut: 4001,
  /** Frontline access is limited to working hours and they are over; reconnecting is refused until they start. */
  outsideWorkingHours: 4003,
  /** The client fell too far behind; reconnect with the last seq seen. */
  tooSlow: 4008,
  /** The server is restarting; reconnect shortly. */
  serverRestart: 4012,
} as const;
