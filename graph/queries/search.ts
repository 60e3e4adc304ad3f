// Ranked, typo-tolerant search. Candidates come from four index reads in one statement — exact normalised
// names and aliases (range index on Name.norm), names beginning with the query (same index), names whose initials
// the query is (range index on Name.initials, graph/initials.ts), and words of names
// (the `name_search` fulltext index, type filter inside the Lucene query) — plus, in a second statement, the text of
// documents (titles, summaries, notes). graph/queries/searchRank.ts then scores them all the same way.
import { BadInputError } from '../errors';
import { int, type Runner } from '../executor';
import { queryInitials } from '../initials';
import { ENTITY_LABELS, type EntityLabel, type EntityRow, type SearchHitRow } from '../model';
import { entityFromRow, sortKeyOf, strs } from './rows';
import { mergeRanked, queryForms, rankNames, textScore, type QueryForms, type Ranked } from './searchRank';
import { nameSearchQuery, searchWords, textQuery } from './searchText';

export { escapeLucene, luceneQuery, searchWords } from './searchText';

export const SEARCH_MAX_FIRST = 100;
export const SEARCH_MAX_TEXT = 200;
/** More namesakes than this (one name in hundreds of countries) are not all read. */
const EXACT_LIMIT = 500;
const PREFIX_LIMIT = 100;

/** Name nodes found by exact spelling, by prefix and by words; then the entities they name. */
const NAME_CANDIDATES = `
CALL () {
  UNWIND $probes AS probe
  MATCH (nm:Name {norm: probe.norm}) WHERE nm.label IN probe.labels
  RETURN nm LIMIT $exactLimit
  UNION
  MATCH (nm:Name) WHERE nm.norm STARTS WITH $norm AND nm.label IN $labels
  RETURN nm LIMIT $prefixLimit
  UNION
  MATCH (nm:Name {initials: $initials}) WHERE nm.label IN $labels
  RETURN nm LIMIT $exactLimit
  UNION
  CALL db.index.fulltext.queryNodes('name_search', $query, {limit: $indexLimit}) YIELD node AS nm
  RETURN nm
}
MATCH (nm)-[:NAMES]->(e)
WITH e, collect(nm.norm) AS spellings, collect(CASE WHEN nm.initials = $initials THEN nm.norm END) AS initialled
RETURN labels(e) AS labels, properties(e) AS props, spellings, initialled`;

const TEXT_ROWS = 'RETURN labels(node) AS labels, properties(node) AS props, text';
/** Each source of text, and the labels it can return. */
const TEXT_SOURCES: { labels: EntityLabel[]; cypher: string }[] = [
  {
    labels: ['Source'],
    cypher: `CALL db.index.fulltext.queryNodes('entity_names', $titleQuery, {limit: $textLimit}) YIELD node
WHERE node:Source WITH node, node.title AS text ${TEXT_ROWS}`,
  },
  {
    labels: ['Dialogue', 'Agreement'],
    cypher: `CALL db.index.fulltext.queryNodes('entity_summaries', $summaryQuery, {limit: $textLimit}) YIELD node
WHERE any(l IN labels(node) WHERE l IN $labels) WITH node, node.summary AS text ${TEXT_ROWS}`,
  },
  {
    labels: ['Dialogue'],
    cypher: `CALL db.index.fulltext.queryRelationships('discussed_notes', $notesQuery, {limit: $textLimit})
YIELD relationship WITH startNode(relationship) AS node, relationship.notes AS text ${TEXT_ROWS}`,
  },
];

export interface SearchResult {
  hit: SearchHitRow;
  entity: EntityRow;
}

export interface SearchInput {
  text: string;
  labels: readonly EntityLabel[] | null;
  first: number;
}

/** The checks every search-like field shares; returns the words, or throws BadInputError naming the argument. */
export function checkSearchInput({ text, first }: SearchInput): string[] {
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_MAX_FIRST) {
    throw new BadInputError(`first: must be between 1 and ${SEARCH_MAX_FIRST}`);
  }
  if (text.trim() === '') throw new BadInputError('text: must not be empty');
  if (text.length > SEARCH_MAX_TEXT) {
    throw new BadInputError(`text: must be at most ${SEARCH_MAX_TEXT} characters`);
  }
  const words = searchWords(text);
  if (words.length === 0) throw new BadInputError('text: must contain at least one letter or digit');
  return words;
}

