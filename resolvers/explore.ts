// Placeholder replaced by the graph-exploration resolvers (search, paths, subgraph, commonThemes, timeline).
import type { Resolvers } from './__generated__/types';

export const exploreResolvers: Resolvers = {};
