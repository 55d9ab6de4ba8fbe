/**
 * Table types for Kysely. Conventions (same on SQLite and PostgreSQL):
 * ids are UUIDv7 text made in code; times are epoch milliseconds (bigint); flags are 0/1 integers;
 * structured values are JSON text. Every company-owned row carries org_id.
 */
import type { Generated } from 'kysely';
import type {
  ChatMessagesTable,
  ChatReactionsTable,
  ConversationMembersTable,
  ConversationsTable,
  PresenceDevicesTable,
} from './schema-chat.js';
import type { IdentityDatabase } from './schema-identity.js';
import type { ImportsDatabase } from './schema-imports.js';
import type { LdapDatabase } from './schema-ldap.js';
import type { ScimDatabase } from './schema-scim.js';
import type { IntegrationsDatabase } from './schema-integrations.js';
import type { SsoDatabase } from './schema-sso.js';
import type { CallsDatabase } from './schema-calls.js';
import type {
  AnnouncementSeenTable,
  AttachmentsTable,
  CommentMentionsTable,
  CommentsTable,
  EventRsvpsTable,
  FollowsTable,
  GroupMembersTable,
  GroupRequestsTable,
  GroupsTable,
  NotificationActorsTable,
  NotificationsTable,
  PersonFieldValuesTable,
  PollOptionsTable,
  PollVotesTable,
  PostEventsTable,
  PostFollowsTable,
  PostMentionsTable,
  PostPollsTable,
  PostRevisionsTable,
  PostsTable,
  ProfileFieldsTable,
  ReactionsTable,
} from './schema-social.js';

export * from './schema-social.js';
export * from './schema-chat.js';
export * from './schema-identity.js';
export * from './schema-ldap.js';
export * from './schema-imports.js';
export * from './schema-sso.js';
export * from './schema-integrations.js';
export * from './schema-scim.js';
export * from './schema-calls.js';

export type Role = 'owner' | 'admin' | 'member' | 'guest';
export type PersonStatus = 'active' | 'deactivated';

export interface OrgsTable {
  id: string;
  slug: string;
  name: string;
  created_at: number;
}

export interface PeopleTable {
  id: string;
  org_id: string;
  display_name: string;
  email: string | null;
  /** Lower-cased e-mail, unique within a company. */
  email_normalized: string | null;
  role: Role;
  status: PersonStatus;
  title: string | null;
  department: string | null;
  locale: string | null;
  photo_file_id: string | null;
  /** Name, e-mail, title, department folded to lower case without accents, for search. */
  search_text: string;
  created_at: number;
  updated_at: number;
  // Rich profile (migration 0003_profiles).
  location: string | null;
  phone: string | null;
  about: string | null;
  /** JSON array of strings, trimmed and de-duplicated. */
  skills: string;
  /** A person of the same company; the chain upwards never loops (checked on every change). */
  manager_id: string | null;
  /** Unique in the company when set; the sign-in handle of staff without e-mail. */
  employee_id: string | null;
  /** Folded copies (foldForSearch) the directory sorts and filters on; skills_key is `|a|b|`. */
  name_key: string;
  title_key: string | null;
  department_key: string | null;
  location_key: string | null;
  skills_key: string;
  /** When the person was last seen active on any device (migration 0010_chat). */
  last_active_at: number | null;
  /** Sign-in handle for staff without e-mail, lower-cased, unique in the company (migration 0015). */
  username: string | null;
  /** 1: limited to the company's working hours when those are on (migration 0015). */
  frontline: number;
  /** When the usage terms were last accepted (migration 0015). */
  terms_accepted_at: number | null;
  /** 1: the person an integration acts as (migration 0020); no sign-in, no credentials. */
  is_bot: number;
}

/** How a person proves who they are. Kept apart from people so SSO, SCIM, codes can be added. */
export interface CredentialsTable {
  id: string;
  org_id: string;
  person_id: string;
  kind: 'password';
  secret_hash: string;
  created_at: number;
  updated_at: number;
}

