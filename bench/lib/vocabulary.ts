/**
 * Words for generated posts and comments (feed and search benchmarks): made of syllables of four
 * languages, with their accents (é, è, ü, ö, ø, ß, ij), so that search meets folding on every word.
 * Drawn with a Zipf law, as in real text: a few words are everywhere, most are rare.
 */
const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'ch',
  'st',
  'br',
  'gr',
  'sch',
  'tr',
];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'é', 'è', 'ü', 'ö', 'ø', 'ij', 'au', 'ei', 'oe', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'ß', 'ng', 'x', 'nt'];

export function makeVocabulary(size: number, rnd: () => number): string[] {
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!;
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 1 + Math.floor(rnd() * 3);
    let w = '';
    for (let s = 0; s < syllables; s++) w += pick(ONSETS) + pick(NUCLEI) + pick(CODAS);
    if (w.length >= 3) words.add(w);
  }
  return [...words];
}

/** Draws 0..n-1 with weight 1/(i+1)^s: a few very large, a long tail of small. */
export function zipf(n: number, s: number, rnd: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cumulative[i] = sum += 1 / (i + 1) ** s;
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A text of `count` words drawn from the vocabulary by frequency; a capital now and then. */
export function wordsFrom(vocabulary: string[], draw: () => number, count: number, rnd: () => number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = vocabulary[draw()]!;
    out.push(i === 0 || rnd() < 0.05 ? w.charAt(0).toUpperCase() + w.slice(1) : w);
  }
  return out.join(' ');
}

/** Vocabulary size and Zipf exponent shared by the generator and the search benchmark's queries. */
export const VOCABULARY_SIZE = 20_000;
export const ZIPF_EXPONENT = 1.07;
export const VOCABULARY_SEED = 424242;
