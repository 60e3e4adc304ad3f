// Organization and the organization/organizations root fields, compiled with everything selected below them into one statement (graph/read/).
import { readOne, readRequired } from '../graph/read/read';
import type { Resolvers } from './__generated__/types';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_, args, ctx, info) => readOne(ctx.executor, info, args),
    organizations: (_, args, ctx, info) => readRequired(ctx.executor, info, args),
  },
};
