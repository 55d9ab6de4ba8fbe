import type { Executor } from '../../db/index.js';
import { myConversations } from '../../policies/chat.js';
import { GROUPS_SCOPE, PROFILE_SCOPE, scopeWord, type SearchKind } from './index-store.js';
import type { SearchViewer } from './search-store.js';

/**
 * One walk of the engine's match, newest first: the feed (posts, comments, groups, their files) or
 * chat (messages and their files), narrowed to the places the viewer might see when they are few
 * enough (scope words, migration 0013), otherwise to the whole family. Searched apart and merged,
 * so that a person who is in a handful of the company's conversations does not walk past every
 * other message to find theirs, nor the feed past chat.
 *
 * Narrowing is only ever a superset: the policies still decide, in the same query.
 */
export interface Walk {
  family: 'feed' | 'chat';
  /** The places, as scope words; null for the whole family. */
  scopes: string[] | null;
  kinds: SearchKind[];
}

/** Past this many groups, an FTS5 OR of scope words costs more than walking the feed (most of it is then visible). */
export const MAX_FEED_SCOPES = 64;
/** Conversations are small; a long OR of them is still cheaper than walking all of chat. */
export const MAX_CHAT_SCOPES = 256;

const FEED_KINDS: SearchKind[] = ['post', 'comment', 'group', 'file'];
const CHAT_KINDS: SearchKind[] = ['message', 'file'];

/** Both families, not narrowed: what a search without a viewer walks (the benchmark's baseline). */
export function wholeWalks(kinds: SearchKind[]): Walk[] {
  return [
    { family: 'feed' as const, scopes: null, kinds: kinds.filter((k) => FEED_KINDS.includes(k)) },
    { family: 'chat' as const, scopes: null, kinds: kinds.filter((k) => CHAT_KINDS.includes(k)) },
  ].filter((w) => w.kinds.length > 0);
}

export async function viewerWalks(db: Executor, v: SearchViewer, kinds: SearchKind[]): Promise<Walk[]> {
  const walks: Walk[] = [];
  const feedKinds = kinds.filter((k) => FEED_KINDS.includes(k));
  const chatKinds = kinds.filter((k) => CHAT_KINDS.includes(k));
  if (feedKinds.length > 0) walks.push({ family: 'feed', scopes: await feedScopes(db, v), kinds: feedKinds });
  if (chatKinds.length > 0) {
    const conversations = await db
      .selectFrom('conversations')
      .select('id')
      .where((eb) => myConversations(eb, v))
      .limit(MAX_CHAT_SCOPES + 1)
      .execute();
    // In no conversation: nothing in chat to find, and no walk.
    if (conversations.length > 0)
      walks.push({
        family: 'chat',
        scopes: conversations.length > MAX_CHAT_SCOPES ? null : conversations.map((c) => scopeWord('c', c.id)),
        kinds: chatKinds,
      });
  }
  return walks;
}

/** The groups (and profiles, and the groups' own documents) whose feed the viewer might see. */
async function feedScopes(db: Executor, v: SearchViewer): Promise<string[] | null> {
  const guest = v.role === 'guest';
  const [mine, open] = await Promise.all([
    db
      .selectFrom('group_members')
      .select('group_id as id')
      .where('person_id', '=', v.id)
      .limit(MAX_FEED_SCOPES + 1)
      .execute(),
    guest
      ? Promise.resolve([])
      : db
          .selectFrom('groups')
          .select('id')
          .where('org_id', '=', v.org_id)
          .where('visibility', '=', 'open')
          .limit(MAX_FEED_SCOPES + 1)
          .execute(),
  ]);
  const groups = new Set([...mine, ...open].map((g) => scopeWord('g', g.id)));
  const words = [GROUPS_SCOPE, ...(guest ? [] : [PROFILE_SCOPE]), ...groups];
  return words.length > MAX_FEED_SCOPES ? null : words;
}
