// Graph exploration: search, paths, subgraph, commonThemes and timeline. Each algorithm runs in graph/queries
// (ranking, shortest paths, set intersection, merging two chronologies), then what the selection asks of the
// entities it found is projected in one compiled statement (graph/read/), the computed rows passed as parameters.
import { commonThemes } from '../graph/queries/commonThemes';
import { findPaths } from '../graph/queries/paths';
import { autocompleteEntities } from '../graph/queries/autocomplete';
import { searchEntities } from '../graph/queries/search';
import { fetchSubgraph } from '../graph/queries/subgraph';
import { timeline } from '../graph/queries/timeline';
import { periodOf } from '../graph/dates';
import { ENTITY_LABELS, type EntityLabel } from '../graph/model';
import { entityLabelsOf } from '../graph/read/params';
import { readList } from '../graph/read/read';
import { selectsPath } from '../graph/read/selection';
import type { Resolvers } from './__generated__/types';
import type { GraphContext } from './context';

type Finder = typeof searchEntities;

async function ranked(ctx: GraphContext, find: Finder, text: string, types: unknown, first: number) {
  const wanted = entityLabelsOf(types);
  const labels: EntityLabel[] | null = wanted ? ENTITY_LABELS.filter((l) => wanted.includes(l)) : null;
  const results = await ctx.executor.withRead((run) => find(run, text, labels, first));
  return results.map((r) => r.hit);
}

export const exploreResolvers: Resolvers = {
  Query: {
    search: async (_, args, ctx, info) => {
      const rows = await ranked(ctx, searchEntities, args.text, args.types, args.first);
      return readList(ctx.executor, info, args, { rows });
    },
    autocomplete: async (_, args, ctx, info) => {
      const rows = await ranked(ctx, autocompleteEntities, args.text, args.types, args.first);
      return readList(ctx.executor, info, args, { rows });
    },
    paths: async (_, args, ctx, info) => {
      const found = await ctx.executor.withRead((run) =>
        findPaths(run, args.from, args.to, args.maxHops, args.first),
      );
      return readList(ctx.executor, info, args, { rows: found.paths });
    },
    subgraph: (_, args, ctx, info) => {
      const opts = {
        ids: args.ids,
        depth: args.depth,
        maxNodes: args.maxNodes,
        types: args.types ?? null,
        at: args.at ? periodOf(args.at) : null,
        properties: {
          nodes: selectsPath(info, ['nodes', 'properties']),
          edges: selectsPath(info, ['edges', 'properties']),
        },
      };
      return ctx.executor.withRead((run) => fetchSubgraph(run, opts));
    },
    commonThemes: async (_, args, ctx, info) => {
      const themes = await ctx.executor.withRead((run) => commonThemes(run, args.ids));
      return readList(ctx.executor, info, args, { rows: themes.map((t) => t.id) });
    },
    timeline: async (_, args, ctx, info) => {
      const filter = {
        countries: args.countries ?? null,
        from: args.from ? periodOf(args.from, 'from').from : null,
        to: args.to ? periodOf(args.to, 'to').to : null,
      };
      const found = await ctx.executor.withRead((run) => timeline(run, filter));
      return readList(ctx.executor, info, args, { rows: found.entries });
    },
  },
  GraphEdge: {
    // Visualisation tools get provenance inline, as document ids.
    properties: (e) => ({ ...e.properties, sources: e.sources }),
  },
};
