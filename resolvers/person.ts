// Person and the person/people root fields. Every field below them is compiled into the root's one statement
// (graph/read/); these resolvers only hand the selection over.
import { readOne, readRequired } from '../graph/read/read';
import type { Resolvers } from './__generated__/types';

export const personResolvers: Resolvers = {
  Query: {
    person: (_, args, ctx, info) => readOne(ctx.executor, info, args),
    people: (_, args, ctx, info) => readRequired(ctx.executor, info, args),
  },
};
