import { sql, type RawBuilder } from 'kysely';
import { foldForSearch } from '../../lib/text.js';

/** What a person typed, reduced to words the engines can match: folded, letters and digits only. */
export interface ParsedQuery {
  /** Words matched anywhere, whole (the engines' stemming finds their inflections). */
  words: string[];
  /** Quoted phrases: their words next to each other, in order. */
  phrases: string[][];
}

/** Enough words for any real question; more would only make the engines slower. */
export const MAX_QUERY_WORDS = 12;

const wordsOf = (text: string): string[] => foldForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Parses a search box's text. Every character that means something to an engine (quotes aside:
 * `* ( ) : - ^ NEAR AND OR`) is either dropped or taken as a plain word, so no input can change the
 * shape of the query. Null when nothing searchable is left.
 */
export function parseQuery(raw: string): ParsedQuery | null {
  const phrases: string[][] = [];
  const rest = raw.replace(/"([^"]*)"/g, (_m, inner: string) => {
    const words = wordsOf(inner);
    if (words.length > 1) phrases.push(words);
    // A quoted single word is just a word.
    return words.length === 1 ? ` ${words[0]} ` : ' ';
  });
  const words = [...new Set(wordsOf(rest))];
  let budget = MAX_QUERY_WORDS;
  const keptPhrases = phrases.filter((p) => (budget -= p.length) >= 0);
  const keptWords = words.slice(0, Math.max(0, budget));
  if (keptWords.length === 0 && keptPhrases.length === 0) return null;
  return { words: keptWords, phrases: keptPhrases };
}

/**
 * SQLite FTS5: every term quoted (so it is only ever a string), all required, in the title and body
 * only; with `scopes`, only in those places (the scope column, migration 0013). Whole words, not
 * prefixes: FTS5 answers a prefix by merging the matches of every word that starts with it, which
 * for a common word is the whole index (80 ms and more at a million documents).
 */
export function toFts5(q: ParsedQuery, scopes?: string[]): string {
  const words = `{title body} : (${[...q.words.map((w) => `"${w}"`), ...q.phrases.map((p) => `"${p.join(' ')}"`)].join(' ')})`;
  return scopes ? `${words} AND scope : (${scopes.map((s) => `"${s}"`).join(' OR ')})` : words;
}

/** PostgreSQL's stemming configurations (migrations 0013 and 0014): English, French, German, Dutch. */
const TS_CONFIGS = ['commonplace', 'commonplace_fr', 'commonplace_de', 'commonplace_nl'];

/** One word as a tsquery: any of its four stems (documents are stemmed in all four, migration 0014). */
const anyStem = (word: string): RawBuilder<unknown> =>
  sql`(${sql.join(
    TS_CONFIGS.map((c) => sql`to_tsquery(${sql.lit(c)}, ${`'${word}'`})`),
    sql` || `,
  )})`;

/**
 * PostgreSQL: the words as a tsquery expression, all required, whole words as in FTS5, each by any
 * of its stems; a quoted phrase's words next to each other (`<->`). Words are letters and digits
 * (parseQuery), so quoting them is all it takes to keep them plain lexemes.
 */
export function toTsquery(q: ParsedQuery): RawBuilder<unknown> {
  const parts = [
    ...q.words.map(anyStem),
    ...q.phrases.map((p) => p.map(anyStem).reduce((left, right) => sql`tsquery_phrase(${left}, ${right})`)),
  ];
  return sql`(${sql.join(parts, sql` && `)})`;
}

/** PostgreSQL: the places a walk is narrowed to, as the `#` lexemes of migration 0014 (scope words are letters and digits). */
export function placesTsquery(scopes: string[]): string {
  return scopes.map((p) => `'#${p}'`).join(' | ');
}
