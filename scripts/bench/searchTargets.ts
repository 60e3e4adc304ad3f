// The calls the search benchmark measures, through graph/ exactly as the API's resolvers make them.
import type { GraphExecutor } from '../../graph/executor';
import { searchEntities } from '../../graph/queries/search';
import type { SearchTarget } from './searchBench';

export function graphSearchTarget(executor: GraphExecutor): SearchTarget {
  const search = async (text: string, first: number) => {
    const hits = await executor.withRead((run) => searchEntities(run, text, null, first));
    return hits.map((h) => h.entity.id);
  };
  // Before autocomplete existed, the explorer sent what was typed to search.
  return { search, autocomplete: search };
}
