import { z } from 'zod';
import { idSchema, pageQuerySchema } from './api.js';

/** Polls, events and announcements carried by a post, and post approval: shapes used by protocol/posts.ts. */

export const POLL_MIN_OPTIONS = 2;
export const POLL_MAX_OPTIONS = 20;
export const SHORT_TEXT_MAX_CHARS = 200;
export const RSVP_ANSWERS = ['going', 'maybe', 'declined'] as const;
export const POST_STATUSES = ['published', 'pending', 'declined'] as const;

/** One line of text: not blank, at most `max` characters, no control characters (new lines included). */
const line = (max: number) =>
  z
    .string()
    .max(max * 4, `must be at most ${max} characters`)
    .refine((s) => s.trim().length > 0, 'must not be empty')
    .refine((s) => [...s.trim()].length <= max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s), 'must not contain control characters');

const isoTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time' });

export const createPollSchema = z
  .object({
    options: z
      .array(line(SHORT_TEXT_MAX_CHARS))
      .min(POLL_MIN_OPTIONS, `must have at least ${POLL_MIN_OPTIONS} options`)
      .max(POLL_MAX_OPTIONS, `must have at most ${POLL_MAX_OPTIONS} options`)
      .refine((o) => new Set(o.map((s) => s.trim().toLowerCase())).size === o.length, 'must not repeat an option'),
    multiple: z.boolean().optional(),
    /** After this moment nobody can vote; it must be in the future. */
    closesAt: isoTime.optional(),
  })
  .strict();

export const createEventSchema = z
  .object({
    title: line(SHORT_TEXT_MAX_CHARS).optional(),
    startsAt: isoTime,
    endsAt: isoTime.optional(),
    place: line(SHORT_TEXT_MAX_CHARS).optional(),
  })
  .strict()
  .refine((e) => e.endsAt === undefined || Date.parse(e.endsAt) >= Date.parse(e.startsAt), {
    message: 'must not be before startsAt',
    path: ['endsAt'],
  });

export const rsvpAnswerSchema = z.enum(RSVP_ANSWERS);
export const postStatusSchema = z.enum(POST_STATUSES);

/** An empty list takes my vote back; a single-choice poll takes at most one option. */
export const voteSchema = z
  .object({
    optionIds: z
      .array(idSchema)
      .max(POLL_MAX_OPTIONS)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an option'),
  })
  .strict();
export const rsvpSchema = z.object({ answer: rsvpAnswerSchema }).strict();
export const votersQuerySchema = pageQuerySchema.extend({ optionId: idSchema.optional() }).strict();
export const rsvpListQuerySchema = pageQuerySchema.extend({ answer: rsvpAnswerSchema.optional() }).strict();
export const seenByQuerySchema = pageQuerySchema
  .extend({ seen: z.enum(['true', 'false'], 'must be true or false').default('true') })
  .strict();

export const pollSchema = z.object({
  multiple: z.boolean(),
  closesAt: z.string().nullable(),
  closed: z.boolean(),
  /** People who voted (a person choosing two options counts once). */
  voters: z.number(),
  options: z.array(z.object({ id: z.string(), text: z.string(), votes: z.number() })),
  /** The options I chose. */
  viewerChoices: z.array(z.string()),
});
export type Poll = z.infer<typeof pollSchema>;

export const rsvpCountsSchema = z.object({ going: z.number(), maybe: z.number(), declined: z.number() });
export type RsvpCounts = z.infer<typeof rsvpCountsSchema>;

export const eventSchema = z.object({
  title: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string().nullable(),
  counts: rsvpCountsSchema,
  viewerAnswer: rsvpAnswerSchema.nullable(),
});
export type PostEvent = z.infer<typeof eventSchema>;

/** "Seen by seenCount of audienceCount": the audience is the group's active members but the author. */
export const announcementSchema = z.object({ seenByViewer: z.boolean(), seenCount: z.number(), audienceCount: z.number() });
export type Announcement = z.infer<typeof announcementSchema>;

/** Realtime: new tallies of a post's poll, event or announcement (only the part that changed). */
export const postTallyEventSchema = z.object({
  postId: z.string(),
  groupId: z.string().nullable(),
  poll: z.object({ voters: z.number(), options: z.array(z.object({ id: z.string(), votes: z.number() })) }).optional(),
  event: rsvpCountsSchema.optional(),
  announcement: z.object({ seenCount: z.number(), audienceCount: z.number() }).optional(),
});
