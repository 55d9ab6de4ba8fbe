import { blocksSchema, presentedBlockSchema } from './blocks.js';
import { z } from 'zod';
import { idSchema, pageQuerySchema } from './api.js';
import { attachmentIdsSchema, attachmentSchema } from './files.js';
import { groupVisibilitySchema } from './groups.js';
import {
  announcementSchema,
  createEventSchema,
  createPollSchema,
  eventSchema,
  pollSchema,
  postStatusSchema,
  postTallyEventSchema,
  rsvpAnswerSchema,
} from './post-extras.js';

/** Posts, comments and reactions: shapes of /api/v1/posts, /groups/:id/posts, /people/:id/posts, /comments. */

export const REACTION_KINDS = ['like', 'love', 'haha', 'wow', 'sad', 'angry'] as const;
export const reactionKindSchema = z.enum(REACTION_KINDS);
export type ReactionKindName = z.infer<typeof reactionKindSchema>;

export const POST_MAX_CHARS = 50_000;
export const COMMENT_MAX_CHARS = 10_000;

const charCount = (s: string): number => [...s].length;
/** Markdown source: new lines and tabs are text here; other control characters are not. */
export const markdownText = (max: number) =>
  z
    .string()
    .max(max * 4, `must be at most ${max} characters`)
    .refine((s) => charCount(s) <= max, `must be at most ${max} characters`)
    .refine(
      (s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s),
      'must not contain control characters',
    );
const markdown = (max: number) => markdownText(max).refine((s) => s.trim().length > 0, 'must not be empty');

export const postBodySchema = markdown(POST_MAX_CHARS);
export const commentBodySchema = markdown(COMMENT_MAX_CHARS);

/** A post in a group (groupId) or on my own profile (no groupId). */
export const createPostSchema = z
  .object({
    /** May be empty when the post carries attachments (photos alone are a post). */
    body: markdownText(POST_MAX_CHARS),
    groupId: idSchema.optional(),
    attachmentIds: attachmentIdsSchema.optional(),
    poll: createPollSchema.optional(),
    event: createEventSchema.optional(),
    /** An announcement: group admins and moderators only, group posts only. */
    important: z.boolean().optional(),
    /** Interactive blocks (protocol/blocks.ts): bots only. */
    blocks: blocksSchema.optional(),
  })
  .strict()
  .superRefine((post, ctx) => {
    if (post.body.trim() === '' && !post.attachmentIds?.length && !post.blocks?.length)
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'must not be empty' });
  });
/** The author edits the body; the author or a group admin turns comments on or off. */
export const updatePostSchema = z
  .object({
    body: postBodySchema.optional(),
    commentsEnabled: z.boolean().optional(),
    /** A bot replacing its post's blocks (null removes them). */
    blocks: blocksSchema.nullable().optional(),
  })
  .strict();
/** A reply names the comment it answers; a reply to a reply joins the same top-level comment. */
export const createCommentSchema = z.object({ body: commentBodySchema, parentId: idSchema.optional() }).strict();
export const updateCommentSchema = z.object({ body: commentBodySchema }).strict();
export const reactSchema = z.object({ kind: reactionKindSchema }).strict();
export const reactionListQuerySchema = pageQuerySchema.extend({ kind: reactionKindSchema.optional() }).strict();

export const authorSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  photoUrl: z.string().nullable(),
  deactivated: z.boolean(),
  /** An integration's bot (a "Bot" badge beside the name). */
  isBot: z.boolean(),
});
export const postGroupSchema = z.object({ id: z.string(), name: z.string(), visibility: groupVisibilitySchema });
export const reactionCountsSchema = z.object({
  like: z.number(),
  love: z.number(),
  haha: z.number(),
  wow: z.number(),
  sad: z.number(),
  angry: z.number(),
});
export type ReactionCounts = z.infer<typeof reactionCountsSchema>;

export const postSchema = z.object({
  id: z.string(),
  author: authorSchema,
  group: postGroupSchema.nullable(),
  bodyMarkdown: z.string(),
  bodyHtml: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  pinned: z.boolean(),
  commentsEnabled: z.boolean(),
  counts: z.object({ comments: z.number(), reactions: reactionCountsSchema }),
  viewerReaction: reactionKindSchema.nullable(),
  /** Photos and files, in the order the author gave. */
  attachments: z.array(attachmentSchema),
  /** A bot's interactive blocks (protocol/blocks.ts), or null. */
  blocks: z.array(presentedBlockSchema).nullable(),
  /** 'pending' (post approval) and 'declined' posts are seen by their author and the group's admins and moderators. */
  status: postStatusSchema,
  poll: pollSchema.nullable(),
  event: eventSchema.nullable(),
  /** Set when the post is marked important. */
  announcement: announcementSchema.nullable(),
  /** What the viewer may do with it (the policy's answers, for the UI). */
  can: z.object({ edit: z.boolean(), delete: z.boolean(), pin: z.boolean(), toggleComments: z.boolean(), comment: z.boolean() }),
});
export type Post = z.infer<typeof postSchema>;

export const postRevisionSchema = z.object({
  id: z.string(),
  bodyMarkdown: z.string(),
  bodyHtml: z.string(),
  writtenAt: z.string(),
  replacedAt: z.string(),
});

/** A deleted comment that still has replies is a tombstone: no author, no body. */
export const commentSchema = z.object({
  id: z.string(),
  postId: z.string(),
  parentId: z.string().nullable(),
  author: authorSchema.nullable(),
  bodyMarkdown: z.string().nullable(),
  bodyHtml: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  replyCount: z.number(),
  counts: z.object({ reactions: reactionCountsSchema }),
  viewerReaction: reactionKindSchema.nullable(),
});
export type Comment = z.infer<typeof commentSchema>;

export const reactionItemSchema = z.object({ person: authorSchema, kind: reactionKindSchema, reactedAt: z.string() });

export const postCreatedEventSchema = z.object({ postId: z.string(), groupId: z.string().nullable() });
/** A new post: `authorId` lets a profile page offer "N new posts" for that person's posts too. */
export const postPublishedEventSchema = postCreatedEventSchema.extend({ authorId: z.string() });
export const postCountsEventSchema = z.object({
  postId: z.string(),
  groupId: z.string().nullable(),
  comments: z.number(),
  reactions: reactionCountsSchema,
});

export { postTallyEventSchema };
export const pollVoterSchema = z.object({ person: authorSchema, optionId: z.string(), votedAt: z.string() });
export const rsvpItemSchema = z.object({ person: authorSchema, answer: rsvpAnswerSchema, answeredAt: z.string() });
/** seenAt is null in the list of who has not seen it. */
export const seenByItemSchema = z.object({ person: authorSchema, seenAt: z.string().nullable() });
