import type { ParsedQuery } from './query.js';

/**
 * Relevance within a ranking window, from the documents' own indexed words: how often the query's
 * words occur, in the title (weighted ten times) and the body, saturating like BM25's term
 * frequency and normalised by length; a phrase counts where its words stand in order. Higher is
 * better.
 *
 * Why not FTS5's bm25(): it weighs words by how rare they are in the whole index, and learns that
 * by reading every match of every word, on every query: 60–300 ms for a common word at a million
 * documents, whatever the window. PostgreSQL's ts_rank does not weigh by rarity either, so both
 * engines now rank the same way. A query word counts in a document word it starts ("report" in
 * "reports", "reporting"), close to what the engines' stemming matched.
 */
const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 10;

export interface RankableDoc {
  id: number;
  title: string;
  body: string;
}

const wordsOf = (text: string) => (text === '' ? [] : text.split(' '));

function occurrences(words: string[], q: ParsedQuery): number[] {
  const counts = q.words.map((w) => words.filter((d) => d.startsWith(w)).length);
  for (const phrase of q.phrases) {
    let n = 0;
    for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((w, j) => words[i + j]!.startsWith(w))) n++;
    counts.push(n);
  }
  return counts;
}

export function rankWindow(docs: RankableDoc[], q: ParsedQuery): Array<{ id: number; rank: number }> {
  const split = docs.map((d) => ({ id: d.id, title: wordsOf(d.title), body: wordsOf(d.body) }));
  const averageLength = Math.max(1, split.reduce((n, d) => n + d.body.length, 0) / Math.max(1, split.length));
  return split.map((d) => {
    const inTitle = occurrences(d.title, q);
    const inBody = occurrences(d.body, q);
    const norm = K1 * (1 - B + (B * d.body.length) / averageLength);
    let score = 0;
    inBody.forEach((n, i) => {
      const tf = TITLE_WEIGHT * (inTitle[i] ?? 0) + n;
      score += (tf * (K1 + 1)) / (tf + norm);
    });
    return { id: d.id, rank: score };
  });
}
