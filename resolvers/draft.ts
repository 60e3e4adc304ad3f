// Query.draftReadout: the drafter (graph/drafter/) on a release's text; reads the graph to match entities and to
// validate the draft, writes nothing, so it needs no token.
import { draftReadout } from '../graph/drafter/draft';
import { readOne } from '../graph/read/read';
import { ENTITY_BY_ID } from '../graph/read/roots';
import type { Resolvers } from './__generated__/types';

export const draftResolvers: Resolvers = {
  Query: {
    draftReadout: (_, args, ctx) =>
      draftReadout(ctx.executor, args.text, {
        published: args.published ?? undefined,
        url: args.url ?? undefined,
        publisher: args.publisher ?? undefined,
      }),
  },
  DraftMatch: {
    node: (m, args, ctx, info) =>
      m.nodeId === null ? null : readOne(ctx.executor, info, args, { id: m.nodeId }, ENTITY_BY_ID),
  },
};
