/**
 * Table types of the social side: groups, posts, comments, reactions, attachments, polls, events,
 * announcements, notifications, follows and profile fields. Same conventions as schema.ts, which
 * re-exports everything here and lists these tables in its `Database` interface.
 */

/** A profile field a company defines for everyone (migration 0003_profiles). */
export interface ProfileFieldsTable {
  id: string;
  org_id: string;
  label: string;
  kind: 'text' | 'url' | 'date';
  position: number;
  visibility: 'everyone' | 'admins';
  created_at: number;
  updated_at: number;
}

export interface PersonFieldValuesTable {
  org_id: string;
  person_id: string;
  field_id: string;
  value: string;
  updated_at: number;
}

export interface FollowsTable {
  org_id: string;
  follower_id: string;
  followee_id: string;
  created_at: number;
}

export type GroupVisibility = 'open' | 'closed' | 'secret';
export type GroupRole = 'admin' | 'moderator' | 'member';
export type NotifyLevel = 'all' | 'highlights' | 'off';

export interface GroupsTable {
  id: string;
  org_id: string;
  name: string;
  description: string;
  visibility: GroupVisibility;
  post_permission: 'everyone' | 'admins';
  post_approval: number;
  /** The company's announcements group: everyone joins it, nobody leaves it. */
  is_company_wide: number;
  archived_at: number | null;
  created_by: string;
  /** The name folded (lower case, no accents): the sort key, and what company admins search. */
  name_folded: string;
  /** Name and description folded, for members' search. */
  search_text: string;
  /** The cover picture (files.purpose 'cover'; migration 0009_group_covers). */
  cover_file_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface GroupMembersTable {
  org_id: string;
  group_id: string;
  person_id: string;
  role: GroupRole;
  notify: NotifyLevel;
  joined_at: number;
}

export interface GroupRequestsTable {
  id: string;
  org_id: string;
  group_id: string;
  person_id: string;
  /** 'request': the person asked to join; 'invite': a group admin or moderator invited them. */
  kind: 'request' | 'invite';
  status: 'pending' | 'approved' | 'declined' | 'cancelled';
  message: string | null;
  created_by: string;
  decided_by: string | null;
  created_at: number;
  decided_at: number | null;
}

// Posts, comments and reactions (migration 0004_posts).

export interface PostsTable {
  id: string;
  org_id: string;
  author_id: string;
  /** null: a post on the author's own profile. */
  group_id: string | null;
  body_markdown: string;
  /** Rendered and sanitised at write time (server/modules/posts/markdown.ts). */
  body_html: string;
  pinned: number;
  pinned_at: number | null;
  comments_enabled: number;
  created_at: number;
  edited_at: number | null;
  /** Soft delete: a deleted post answers 404 everywhere. */
  deleted_at: number | null;
  deleted_by: string | null;
  /** JSON array of interactive blocks a bot attached (migration 0020; protocol/blocks.ts), or null. */
  blocks: string | null;
  /** 'pending': waiting for the group's admins or moderators (post approval on); see policies/posts.ts. */
  status: PostStatus;
  /** An announcement: members are asked to mark it seen. */
  important: number;
  /** Who approved or declined a post that was pending, and when. */
  reviewed_by: string | null;
  reviewed_at: number | null;
}

export type PostStatus = 'published' | 'pending' | 'declined';

/** The version an edit replaced. */
export interface PostRevisionsTable {
  id: string;
  org_id: string;
  post_id: string;
  body_markdown: string;
  body_html: string;
  written_at: number;
  replaced_at: number;
}

/** People mentioned in a post who may see it (for notifications). */
export interface PostMentionsTable {
  org_id: string;
  post_id: string;
  person_id: string;
  created_at: number;
}

export interface CommentsTable {
  id: string;
  org_id: string;
  post_id: string;
  /** null: top-level; otherwise the top-level comment replied to (one level of replies). */
  parent_id: string | null;
  author_id: string;
  body_markdown: string;
  body_html: string;
  created_at: number;
  edited_at: number | null;
  /** A deleted comment stays as a tombstone while it has replies. */
  deleted_at: number | null;
}

export interface CommentMentionsTable {
  org_id: string;
  comment_id: string;
  person_id: string;
  created_at: number;
}

export type ReactionKind = 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';

/** One reaction per person per post or comment. */
export interface ReactionsTable {
  org_id: string;
  target_type: 'post' | 'comment';
  target_id: string;
  post_id: string;
  person_id: string;
  kind: ReactionKind;
  created_at: number;
}

export type AttachmentKind = 'image' | 'file';

/**
 * An upload (migration 0005_post_attachments): its uploader's alone while post_id is null, then
 * part of that post. An image is a re-encoded WebP (file_id) with a thumbnail.
 */
export interface AttachmentsTable {
  id: string;
  org_id: string;
  owner_id: string;
  kind: AttachmentKind;
  file_id: string;
  thumbnail_file_id: string | null;
  name: string;
  mime_type: string;
  byte_size: number;
  width: number | null;
  height: number | null;
  post_id: string | null;
  /** The chat message that took this upload (migration 0010_chat). */
  message_id: string | null;
  position: number | null;
  created_at: number;
}

// Polls, events and announcements (migration 0006_polls_events_announcements).

export interface PostPollsTable {
  post_id: string;
  org_id: string;
  multiple: number;
  /** null: open until the post is deleted. */
  closes_at: number | null;
}

export interface PollOptionsTable {
  id: string;
  org_id: string;
  post_id: string;
  position: number;
  text: string;
}

/** One row per person per chosen option; a single-choice poll holds at most one per person. */
export interface PollVotesTable {
  org_id: string;
  post_id: string;
  option_id: string;
  person_id: string;
  created_at: number;
}

export interface PostEventsTable {
  post_id: string;
  org_id: string;
  title: string | null;
  starts_at: number;
  ends_at: number | null;
  place: string | null;
}

export type RsvpAnswer = 'going' | 'maybe' | 'declined';

export interface EventRsvpsTable {
  org_id: string;
  post_id: string;
  person_id: string;
  answer: RsvpAnswer;
  answered_at: number;
}

export interface AnnouncementSeenTable {
  org_id: string;
  post_id: string;
  person_id: string;
  seen_at: number;
}

// Notifications (migration 0007_notifications; server/modules/notifications).

export type NotificationKind =
  | 'mention_post'
  | 'mention_comment'
  | 'comment'
  | 'reply'
  | 'reaction_post'
  | 'reaction_comment'
  | 'group_post'
  | 'post_pinned'
  | 'announcement'
  | 'post_pending'
  | 'post_approved'
  | 'post_declined'
  | 'group_invite'
  | 'join_request'
  | 'request_approved'
  | 'request_declined'
  | 'chat_mention'
  | 'chat_message'
  | 'call_missed';

export interface NotificationsTable {
  id: string;
  org_id: string;
  recipient_id: string;
  kind: NotificationKind;
  /** Rows with the same key aggregate (one unread row per recipient and key); null: never. */
  group_key: string | null;
  /** Distinct actors of this row (notification_actors). */
  actor_count: number;
  post_id: string | null;
  comment_id: string | null;
  group_id: string | null;
  /** A chat notification's conversation and message (migration 0010_chat). */
  conversation_id: string | null;
  message_id: string | null;
  created_at: number;
  /** The last actor's time: the list's order. */
  updated_at: number;
  read_at: number | null;
}

export interface NotificationActorsTable {
  notification_id: string;
  actor_id: string;
  acted_at: number;
}

/** Who hears of new comments on a post: its author and everyone who commented. */
export interface PostFollowsTable {
  org_id: string;
  post_id: string;
  person_id: string;
  created_at: number;
}
