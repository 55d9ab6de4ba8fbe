import { z } from 'zod';
import { blocksSchema, presentedBlockSchema } from './blocks.js';
import { idSchema, pageQuerySchema, trimmed } from './api.js';
import { attachmentIdsSchema, attachmentSchema } from './files.js';
import { authorSchema, markdownText, reactionKindSchema } from './posts.js';
import { callSummarySchema } from './calls.js';

/**
 * Work Chat: shapes of /api/v1/conversations, /api/v1/messages, /api/v1/chat and of the chat events.
 *
 * A conversation is one of:
 * - `direct`: two people, one per pair (asking again returns the same one);
 * - `group`: named (or named after its people), up to CONVERSATION_MAX_MEMBERS people;
 * - `linked`: the chat of a Commonplace group; its participants are the group's members, always.
 * Every message has the conversation's next `seq` (1, 2, 3 …): the order is the server's.
 */

export const CONVERSATION_MAX_MEMBERS = 1000;
export const CHAT_MESSAGE_MAX_CHARS = 10_000;
export const CONVERSATION_NAME_MAX = 100;
/** Read receipts of others are numbered events up to this size; above it they are live-only signals. */
export const RECEIPTS_NUMBERED_MAX_MEMBERS = 100;

export const conversationKindSchema = z.enum(['direct', 'group', 'linked']);
export type ConversationKind = z.infer<typeof conversationKindSchema>;

/** A client-chosen key (e.g. a UUID made when the person pressed send); a retry with it returns the same message. */
export const clientKeySchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'must hold only letters, digits, - and _');

export const createConversationSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('direct'), personId: idSchema }).strict(),
    z
      .object({
        kind: z.literal('group'),
        name: trimmed(0, CONVERSATION_NAME_MAX).optional(),
        personIds: z
          .array(idSchema)
          .min(1, 'must name at least one person')
          .max(CONVERSATION_MAX_MEMBERS - 1, `must name at most ${CONVERSATION_MAX_MEMBERS - 1} people`),
      })
      .strict(),
    z.object({ kind: z.literal('linked'), groupId: idSchema }).strict(),
  ],
  { error: 'must be direct, group or linked' },
);
export type CreateConversation = z.infer<typeof createConversationSchema>;

export const renameConversationSchema = z.object({ name: trimmed(0, CONVERSATION_NAME_MAX) }).strict();
/** My own settings of a conversation: muted ones do not count in the badge; archived ones leave the list until a new message. */
export const conversationSettingsSchema = z.object({ muted: z.boolean().optional(), archived: z.boolean().optional() }).strict();
export const addMembersSchema = z
  .object({ personIds: z.array(idSchema).min(1, 'must name at least one person').max(CONVERSATION_MAX_MEMBERS, 'too many people') })
  .strict();

export const conversationListQuerySchema = pageQuerySchema
  .extend({
    /** unread: only conversations with unread messages; archived: only archived ones. */
    filter: z.enum(['all', 'unread', 'archived'], 'must be all, unread or archived').default('all'),
    /** Matches the conversation's name or its people's names, accents and case ignored. */
    q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
  })
  .strict();

export const messageListQuerySchema = z
  .object({
    /** Older history: messages with seq < before, newest of them first in the page but returned ascending. */
    before: z.coerce.number().int().min(1).optional(),
    /** Catch-up: messages with seq > after, ascending. */
    after: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict()
  .refine((q) => q.before === undefined || q.after === undefined, { message: 'give before or after, not both', path: ['before'] });

export const sendMessageSchema = z
  .object({
    clientKey: clientKeySchema,
    body: markdownText(CHAT_MESSAGE_MAX_CHARS),
    replyToId: idSchema.optional(),
    attachmentIds: attachmentIdsSchema.optional(),
    /** A post shared into the conversation (shown as a card to those who may see it). */
    postId: idSchema.optional(),
    /** Interactive blocks (protocol/blocks.ts): bots only. */
    blocks: blocksSchema.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.body.trim() === '' && !m.attachmentIds?.length && !m.postId && !m.blocks?.length)
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'must not be empty' });
  });
export type SendMessage = z.infer<typeof sendMessageSchema>;

export const editMessageSchema = z
  .object({
    body: markdownText(CHAT_MESSAGE_MAX_CHARS).optional(),
    /** A bot replacing its message's blocks (null removes them); people edit the body only. */
    blocks: blocksSchema.nullable().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.body === undefined && m.blocks === undefined) ctx.addIssue({ code: 'custom', path: ['body'], message: 'is required' });
    else if (m.body !== undefined && m.body.trim() === '' && !m.blocks?.length)
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'must not be empty' });
  });
export const readUpToSchema = z.object({ seq: z.number().int().min(0) }).strict();

export const chatPersonSchema = authorSchema;

export const messageReactionSchema = z.object({ kind: reactionKindSchema, personIds: z.array(z.string()) });

/** What a reply shows of the message it quotes (null fields when that one was deleted). */
export const quotedMessageSchema = z.object({
  id: z.string(),
  seq: z.number(),
  senderId: z.string(),
  senderName: z.string(),
  excerpt: z.string().nullable(),
  deleted: z.boolean(),
});

