// Country and Source root fields, compiled with their selections into one statement each (graph/read/).
import { readList, readOne } from '../graph/read/read';
import type { Resolvers } from './__generated__/types';

export const countryResolvers: Resolvers = {
  Query: {
    country: (_, args, ctx, info) => readOne(ctx.executor, info, args),
    countries: (_, args, ctx, info) => readList(ctx.executor, info, args),
    source: (_, args, ctx, info) => readOne(ctx.executor, info, args),
    sources: (_, args, ctx, info) => readList(ctx.executor, info, args),
  },
};
