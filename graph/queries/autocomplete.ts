// Autocomplete for a box that picks an entity: what has been typed so far is a prefix of the name or alias wanted
// (the last word still being typed, one slip after its third letter forgiven). Names and aliases only, never
// document text, ranked like search (graph/queries/searchRank.ts).
import type { Runner } from '../executor';
import type { EntityLabel } from '../model';
import { nameCandidates, prepareSearch, toResult, type SearchResult } from './search';
import { mergeRanked } from './searchRank';
import { namePrefixQuery } from './searchText';

/** Enough candidates for a good first page; more only cost time while someone types. */
const INDEX_LIMIT = 60;

export async function autocompleteEntities(
  run: Runner,
  text: string,
  labels: readonly EntityLabel[] | null,
  first: number,
): Promise<SearchResult[]> {
  const { words, wanted, q } = prepareSearch({ text, labels, first }, true);
  const found = await nameCandidates(
    run,
    q,
    wanted,
    namePrefixQuery(words, wanted),
    Math.max(INDEX_LIMIT, first),
  );
  return mergeRanked(found).slice(0, first).map(toResult);
}