/** A shared post: the card shows its excerpt only to people who may see the post; others get `visible: false`. */
export const sharedPostSchema = z.object({
  id: z.string(),
  visible: z.boolean(),
  excerpt: z.string().nullable(),
  groupName: z.string().nullable(),
});

export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number(),
  /** 'system': a change to the conversation (people added or removed, renamed) or a call, told in `system`. */
  kind: z.enum(['text', 'system']),
  sender: chatPersonSchema,
  /** Markdown source, for editing; empty once deleted. */
  body: z.string(),
  /** Sanitised HTML of the body (mentions linked); empty once deleted. */
  html: z.string(),
  clientKey: z.string().nullable(),
  replyTo: quotedMessageSchema.nullable(),
  attachments: z.array(attachmentSchema),
  post: sharedPostSchema.nullable(),
  reactions: z.array(messageReactionSchema),
  mentions: z.array(z.string()),
  system: z
    .object({
      action: z.enum(['created', 'added', 'removed', 'left', 'renamed', 'call']),
      personIds: z.array(z.string()),
      name: z.string().nullable(),
    })
    .nullable(),
  /** A bot's interactive blocks (protocol/blocks.ts), or null. */
  blocks: z.array(presentedBlockSchema).nullable(),
  /** The call a system message with action 'call' tells of (updated as it goes on and ends), else null. */
  call: callSummarySchema.nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
});
export type ChatMessage = z.infer<typeof messageSchema>;

export const messagePageSchema = z.object({ items: z.array(messageSchema), hasMore: z.boolean() });

/** A conversation as one person sees it (their unread count and settings). */
export const conversationSchema = z.object({
  id: z.string(),
  kind: conversationKindSchema,
  /** The given name, or null: clients show the other person (direct) or the people's names. */
  name: z.string().nullable(),
  group: z.object({ id: z.string(), name: z.string() }).nullable(),
  memberCount: z.number(),
  /** Up to five people other than me, for the avatar and the default title. */
  people: z.array(chatPersonSchema),
  lastSeq: z.number(),
  lastMessage: messageSchema.nullable(),
  lastActivityAt: z.string(),
  unreadCount: z.number(),
  lastReadSeq: z.number(),
  muted: z.boolean(),
  archived: z.boolean(),
  can: z.object({ rename: z.boolean(), addPeople: z.boolean(), removePeople: z.boolean(), leave: z.boolean() }),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationMemberSchema = z.object({ person: chatPersonSchema, role: z.enum(['admin', 'member']), lastReadSeq: z.number() });
/** Everyone's read position, for "seen by": one entry per participant. */
export const receiptsSchema = z.object({ items: z.array(z.object({ personId: z.string(), lastReadSeq: z.number() })) });
export const chatUnreadSchema = z.object({ total: z.number(), conversations: z.number() });

export const PRESENCE_STATUSES = ['online', 'away', 'offline'] as const;
export const presenceSchema = z.object({ personId: z.string(), status: z.enum(PRESENCE_STATUSES), lastActiveAt: z.string().nullable() });
export type Presence = z.infer<typeof presenceSchema>;
export const presenceQuerySchema = z
  .object({
    ids: z
      .string()
      .max(200 * 37, 'too many ids')
      .regex(/^[0-9a-f-]+(,[0-9a-f-]+)*$/i, 'must be a comma-separated list of ids'),
  })
  .strict();

// Numbered events (protocol/events.ts lists them), to every participant's devices unless said otherwise.
export const chatMessageEventSchema = z.object({ conversationId: z.string(), message: messageSchema });
/** The conversation changed (created, renamed, people added or removed): clients read it again. */
export const chatConversationEventSchema = z.object({ conversationId: z.string() });
/** To the person added or removed as well: `removed`/`left` means they see no more of it. */
export const chatMembershipEventSchema = z.object({
  conversationId: z.string(),
  personId: z.string(),
  change: z.enum(['added', 'removed', 'left']),
});
/** To my own devices only: my read position, the conversation's unread count and my total badge. */
export const chatReadMineEventSchema = z.object({
  conversationId: z.string(),
  lastReadSeq: z.number(),
  unreadCount: z.number(),
  total: z.number(),
});
/** To the others (numbered up to RECEIPTS_NUMBERED_MAX_MEMBERS, else a live signal of the same shape). */
export const chatReceiptEventSchema = z.object({ conversationId: z.string(), personId: z.string(), lastReadSeq: z.number() });
/** My settings of a conversation changed on another device. */
export const chatSettingsEventSchema = z.object({
  conversationId: z.string(),
  muted: z.boolean(),
  archived: z.boolean(),
  total: z.number(),
});

// Live-only signals (not numbered, not stored, never caught up): `{kind:'signal', type, payload}`.
export const TYPING_SIGNAL_TTL_MS = 6_000;
export const TYPING_SEND_INTERVAL_MS = 3_000;
export const typingSignalSchema = z.object({ conversationId: z.string(), personId: z.string() });
