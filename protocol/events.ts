import { z } from 'zod';
import { personSchema } from './api.js';
import { groupMembershipEventSchema, groupSchema } from './groups.js';
import { postCountsEventSchema, postCreatedEventSchema, postPublishedEventSchema, postTallyEventSchema } from './posts.js';
import { notificationEventSchema, notificationsReadEventSchema } from './notifications.js';

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
} as const;

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
  RealtimeEvent | { kind: 'ready'; seq: number } | { kind: 'resync'; seq: number; reason: string } | { kind: 'pong' };

/** Client → server frames. */
export type ClientFrame = { kind: 'ping' };

/** WebSocket close codes with a meaning for the client. */
export const CloseCodes = {
  signedOut: 4001,
  /** The client fell too far behind; reconnect with the last seq seen. */
  tooSlow: 4008,
  /** The server is restarting; reconnect shortly. */
  serverRestart: 4012,
} as const;
