// The calls the search benchmark measures, through graph/ exactly as the API's resolvers make them.
import type { GraphExecutor } from '../../graph/executor';
import { autocompleteEntities } from '../../graph/queries/autocomplete';
import { searchEntities } from '../../graph/queries/search';
import type { SearchTarget } from './searchBench';

export function graphSearchTarget(executor: GraphExecutor): SearchTarget {
  const ids = (hits: { entity: { id: string } }[]) => hits.map((h) => h.entity.id);
  return {
    search: async (text, first) =>
      ids(await executor.withRead((run) => searchEntities(run, text, null, first))),
    autocomplete: async (text, first) =>
      ids(await executor.withRead((run) => autocompleteEntities(run, text, null, first))),
    searchRareType: async (text, first) =>
      ids(await executor.withRead((run) => searchEntities(run, text, ['DialogueSeries'], first))),
  };
}
