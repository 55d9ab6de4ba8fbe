import type { Snippet } from '../../../protocol/search.js';
import { foldForSearch } from '../../lib/text.js';
import type { ParsedQuery } from './query.js';

const WINDOW_WORDS = 28;

/**
 * Whether two folded words look like inflections of one another ("preparing" and "prepare",
 * "kindern" and "kinder"): what the engines' stemmers matched, approximated for marking only (a
 * miss leaves a word unmarked, it never changes what is found). They share at least four letters
 * and differ only in their last three.
 */
function sameStem(a: string, b: string): boolean {
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return shared >= 4 && Math.max(a.length, b.length) - shared <= 3;
}

/**
 * A short piece of the original text around the first word that matched, with the matching words
 * marked. Matching folds both sides the way the index does, so "equipe" marks "Équipe".
 */
export function snippetOf(text: string, q: ParsedQuery): Snippet {
  const plain = text.replace(/\s+/g, ' ').trim();
  const words = [...plain.matchAll(/[\p{L}\p{N}]+/gu)];
  const wanted = [...q.words, ...q.phrases.flat()];
  const isHit = (w: string) => {
    const f = foldForSearch(w);
    return wanted.some((x) => f.startsWith(x) || sameStem(f, x));
  };
  const first = Math.max(
    0,
    words.findIndex((m) => isHit(m[0])),
  );
  const from = Math.max(0, first - Math.floor(WINDOW_WORDS / 3));
  const to = Math.min(words.length, from + WINDOW_WORDS);
  if (words.length === 0) return plain ? [{ text: plain.slice(0, 200), hit: false }] : [];
  const start = from === 0 ? 0 : words[from]!.index;
  const end = to >= words.length ? plain.length : words[to]!.index;
  const out: Snippet = [];
  const push = (s: string, hit: boolean) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += s;
    else out.push({ text: s, hit });
  };
  if (from > 0) push('… ', false);
  let at = start;
  for (let i = from; i < to; i++) {
    const m = words[i]!;
    push(plain.slice(at, m.index), false);
    push(m[0], isHit(m[0]));
    at = m.index + m[0].length;
  }
  push(plain.slice(at, end), false);
  if (to < words.length) push(' …', false);
  return out;
}
