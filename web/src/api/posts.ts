import type { z } from 'zod';
import type { Attachment } from '../../../protocol/files';
import type {
  Comment,
  createPostSchema,
  pollVoterSchema,
  Post,
  postRevisionSchema,
  ReactionKindName,
  reactionItemSchema,
  rsvpItemSchema,
  seenByItemSchema,
} from '../../../protocol/posts';
import { api } from './client';
import type { Page } from './types';

export type { Comment, Post, ReactionCounts, ReactionKindName } from '../../../protocol/posts';
export type PostRevision = z.infer<typeof postRevisionSchema>;
export type ReactionItem = z.infer<typeof reactionItemSchema>;
export type ReactionTarget = 'posts' | 'comments';

// Listed here rather than imported from protocol/ so that the web bundle does not pull in zod.
export const REACTION_KINDS: readonly ReactionKindName[] = ['like', 'love', 'haha', 'wow', 'sad', 'angry'];
export const FEED_PAGE_SIZE = 10;
export const COMMENTS_PAGE_SIZE = 20;

const post = (id: string) => `/api/v1/posts/${encodeURIComponent(id)}`;
const comment = (id: string) => `/api/v1/comments/${encodeURIComponent(id)}`;

export const fetchGroupFeed = (groupId: string, cursor?: string): Promise<Page<Post>> =>
  api(`/api/v1/groups/${encodeURIComponent(groupId)}/posts`, { query: { cursor, limit: FEED_PAGE_SIZE } });
export const fetchPersonFeed = (personId: string, cursor?: string): Promise<Page<Post>> =>
  api(`/api/v1/people/${encodeURIComponent(personId)}/posts`, { query: { cursor, limit: FEED_PAGE_SIZE } });
export const fetchPost = (id: string): Promise<Post> => api(post(id));

export type CreatePostInput = z.input<typeof createPostSchema>;
export const createPost = (input: CreatePostInput): Promise<Post> => api('/api/v1/posts', { method: 'POST', body: input });
export const updatePost = (id: string, patch: { body?: string; commentsEnabled?: boolean }): Promise<Post> =>
  api(post(id), { method: 'PATCH', body: patch });
export const deletePost = (id: string): Promise<void> => api(post(id), { method: 'DELETE' });
export const setPostPinned = (id: string, pinned: boolean): Promise<Post> =>
  api(`${post(id)}/${pinned ? 'pin' : 'unpin'}`, { method: 'POST' });
export const fetchRevisions = (id: string, cursor?: string): Promise<Page<PostRevision>> =>
  api(`${post(id)}/revisions`, { query: { cursor, limit: 20 } });

export const fetchComments = (postId: string, cursor?: string): Promise<Page<Comment>> =>
  api(`${post(postId)}/comments`, { query: { cursor, limit: COMMENTS_PAGE_SIZE } });
export const fetchReplies = (commentId: string, cursor?: string): Promise<Page<Comment>> =>
  api(`${comment(commentId)}/replies`, { query: { cursor, limit: COMMENTS_PAGE_SIZE } });
export const createComment = (postId: string, input: { body: string; parentId?: string }): Promise<Comment> =>
  api(`${post(postId)}/comments`, { method: 'POST', body: input });
export const updateComment = (id: string, body: string): Promise<Comment> => api(comment(id), { method: 'PATCH', body: { body } });
export const deleteComment = (id: string): Promise<void> => api(comment(id), { method: 'DELETE' });

const target = (kind: ReactionTarget, id: string) => (kind === 'posts' ? post(id) : comment(id));
export function setReaction(kind: 'posts', id: string, reaction: ReactionKindName | null): Promise<Post>;
export function setReaction(kind: 'comments', id: string, reaction: ReactionKindName | null): Promise<Comment>;
export function setReaction(kind: ReactionTarget, id: string, reaction: ReactionKindName | null): Promise<Post | Comment> {
  return reaction
    ? api(`${target(kind, id)}/reaction`, { method: 'PUT', body: { kind: reaction } })
    : api(`${target(kind, id)}/reaction`, { method: 'DELETE' });
}
export const fetchReactions = (
  kind: ReactionTarget,
  id: string,
  reaction?: ReactionKindName,
  cursor?: string,
): Promise<Page<ReactionItem>> => api(`${target(kind, id)}/reactions`, { query: { kind: reaction, cursor, limit: 25 } });

export type { Attachment } from '../../../protocol/files';
export type { Announcement, Poll, PostEvent } from '../../../protocol/post-extras';
export type RsvpAnswer = 'going' | 'maybe' | 'declined';
export const RSVP_ANSWERS: readonly RsvpAnswer[] = ['going', 'maybe', 'declined'];

export const votePoll = (id: string, optionIds: string[]): Promise<Post> =>
  api(`${post(id)}/votes`, { method: 'PUT', body: { optionIds } });
export const answerEvent = (id: string, answer: RsvpAnswer): Promise<Post> => api(`${post(id)}/rsvp`, { method: 'PUT', body: { answer } });
export const markSeen = (id: string): Promise<Post> => api(`${post(id)}/seen`, { method: 'PUT' });
export const approvePost = (id: string): Promise<Post> => api(`${post(id)}/approve`, { method: 'POST' });
export const declinePost = (id: string): Promise<void> => api(`${post(id)}/decline`, { method: 'POST' });
export type PollVoter = z.infer<typeof pollVoterSchema>;
export type RsvpItem = z.infer<typeof rsvpItemSchema>;
export type SeenByItem = z.infer<typeof seenByItemSchema>;
export const PEOPLE_LIST_PAGE_SIZE = 25;
export const fetchPollVoters = (id: string, optionId?: string, cursor?: string): Promise<Page<PollVoter>> =>
  api(`${post(id)}/poll/voters`, { query: { optionId, cursor, limit: PEOPLE_LIST_PAGE_SIZE } });
export const fetchRsvps = (id: string, answer?: RsvpAnswer, cursor?: string): Promise<Page<RsvpItem>> =>
  api(`${post(id)}/rsvps`, { query: { answer, cursor, limit: PEOPLE_LIST_PAGE_SIZE } });
/** Only the announcement's author and the group's admins and moderators may ask. */
export const fetchSeenBy = (id: string, seen: boolean, cursor?: string): Promise<Page<SeenByItem>> =>
  api(`${post(id)}/seen-by`, { query: { seen: String(seen), cursor, limit: PEOPLE_LIST_PAGE_SIZE } });
export const fetchPendingPosts = (groupId: string, cursor?: string): Promise<Page<Post>> =>
  api(`/api/v1/groups/${encodeURIComponent(groupId)}/pending-posts`, { query: { cursor, limit: FEED_PAGE_SIZE } });

export function uploadAttachment(file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file);
  return api('/api/v1/uploads', { method: 'POST', form });
}
