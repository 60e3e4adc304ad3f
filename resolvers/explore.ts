// Graph exploration: search, paths, subgraph, commonThemes and timeline, with the types they return. Arguments
// are checked in graph/queries (one place for limits and their messages); entities those queries already read
// are primed into the loader, so `node` fields cost no second query.
import type { GraphContext } from './context';
import { commonThemes } from '../graph/queries/commonThemes';
import { findPaths } from '../graph/queries/paths';
import { autocompleteEntities } from '../graph/queries/autocomplete';
import { searchEntities, type SearchResult } from '../graph/queries/search';
import { fetchSubgraph } from '../graph/queries/subgraph';
import { timeline } from '../graph/queries/timeline';
import { ENTITY_LABELS, type EntityLabel, type EntityRow } from '../graph/model';
import type { EntityType, Resolvers } from './__generated__/types';
import { typenamesOf } from './country';
import { selectsPath } from './lookahead';
import { only, period, sources } from './util';

function prime(ctx: GraphContext, entities: readonly EntityRow[]): void {
  for (const e of entities) ctx.loaders.entity.prime(e.id, e);
}

/** A node an answer refers to; it was read in the same request, so a miss is a data bug. */
async function entity(ctx: GraphContext, id: string): Promise<EntityRow> {
  const e = await ctx.loaders.entity.load(id);
  if (e === null) throw new Error(`internal: entity ${id} is missing`);
  return e;
}

type Finder = typeof searchEntities;

/** search and autocomplete: labels from the types asked for, hits' entities primed for their `node` field. */
async function hits(
  ctx: GraphContext,
  find: Finder,
  text: string,
  types: EntityType[] | null | undefined,
  first: number,
) {
  const wanted = typenamesOf(types);
  const labels: EntityLabel[] | null = wanted ? ENTITY_LABELS.filter((l) => wanted.has(l)) : null;
  const results: SearchResult[] = await ctx.executor.withRead((run) => find(run, text, labels, first));
  prime(
    ctx,
    results.map((r) => r.entity),
  );
  return results.map((r) => r.hit);
}

export const exploreResolvers: Resolvers = {
  Query: {
    search: (_, args, ctx) => hits(ctx, searchEntities, args.text, args.types, args.first),
    autocomplete: (_, args, ctx) => hits(ctx, autocompleteEntities, args.text, args.types, args.first),
    paths: async (_, args, ctx) => {
      const found = await ctx.executor.withRead((run) =>
        findPaths(run, args.from, args.to, args.maxHops, args.first),
      );
      prime(ctx, found.entities);
      return found.paths;
    },
    subgraph: (_, args, ctx, info) => {
      const at = args.at ? period(args.at) : null;
      const opts = {
        ids: args.ids,
        depth: args.depth,
        maxNodes: args.maxNodes,
        types: args.types ?? null,
        at,
        properties: {
          nodes: selectsPath(info, ['nodes', 'properties']),
          edges: selectsPath(info, ['edges', 'properties']),
        },
      };
      return ctx.executor.withRead((run) => fetchSubgraph(run, opts));
    },
    commonThemes: async (_, args, ctx) => {
      const themes = await ctx.executor.withRead((run) => commonThemes(run, args.ids));
      prime(ctx, themes);
      return only(themes, 'Theme');
    },
    timeline: async (_, args, ctx) => {
      const filter = {
        countries: args.countries ?? null,
        from: args.from ? period(args.from, 'from').from : null,
        to: args.to ? period(args.to, 'to').to : null,
      };
      const found = await ctx.executor.withRead((run) => timeline(run, filter));
      prime(ctx, found.entities);
      return found.entries;
    },
  },
  SearchHit: {
    node: (h, _, ctx) => entity(ctx, h.id),
  },
  Path: {
    length: (p) => p.edges.length,
    nodes: (p, _, ctx) => Promise.all(p.nodeIds.map((id) => entity(ctx, id))),
  },
  Edge: {
    sources: (e, _, ctx) => sources(ctx, e.sources),
  },
  GraphEdge: {
    // Visualisation tools get provenance inline, as document ids.
    properties: (e) => ({ ...e.properties, sources: e.sources }),
  },
  TimelineEntry: {
    node: (t, _, ctx) => entity(ctx, t.id),
  },
};
