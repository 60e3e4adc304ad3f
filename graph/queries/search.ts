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
/** With a type filter the index is first asked for this many hits, since filtering happens after it ranks. */
const FILTERED_INDEX_LIMIT = 1000;

// The label check also keeps any future indexed label out of results (the index covers only entity labels).
const MATCHING = 'WHERE any(l IN labels(node) WHERE l IN $labels)';
const TAIL = 'ORDER BY score DESC, node.sortKey, node.id LIMIT $first';

/** The top hits; `indexHits` says whether the index had more to give than it was asked for. */
const SEARCH_TOP = `
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $indexLimit}) YIELD node, score
WITH collect({node: node, score: score}) AS hits
CALL (hits) {
  UNWIND hits AS h
  WITH h.node AS node, h.score AS score ${MATCHING}
  RETURN node, score ${TAIL}
}
RETURN size(hits) AS indexHits, labels(node) AS labels, properties(node) AS props, score`;

/** Every hit, for a type filter the top hits did not satisfy (a rare type among many matches). */
const SEARCH_ALL = `
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score ${MATCHING}
RETURN labels(node) AS labels, properties(node) AS props, score ${TAIL}`;

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

/** One clause per word: exact (boost 4) OR prefix (boost 2) OR fuzzy (1 edit up to 5 letters, else 2). */
export function luceneQuery(words: readonly string[]): string {
  return words
    .map((w) => {
      const e = escapeLucene(w);
      const clauses = [`${e}^4`, `${e}*^2`];
      // Numbers are not misspelt: a fuzzy 2024 would match every nearby year.
      if (w.length >= 3 && /\p{L}/u.test(w)) clauses.push(`${e}~${w.length >= 6 ? 2 : 1}`);
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
  if (text.length > SEARCH_MAX_TEXT) {
    throw new BadInputError(`text: must be at most ${SEARCH_MAX_TEXT} characters`);
  }
  const words = searchWords(text);
  if (words.length === 0) throw new BadInputError('text: must contain at least one letter or digit');
  const filtered = labels !== null && labels.length > 0;
  const indexLimit = filtered ? FILTERED_INDEX_LIMIT : first;
  const params = {
    query: luceneQuery(words),
    labels: filtered ? [...new Set(labels)] : [...ENTITY_LABELS],
    indexLimit: int(indexLimit),
    first: int(first),
  };
  let rows = await run(SEARCH_TOP, params);
  if (filtered && rows.length < first && (rows.length === 0 || Number(rows[0]?.indexHits) >= indexLimit)) {
    rows = await run(SEARCH_ALL, params);
  }
  return rows.flatMap((r) => {
    const entity = entityFromRow(r);
    return entity ? [{ hit: { id: entity.id, score: Number(r.score) }, entity }] : [];
  });
}
