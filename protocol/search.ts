import { z } from 'zod';
import { idSchema } from './api.js';
import { personSummarySchema } from './profiles.js';

/** Search (server/modules/search). Shared by the server and the web app. */

export const SEARCH_KINDS = ['post', 'comment', 'message', 'group', 'file'] as const;
export type SearchResultKind = (typeof SEARCH_KINDS)[number];

export const searchQuerySchema = z
  .object({
    q: z.string().trim().min(1, 'type something to search for').max(500, 'at most 500 characters'),
    type: z
      .string()
      .regex(
        new RegExp(`^(${SEARCH_KINDS.join('|')})(,(${SEARCH_KINDS.join('|')}))*$`),
        `a comma-separated list of ${SEARCH_KINDS.join(', ')}`,
      )
      .optional(),
    sort: z.enum(['relevance', 'date']).default('relevance'),
    /** Only what this person wrote or sent. */
    author: idSchema.optional(),
    /** Only posts (and their comments and files) of this group. */
    group: idSchema.optional(),
    /** Only what was written from / before these moments (ISO 8601 dates or times). */
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** A piece of a snippet; `hit` pieces matched the query (the client marks them; never HTML). */
export const snippetSchema = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type Snippet = z.infer<typeof snippetSchema>;

const who = z.object({ id: z.string(), displayName: z.string() });

export const searchResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('post'),
    id: z.string(),
    groupId: z.string().nullable(),
    groupName: z.string().nullable(),
    author: who,
    createdAt: z.string(),
    snippet: snippetSchema,
  }),
  z.object({ kind: z.literal('comment'), id: z.string(), postId: z.string(), author: who, createdAt: z.string(), snippet: snippetSchema }),
  z.object({
    kind: z.literal('message'),
    id: z.string(),
    conversationId: z.string(),
    author: who,
    createdAt: z.string(),
    snippet: snippetSchema,
  }),
  z.object({ kind: z.literal('group'), id: z.string(), name: z.string(), visibility: z.string(), snippet: snippetSchema }),
  /** A file of a post or a chat message, found by its name or the text inside it. */
  z.object({
    kind: z.literal('file'),
    id: z.string(),
    name: z.string(),
    url: z.string(),
    postId: z.string().nullable(),
    conversationId: z.string().nullable(),
    author: who,
    createdAt: z.string(),
    snippet: snippetSchema,
  }),
]);
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchPageSchema = z.object({ items: z.array(searchResultSchema), nextCursor: z.string().nullable() });

/** Typeahead: people and groups whose names start with what was typed (each word a prefix). */
export const typeaheadQuerySchema = z
  .object({ q: z.string().trim().min(1, 'type something to search for').max(100, 'at most 100 characters') })
  .strict();
export const typeaheadSchema = z.object({
  people: z.array(personSummarySchema),
  groups: z.array(z.object({ id: z.string(), name: z.string(), visibility: z.string() })),
});
export type Typeahead = z.infer<typeof typeaheadSchema>;
