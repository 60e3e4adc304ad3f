// Name normalisation and readable ids. Two spellings that differ only in case, spacing, punctuation, diacritics or
// an honorific ("Shri Ajay Bhalla", "ajay  bhalla") normalise to the same key and so name the same entity.

const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'shri',
  'sri',
  'smt',
  'shrimati',
  'kumari',
  'sir',
  'dame',
  'lord',
  'lady',
  'hon',
  'honble',
  'honourable',
  'honorable',
  'his excellency',
  'her excellency',
  'he',
  'she',
]);

/** Recent answers: loading readouts normalises the same few thousand names over and over. */
const CACHE_LIMIT = 50000;
const cache = new Map<string, string>();

/** Lower case, no diacritics, punctuation and dashes as spaces (apostrophes dropped), spaces collapsed. */
export function normalizeText(s: string): string {
  let out = cache.get(s);
  if (out === undefined) {
    out = normalize(s);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(s, out);
  }
  return out;
}

function normalize(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      // Initialisms: "U.S." and "U.K." become "us" and "uk", not "u s".
      .replace(/(?<=(?:^|[^\p{L}])\p{L})\.(?=\p{L}(?:[^\p{L}]|$))/gu, '')
      .replace(/['’‘`]/g, '')
      .replace(/&/g, ' and ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .replace(/\s+/g, ' ')
  );
}

/** Like normalizeText, and also drops leading honorifics: used for people's names. */
export function normalizePersonName(s: string): string {
  let words = normalizeText(s).split(' ');
  for (;;) {
    const two = words.slice(0, 2).join(' ');
    if (words.length > 2 && HONORIFICS.has(two)) words = words.slice(2);
    else if (words.length > 1 && HONORIFICS.has(words[0] ?? '')) words = words.slice(1);
    else break;
  }
  return words.join(' ');
}

/** A readable, stable id segment: "U.S.–India Homeland Security Dialogue" → "u-s-india-homeland-security-dialogue". */
export function slugify(s: string): string {
  const slug = normalizeText(s).replace(/ /g, '-');
  return slug.length > 80 ? slug.slice(0, 80).replace(/-[^-]*$/, '') : slug;
}