/** The labels asked for (deduplicated, in schema order), or null for all. */
export function wantedLabels(labels: readonly EntityLabel[] | null): EntityLabel[] | null {
  return labels === null || labels.length === 0 ? null : ENTITY_LABELS.filter((l) => labels.includes(l));
}

/** Exact-spelling probes: people's names compare without honorifics, everything else as normalised. */
function probes(q: QueryForms, labels: readonly EntityLabel[]) {
  if (q.personNorm === q.norm) return [{ norm: q.norm, labels }];
  return [
    { norm: q.norm, labels: labels.filter((l) => l !== 'Person') },
    { norm: q.personNorm, labels: labels.filter((l) => l === 'Person') },
  ];
}

/** Entities whose names or aliases match, scored; `query` is the Lucene query for the `name_search` index. */
export async function nameCandidates(
  run: Runner,
  q: QueryForms,
  labels: readonly EntityLabel[] | null,
  query: string,
  indexLimit: number,
): Promise<Ranked[]> {
  const all = labels ?? ENTITY_LABELS;
  const rows = await run(NAME_CANDIDATES, {
    probes: probes(q, all).filter((p) => p.labels.length > 0 && p.norm !== ''),
    norm: q.norm === '' ? '\u0000' : q.norm,
    labels: [...all],
    query,
    initials: queryInitials(q.norm),
    exactLimit: int(EXACT_LIMIT),
    prefixLimit: int(PREFIX_LIMIT),
    indexLimit: int(indexLimit),
  });
  return rows.flatMap((r) => {
    const entity = entityFromRow(r);
    const ranked =
      entity && rankNames(q, entity, strs(r.spellings), sortKeyOf(r, entity.id), strs(r.initialled));
    return ranked ? [ranked] : [];
  });
}

/** A window of long text around the first word of the query it contains. */
export function snippet(text: string, words: readonly string[], width = 160): string {
  if (text.length <= width) return text;
  const lower = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const at = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), text.length);
  const start = at >= text.length ? 0 : Math.max(0, at - width / 4);
  const piece = text.slice(start, start + width).trim();
  return `${start > 0 ? '…' : ''}${piece}${start + width < text.length ? '…' : ''}`;
}

async function textCandidates(
  run: Runner,
  q: QueryForms,
  words: string[],
  labels: readonly EntityLabel[] | null,
  first: number,
): Promise<Ranked[]> {
  const all = labels ?? ENTITY_LABELS;
  const parts = TEXT_SOURCES.filter((s) => s.labels.some((l) => all.includes(l))).map((s) => s.cypher);
  if (parts.length === 0) return [];
  const rows = await run(parts.join('\nUNION ALL\n'), {
    titleQuery: textQuery('title', words),
    summaryQuery: textQuery('summary', words),
    notesQuery: textQuery('notes', words),
    labels: [...all],
    textLimit: int(first),
  });
  return rows.flatMap((r) => {
    const entity = entityFromRow(r);
    if (entity === undefined || typeof r.text !== 'string') return [];
    const score = textScore(q.norm, r.text);
    const matched = snippet(r.text, words);
    return [{ entity, score, matchedOn: 'TEXT' as const, matched, sortKey: sortKeyOf(r, entity.id) }];
  });
}

export function toResult(r: Ranked): SearchResult {
  const score = Math.round(r.score * 1000) / 1000;
  return { hit: { id: r.entity.id, score, matchedOn: r.matchedOn, matched: r.matched }, entity: r.entity };
}

/** A search-like call's input, checked (BadInputError naming the argument) and in the forms ranking uses. */
export function prepareSearch(input: SearchInput, typing: boolean) {
  return {
    words: checkSearchInput(input),
    wanted: wantedLabels(input.labels),
    q: queryForms(input.text, typing),
  };
}

/** Ranked hits for `text`, at most `first`, only of `labels` when given (see searchRank.ts for the order). */
export async function searchEntities(
  run: Runner,
  text: string,
  labels: readonly EntityLabel[] | null,
  first: number,
): Promise<SearchResult[]> {
  const { words, wanted, q } = prepareSearch({ text, labels, first }, false);
  const indexLimit = Math.min(200, Math.max(50, first * 5));
  const names = await nameCandidates(run, q, wanted, nameSearchQuery(words, wanted), indexLimit);
  const texts = await textCandidates(run, q, words, wanted, first);
  return mergeRanked([...names, ...texts])
    .slice(0, first)
    .map(toResult);
}
