// Query.changes: the edit history, compiled with everything selected below it into one statement (graph/read/).
import { readRequired } from '../graph/read/read';
import type { Resolvers } from './__generated__/types';

export const historyResolvers: Resolvers = {
  Query: {
    changes: (_, args, ctx, info) => readRequired(ctx.executor, info, args),
  },
};
