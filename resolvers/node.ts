// The Node interface: type resolution from the row's __typename, and node/nodes by id.
import { BadInputError } from '../graph/errors';
import type { Resolvers } from './__generated__/types';

export const MAX_IDS = 500;

export const nodeResolvers: Resolvers = {
  Node: {
    __resolveType: (n) => n.__typename,
  },
  Query: {
    node: (_, args, ctx) => ctx.loaders.entity.load(args.id),
    nodes: async (_, args, ctx) => {
      if (args.ids.length > MAX_IDS) throw new BadInputError(`ids: at most ${MAX_IDS}`);
      const rows = await ctx.loaders.entity.loadMany(args.ids);
      return rows.map((r) => (r instanceof Error ? null : r));
    },
  },
};
