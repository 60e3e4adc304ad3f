// Resolver pieces used by several types: lookup by id or name, the generic `relations` field, Relation itself.
import { BadInputError } from '../graph/errors';
import { findByName } from '../graph/queries/lookup';
import { ID_PREFIX, type EntityLabel, type EntityRow } from '../graph/model';
import type { EdgeType, Resolvers } from './__generated__/types';
import type { GraphContext } from './context';
import { sources } from './util';

type Typed<T extends EntityLabel> = Extract<EntityRow, { __typename: T }>;

/** `person(id:, name:)` and friends: exactly one of the two; by name may raise AmbiguousNameError. */
export async function byIdOrName<T extends EntityLabel>(
  ctx: GraphContext,
  label: T,
  id: string | null | undefined,
  name: string | null | undefined,
): Promise<Typed<T> | null> {
  if ((id == null) === (name == null)) throw new BadInputError('Give exactly one of id or name.');
  if (id != null) {
    if (!id.startsWith(`${ID_PREFIX[label]}:`)) return null;
    const e = await ctx.loaders.entity.load(id);
    return e?.__typename === label ? (e as Typed<T>) : null;
  }
  if ((name ?? '').length > 500) throw new BadInputError('name: longer than 500 characters');
  const e = await ctx.executor.withRead((run) => findByName(run, label, name ?? ''));
  if (e === null || e.__typename !== label) return null;
  ctx.loaders.entity.prime(e.id, e);
  return e as Typed<T>;
}

export function relationsOf(ctx: GraphContext, id: string, types: readonly EdgeType[] | null | undefined) {
  const key = types && types.length > 0 ? `${id}|${[...new Set(types)].sort().join(',')}` : id;
  return ctx.loaders.relations.load(key);
}

export const relationResolvers: Resolvers = {
  Relation: {
    node: async (r, _, ctx) => {
      const e = await ctx.loaders.entity.load(r.nodeId);
      if (e === null) throw new Error(`internal: related node ${r.nodeId} is missing`);
      return e;
    },
    sources: (r, _, ctx) => sources(ctx, r.sources),
  },
};
