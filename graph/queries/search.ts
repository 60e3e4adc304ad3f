// Ranked, typo-tolerant search over the `entity_names` fulltext index (names, aliases, titles). The Lucene query is
// built here from the user's words: every word is escaped, then asked for exactly, as a prefix and fuzzily, with
// boosts so that exact matches outrank prefixes and prefixes outrank near-misses.
import { BadInputError } from '../errors';
import { int, type Runner } from '../executor';
import { ENTITY_LABELS, type EntityLabel, type EntityRow, type SearchHitRow } from '../model';
import { entityFromRow } from './rows';

export const SEARCH_MAX_FIRST = 100;
export const SEARCH_MAX_TEXT = 200;
/** Words beyond this are ignored: each word adds fuzzy clauses, and Lucene refuses queries with too many. */
export const SEARCH_MAX_WORDS = 10;
/** With a type filter the index is asked for more hits than wanted, since filtering happens after it ranks. */
const FILTERED_INDEX_LIMIT = 5000;

// The index covers only entity labels, but the label check keeps any future indexed label out of results.
const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $indexLimit}) YIELD node, score
WHERE any(l IN labels(node) WHERE l IN $labels)
RETURN labels(node) AS labels, properties(node) AS props, score
ORDER BY score DESC, node.sortKey, node.id
LIMIT $first`;

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

/** One clause per word: exact (boost 4) OR prefix (boost 2) OR fuzzy (edit distance by length, as Lucene advises). */
export function luceneQuery(words: readonly string[]): string {
  return words
    .map((w) => {
      const e = escapeLucene(w);
      const clauses = [`${e}^4`, `${e}*^2`];
      if (w.length >= 3) clauses.push(`${e}~${w.length >= 6 ? 2 : 1}`);
      return `(${clauses.join(' OR ')})`;
    })
    .join(' OR ');
}

export interface SearchResult {
  hit: SearchHitRow;
  entity: EntityRow;
}

export async function searchEntities(
  run: Runner,
  text: string,
  labels: readonly EntityLabel[] | null,
  first: number,
): Promise<SearchResult[]> {
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_MAX_FIRST) {
    throw new BadInputError(`first: must be between 1 and ${SEARCH_MAX_FIRST}`);
  }
  if (text.trim() === '') throw new BadInputError('text: must not be empty');
  if (text.length > SEARCH_MAX_TEXT)
    throw new BadInputError(`text: must be at most ${SEARCH_MAX_TEXT} characters`);
  const words = searchWords(text);
  if (words.length === 0) throw new BadInputError('text: must contain at least one letter or digit');
  const filtered = labels !== null && labels.length > 0;
  const rows = await run(SEARCH, {
    query: luceneQuery(words),
    labels: filtered ? [...new Set(labels)] : [...ENTITY_LABELS],
    indexLimit: int(filtered ? FILTERED_INDEX_LIMIT : first),
    first: int(first),
  });
  return rows.flatMap((r) => {
    const entity = entityFromRow(r);
    return entity ? [{ hit: { id: entity.id, score: Number(r.score) }, entity }] : [];
  });
}
