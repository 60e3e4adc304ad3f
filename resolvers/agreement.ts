// Agreement and the agreement/agreements root fields, compiled with everything selected below them into one statement (graph/read/).
import { readOne, readRequired } from '../graph/read/read';
import type { Resolvers } from './__generated__/types';

export const agreementResolvers: Resolvers = {
  Query: {
    agreement: (_, args, ctx, info) => readOne(ctx.executor, info, args),
    agreements: (_, args, ctx, info) => readRequired(ctx.executor, info, args),
  },
};
