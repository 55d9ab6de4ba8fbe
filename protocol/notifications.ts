import { z } from 'zod';
import { pageQuerySchema } from './api.js';

/** Notifications: shapes of /api/v1/notifications and their realtime events. */

export const NOTIFICATION_KINDS = [
  'mention_post',
  'mention_comment',
  'comment',
  'reply',
  'reaction_post',
  'reaction_comment',
  'group_post',
  'post_pinned',
  'announcement',
  'post_pending',
  'post_approved',
  'post_declined',
  'group_invite',
  'join_request',
  'request_approved',
  'request_declined',
  // Work Chat: a mention in a message; messages while I was not looking (one row per conversation).
  'chat_mention',
  'chat_message',
  // Calls: a call that rang for me and I did not answer (it leads to its conversation).
  'call_missed',
] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKindName = z.infer<typeof notificationKindSchema>;

/** How many characters of a post or comment a notification quotes. */
export const EXCERPT_MAX_CHARS = 140;

export const notificationListQuerySchema = pageQuerySchema
  .extend({ unread: z.enum(['true', 'false'], 'must be true or false').optional() })
  .strict();

export const notificationActorSchema = z.object({ id: z.string(), displayName: z.string(), photoUrl: z.string().nullable() });

/**
 * One line of the list: "<actors[0]> and <actorCount - 1> others <kind> <excerpt / groupName>".
 * `actors` holds up to three, newest first. The ids are where a click leads.
 */
export const notificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  actors: z.array(notificationActorSchema),
  actorCount: z.number(),
  postId: z.string().nullable(),
  commentId: z.string().nullable(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  /** Chat kinds: the conversation and the (latest) message the line is about. */
  conversationId: z.string().nullable(),
  messageId: z.string().nullable(),
  /** Plain text of the post (or, for a comment, reply or mention in one, of the comment). */
  excerpt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const unreadCountSchema = z.object({ unreadCount: z.number() });

/** Realtime, to the recipient only: the notification's id and the new badge number. */
export const notificationEventSchema = z.object({ notificationId: z.string(), unreadCount: z.number() });
/** To every device of the reader: which ones were read (all: every one), and the new badge number. */
export const notificationsReadEventSchema = z.object({ ids: z.array(z.string()), all: z.boolean(), unreadCount: z.number() });
