// Theme and the theme/themes root fields, compiled with everything selected below them into one statement (graph/read/).
import { readOne, readRequired } from '../graph/read/read';
import type { Resolvers } from './__generated__/types';

export const themeResolvers: Resolvers = {
  Query: {
    theme: (_, args, ctx, info) => readOne(ctx.executor, info, args),
    themes: (_, args, ctx, info) => readRequired(ctx.executor, info, args),
  },
};
