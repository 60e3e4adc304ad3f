// From what an analyst typed to Lucene queries. Every word is reduced to letters and digits (so no operator or
// syntax can get through), then asked for exactly, as a prefix and fuzzily. Type filters are a required clause on
// the `label` field of the `name_search` index, so the index itself filters: no filtering after ranking.
import type { EntityLabel } from '../model';

/** Words beyond this are ignored: each word adds fuzzy clauses, and Lucene refuses queries with too many. */
export const SEARCH_MAX_WORDS = 10;
/** A word longer than this gets no typo-tolerant prefix (the pattern grows with the word). */
const MAX_FUZZY_PREFIX = 24;

/** Every character the classic Lucene query parser treats specially (`&&`/`||` are covered by `&` and `|`). */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/<>=]/g;

export function escapeLucene(s: string): string {
  return s.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * The words of a search text, as the index's analyzer would see them: runs of letters and digits, lower-cased
 * (so AND/OR/NOT can never act as operators) and accent-folded (prefix and fuzzy terms bypass the analyzer).
 */
export function searchWords(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, SEARCH_MAX_WORDS);
}

const hasLetter = (w: string) => /\p{L}/u.test(w);

/** Edits allowed in a whole word: none up to 3 letters, one up to 5, two beyond. Numbers are never misspelt. */
export function allowedEdits(w: string): number {
  if (w.length < 4 || !hasLetter(w)) return 0;
  return w.length >= 6 ? 2 : 1;
}

/** One word, exactly (boost 4), as a prefix (boost 2) and fuzzily, on `field`. */
export function wordClause(field: string, w: string): string {
  const e = escapeLucene(w);
  const clauses = [`${field}:${e}^4`, `${field}:${e}*^2`];
  const edits = allowedEdits(w);
  if (edits > 0) clauses.push(`${field}:${e}~${edits}`);
  return `(${clauses.join(' OR ')})`;
}

/**
 * A regular expression for terms that begin with `w` give or take one edit after its third letter (a letter
 * replaced, left out, doubled or swapped with the next): what autocomplete forgives while the word is typed.
 * `w` holds only letters and digits (searchWords), so nothing in it is special to the pattern.
 */
export function fuzzyPrefixPattern(w: string): string | undefined {
  if (w.length < 4 || w.length > MAX_FUZZY_PREFIX || !hasLetter(w)) return undefined;
  const alts = new Set<string>([w]);
  for (let i = 3; i < w.length; i++) {
    const [head, here, next] = [w.slice(0, i), w.slice(i + 1), w.slice(i + 2)];
    alts.add(`${head}.${here}`);
    alts.add(`${head}${here}`);
    alts.add(`${head}.${w.slice(i)}`);
    if (i + 1 < w.length) alts.add(`${head}${w[i + 1] ?? ''}${w[i] ?? ''}${next}`);
  }
  const stem = w.slice(0, 3);
  // Four letters at least: a bare three-letter stem would match a large part of the vocabulary.
  const rest = [...alts]
    .filter((a) => a.length > 3)
    .map((a) => a.slice(3))
    .sort();
  return `${stem}(${rest.join('|')}).*`;
}

/** The label values as the index stores them (the analyzer lower-cases `DialogueSeries` to one token). */
function labelClause(labels: readonly EntityLabel[] | null): string {
  if (labels === null) return '';
  return `+label:(${labels.map((l) => l.toLowerCase()).join(' OR ')}) `;
}

/** Search over names and aliases: any word may match (ranking happens after). */
export function nameSearchQuery(words: readonly string[], labels: readonly EntityLabel[] | null): string {
  return `${labelClause(labels)}+(${words.map((w) => wordClause('norm', w)).join(' OR ')})`;
}

/**
 * Autocomplete over names and aliases: every word must match; the last one is still being typed, so it counts
 * as a prefix, one slip after its third letter forgiven.
 */
export function namePrefixQuery(words: readonly string[], labels: readonly EntityLabel[] | null): string {
  const last = words.length - 1;
  const clauses = words.map((w, i) => {
    if (i < last) return `+${wordClause('norm', w)}`;
    const e = escapeLucene(w);
    const pattern = fuzzyPrefixPattern(w);
    return `+(norm:${e}^4 OR norm:${e}*^3${pattern === undefined ? '' : ` OR norm:/${pattern}/`})`;
  });
  return `${labelClause(labels)}${clauses.join(' ')}`;
}

/** Text of documents (titles, summaries, notes): exact words and prefixes only, prose is too varied for fuzz. */
export function textQuery(field: string, words: readonly string[]): string {
  return words.map((w) => `(${field}:${escapeLucene(w)}^2 OR ${field}:${escapeLucene(w)}*)`).join(' OR ');
}

/**
 * The `entity_names` query of the first search (every word exactly, as a prefix and fuzzily, on any field): kept
 * for the query benchmark, which sends it to the systems it compares with.
 */
export function luceneQuery(words: readonly string[]): string {
  return words
    .map((w) => {
      const e = escapeLucene(w);
      const clauses = [`${e}^4`, `${e}*^2`];
      if (w.length >= 3 && /\p{L}/u.test(w)) clauses.push(`${e}~${w.length >= 6 ? 2 : 1}`);
      return `(${clauses.join(' OR ')})`;
    })
    .join(' OR ');
}
