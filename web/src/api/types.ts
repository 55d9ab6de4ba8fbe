import type { z } from 'zod';
import type {
  inviteLinkCreatedSchema,
  invitePreviewSchema,
  inviteSchema,
  sessionItemSchema,
  slugCheckSchema,
  signUpResultSchema,
} from '../../../protocol/api';

// The contract lives in protocol/; these are only convenient names for the shapes the app uses.
import type { Org } from '../../../protocol/api';

export type { Org, Person, Role, SessionInfo } from '../../../protocol/api';
export type Invite = z.infer<typeof inviteSchema>;
export type InviteLinkCreated = z.infer<typeof inviteLinkCreatedSchema>;
export type InvitePreview = z.infer<typeof invitePreviewSchema>;
export type SessionItem = z.infer<typeof sessionItemSchema>;
export type SlugCheck = z.infer<typeof slugCheckSchema>;
export type SignUpResult = z.infer<typeof signUpResultSchema>;
export type Locale = 'en' | 'fr';

/** Every list endpoint answers with this page shape. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface AppContextInfo {
  baseUrl: string;
  org: Org | null;
}
