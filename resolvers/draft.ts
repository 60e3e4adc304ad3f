// Query.draftReadout: the drafter (graph/drafter/) on a release's text; reads the graph to match entities and to
// validate the draft, writes nothing, so it needs no token.
import { draftReadout } from '../graph/drafter/draft';
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
    node: (m, _, ctx) => (m.nodeId === null ? null : ctx.loaders.entity.load(m.nodeId)),
  },
};
