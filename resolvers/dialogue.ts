// Dialogue and the dialogue/dialogues root fields, compiled with everything selected below them into one statement (graph/read/).
import { readOne, readRequired } from '../graph/read/read';
import type { Resolvers } from './__generated__/types';

export const dialogueResolvers: Resolvers = {
  Query: {
    dialogue: (_, args, ctx, info) => readOne(ctx.executor, info, args),
    dialogues: (_, args, ctx, info) => readRequired(ctx.executor, info, args),
  },
};
