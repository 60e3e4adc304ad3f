// The default field resolver: a compiled answer (graph/read/) is a map keyed by response keys, so a field reads
// its alias; anything else (drafts, ingest reports, subgraphs) is read by field name as graphql-js does.
import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import { Projected } from '../graph/read/decode';
import type { GraphContext } from './context';

export const readProjected: GraphQLFieldResolver<unknown, GraphContext> = (source, args, ctx, info) =>
  source instanceof Projected
    ? source.values[String(info.path.key)]
    : defaultFieldResolver(source, args, ctx, info);
