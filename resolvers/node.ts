// The Node interface: the concrete type each projection carries, and node/nodes by id.
import { readOne, readSparseList } from '../graph/read/read';
import { ENTITY_LABELS } from '../graph/model';
import type { Resolvers } from './__generated__/types';

export const nodeResolvers: Resolvers = {
  Node: {
    __resolveType: (n) => ENTITY_LABELS.find((l) => l === n.typename) ?? null,
  },
  Query: {
    node: (_, args, ctx, info) => readOne(ctx.executor, info, args),
    nodes: (_, args, ctx, info) => readSparseList(ctx.executor, info, args),
  },
};
