import type { ReactionCounts, ReactionKindName } from '../../api/posts';
import { REACTION_KINDS } from '../../api/posts';

/** Each kind's picture; its name comes from the translations (posts.reactions.<kind>). */
export const REACTION_EMOJI: Record<ReactionKindName, string> = {
  like: '👍',
  love: '❤️',
  haha: '😆',
  wow: '😮',
  sad: '😢',
  angry: '😠',
};

export const totalReactions = (counts: ReactionCounts): number => REACTION_KINDS.reduce((n, k) => n + counts[k], 0);

/** The kinds that have reactions, most frequent first. */
export const usedKinds = (counts: ReactionCounts): ReactionKindName[] =>
  REACTION_KINDS.filter((k) => counts[k] > 0).sort((a, b) => counts[b] - counts[a]);

/** Counts after I change my reaction, shown at once while the server confirms. */
export function withMyReaction(counts: ReactionCounts, before: ReactionKindName | null, after: ReactionKindName | null): ReactionCounts {
  const next = { ...counts };
  if (before) next[before] = Math.max(0, next[before] - 1);
  if (after) next[after] += 1;
  return next;
}
