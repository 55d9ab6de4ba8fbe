import type { FeedItem, FeedOrder } from '../../../protocol/feed.js';
import type { Executor } from '../../db/index.js';
import { badInput } from '../../errors.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import type { GroupViewer } from '../../policies/groups.js';
import { presentPosts } from '../posts/service.js';
import type { PostRow } from '../posts/store.js';
import { DAY, scoreOf, scoreReasons, scoreTerms, sourceReasons, TOP, type Signals } from './score.js';
import {
  engagementAt,
  feedCandidates,
  feedSources,
  interactionCounts,
  loadFeedRows,
  seenAnnouncements,
  type FeedSources,
} from './store.js';

/**
 * The home feed: posts I may see from my groups, from people I follow (their profile posts and
 * their posts in groups I may see) and my own, published ones only. Two orders:
 * - recent: newest first; the cursor is the last (created_at, id), so posts written while I read
 *   are newer than it and never shift a later page.
 * - top: the last TOP.windowDays days ordered by a score (score.ts); the cursor is the snapshot
 *   time of the first page with the last (score, id), and every page is computed as of that time.
 */
export interface FeedQuery {
  order: FeedOrder;
  cursor?: string | undefined;
  limit: number;
}
export interface FeedPage {
  items: FeedItem[];
  nextCursor: string | null;
}

const badCursor = () => badInput('cursor', 'is not a cursor this list gave out');

export function homeFeed(db: Executor, v: GroupViewer, q: FeedQuery, now = Date.now()): Promise<FeedPage> {
  return q.order === 'top' ? topFeed(db, v, q, now) : recentFeed(db, v, q);
}

async function recentFeed(db: Executor, v: GroupViewer, q: FeedQuery): Promise<FeedPage> {
  const before = decodeCursor<[number, string]>(q.cursor, ['number', 'string']);
  const sources = await feedSources(db, v);
  const candidates = await feedCandidates(db, v, sources, { perSource: q.limit + 1, before }, q.limit + 1);
  const { items, nextCursor } = pageOf(
    candidates.slice(0, q.limit + 1),
    q.limit,
    (c) => c.id,
    (c) => [c.created_at, c.id],
  );
  const rows = await loadFeedRows(db, v, items);
  return { items: await withReasons(db, v, sources, rows, () => ({ reasons: [] })), nextCursor };
}

async function topFeed(db: Executor, v: GroupViewer, q: FeedQuery, now: number): Promise<FeedPage> {
  const after = decodeCursor<[number, number, string]>(q.cursor, ['number', 'number', 'string']);
  const at = after ? after[0] : now;
  if (!Number.isSafeInteger(at) || at <= 0 || at > now + 60_000) throw badCursor();
  const sources = await feedSources(db, v);
  const candidates = (await feedCandidates(db, v, sources, { perSource: TOP.perSource, since: at - TOP.windowDays * DAY, upTo: at })).slice(
    0,
    TOP.candidates,
  );
  const ids = candidates.map((c) => c.id);
  const announcements = candidates.filter((c) => c.important === 1).map((c) => c.id);
  const [interactions, engagement, seen] = await Promise.all([
    interactionCounts(db, v, at - TOP.interactionDays * DAY, at),
    engagementAt(db, ids, at),
    seenAnnouncements(db, v, announcements, at),
  ]);
  const signals: Signals = { at, authorInteractions: new Map(), groupInteractions: new Map(), ...engagement, seen };
  for (const i of interactions) {
    signals.authorInteractions.set(i.author_id, (signals.authorInteractions.get(i.author_id) ?? 0) + i.n);
    if (i.group_id) signals.groupInteractions.set(i.group_id, (signals.groupInteractions.get(i.group_id) ?? 0) + i.n);
  }

  const scored = candidates
    .map((c) => {
      const terms = scoreTerms(c, v.id, signals);
      return { c, terms, score: scoreOf(terms) };
    })
    .sort((a, b) => b.score - a.score || (a.c.id < b.c.id ? 1 : a.c.id > b.c.id ? -1 : 0));
  const rest = after ? scored.filter((s) => s.score < after[1] || (s.score === after[1] && s.c.id < after[2])) : scored;
  const { items, nextCursor } = pageOf(
    rest.slice(0, q.limit + 1),
    q.limit,
    (s) => s,
    (s) => [at, s.score, s.c.id],
  );
  const byId = new Map(items.map((s) => [s.c.id, s]));
  const rows = await loadFeedRows(
    db,
    v,
    items.map((s) => s.c.id),
  );
  return {
    items: await withReasons(db, v, sources, rows, (r) => {
      const s = byId.get(r.id)!;
      return { reasons: scoreReasons(r, s.c, signals, s.terms), score: s.score, terms: s.terms };
    }),
    nextCursor,
  };
}

/** Presents the rows (three queries for the page) with where each comes from, then what the order adds. */
async function withReasons(
  db: Executor,
  v: GroupViewer,
  sources: FeedSources,
  rows: PostRow[],
  extra: (r: PostRow) => FeedItem['why'],
): Promise<FeedItem[]> {
  const posts = await presentPosts(db, v, rows);
  const groups = new Set(sources.groupIds);
  const followees = new Set(sources.followeeIds);
  return rows.map((r, i) => {
    const more = extra(r);
    return { post: posts[i]!, why: { ...more, reasons: [...sourceReasons(r, v.id, groups, followees), ...more.reasons] } };
  });
}