export interface SessionsTable {
  id: string;
  org_id: string;
  person_id: string;
  /** sha256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  csrf_token: string;
  user_agent: string | null;
  ip: string | null;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface InvitesTable {
  id: string;
  org_id: string;
  /** 'email' invites one address once; 'link' is shareable with a limited number of uses. */
  kind: 'email' | 'link';
  email: string | null;
  role: Role;
  token_hash: string;
  created_by: string;
  max_uses: number;
  uses: number;
  expires_at: number;
  revoked_at: number | null;
  created_at: number;
}

export interface OneTimeTokensTable {
  id: string;
  org_id: string;
  person_id: string;
  purpose: 'password_reset' | 'sign_in_handoff' | 'sign_in_challenge';
  token_hash: string;
  expires_at: number;
  used_at: number | null;
  created_at: number;
  /** JSON state carried by the token (migration 0015), e.g. the steps a sign-in passed. */
  data: string | null;
}

export interface FilesTable {
  id: string;
  org_id: string;
  owner_id: string;
  storage_key: string;
  content_type: string;
  byte_size: number;
  created_at: number;
  /** What the bytes belong to, which decides who may download them (policies/files.ts). Migration 0005. */
  purpose: FilePurpose;
}

export type FilePurpose = 'photo' | 'attachment' | 'cover';

export interface EventsTable {
  org_id: string;
  person_id: string;
  seq: number;
  type: string;
  /** The payload JSON, or '' when it is shared with other recipients in `event_bodies` (body_id). */
  payload: string;
  created_at: number;
  /** Migration 0010: the shared payload of an event sent to many people. */
  body_id: string | null;
}

/** Each person's last handed-out realtime sequence number; no row yet means 0 (migration 0011). */
export interface EventSeqsTable {
  person_id: string;
  seq: number;
}

/** One searchable thing, its words folded (migration 0012; server/modules/search). */
export interface SearchDocsTable {
  id: Generated<number>;
  doc_key: string;
  org_id: string;
  kind: 'post' | 'comment' | 'message' | 'group' | 'person' | 'file';
  ref_id: string;
  post_id: string | null;
  group_id: string | null;
  conversation_id: string | null;
  author_id: string | null;
  created_at: number;
  title: string;
  body: string;
  /** Where it lives, as one indexed word (migration 0013): g<group>, c<conversation>, p (profiles), d (groups). */
  scope: Generated<string>;
}

/** One payload for every recipient of a fanned-out event (migration 0010). */
export interface EventBodiesTable {
  id: string;
  org_id: string;
  payload: string;
  created_at: number;
}

export interface JobsTable {
  id: string;
  org_id: string | null;
  kind: string;
  payload: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  run_at: number;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

/** Each area's tables are declared beside it (schema-*.ts) and joined here. */
export interface Database
  extends IdentityDatabase,
    LdapDatabase,
    ImportsDatabase,
    SsoDatabase,
    ScimDatabase,
    IntegrationsDatabase,
    CallsDatabase {
  orgs: OrgsTable;
  people: PeopleTable;
  credentials: CredentialsTable;
  sessions: SessionsTable;
  invites: InvitesTable;
  one_time_tokens: OneTimeTokensTable;
  files: FilesTable;
  events: EventsTable;
  event_bodies: EventBodiesTable;
  event_seqs: EventSeqsTable;
  search_docs: SearchDocsTable;
  jobs: JobsTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  group_requests: GroupRequestsTable;
  profile_fields: ProfileFieldsTable;
  person_field_values: PersonFieldValuesTable;
  follows: FollowsTable;
  posts: PostsTable;
  post_revisions: PostRevisionsTable;
  post_mentions: PostMentionsTable;
  comments: CommentsTable;
  comment_mentions: CommentMentionsTable;
  reactions: ReactionsTable;
  attachments: AttachmentsTable;
  post_polls: PostPollsTable;
  poll_options: PollOptionsTable;
  poll_votes: PollVotesTable;
  post_events: PostEventsTable;
  event_rsvps: EventRsvpsTable;
  announcement_seen: AnnouncementSeenTable;
  notifications: NotificationsTable;
  notification_actors: NotificationActorsTable;
  post_follows: PostFollowsTable;
  conversations: ConversationsTable;
  conversation_members: ConversationMembersTable;
  chat_messages: ChatMessagesTable;
  chat_reactions: ChatReactionsTable;
  presence_devices: PresenceDevicesTable;
}
