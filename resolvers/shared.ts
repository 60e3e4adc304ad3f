// Resolver pieces used by several types: lookup by id or name, the generic `relations` field, Relation itself.
import type { GraphQLResolveInfo } from 'graphql';
import { BadInputError } from '../graph/errors';
import { prefetch, type PrefetchStep } from '../graph/prefetch';
import { findByName } from '../graph/queries/lookup';
import { ID_PREFIX, type EntityLabel, type EntityRow, type PageRow } from '../graph/model';
import type { EdgeType, Resolvers } from './__generated__/types';
import type { GraphContext } from './context';
import { connectionSteps, selectedSteps } from './lookahead';
import { sources, toConnection } from './util';

type Typed<T extends EntityLabel> = Extract<EntityRow, { __typename: T }>;

function prefetchBelow(ctx: GraphContext, label: EntityLabel, ids: readonly string[], below: PrefetchStep[]) {
  const root: PrefetchStep = { source: { entity: label }, keyFrom: 'id', children: below };
  return ctx.executor.withRead((run) => prefetch(run, ctx.loaders, ids, [root]));
}

/** A list page as a connection, with everything its selection reads below the entities fetched in one statement. */
export async function pageOf<T extends EntityLabel>(
  ctx: GraphContext,
  info: GraphQLResolveInfo,
  label: T,
  page: PageRow<EntityRow>,
) {
  const below = ctx.config.prefetch ? connectionSteps(info) : [];
  const ids = page.items.map((i) => i.node.id);
  for (const i of page.items) ctx.loaders.entity.prime(i.node.id, i.node);
  if (below.length > 0 && ids.length > 0) await prefetchBelow(ctx, label, ids, below);
  return toConnection(page, label);
}

/** `person(id:, name:)` and friends: exactly one of the two; by name may raise AmbiguousNameError. */
export async function byIdOrName<T extends EntityLabel>(
  ctx: GraphContext,
  info: GraphQLResolveInfo,
  label: T,
  id: string | null | undefined,
  name: string | null | undefined,
): Promise<Typed<T> | null> {
  if ((id == null) === (name == null)) throw new BadInputError('Give exactly one of id or name.');
  const below = ctx.config.prefetch ? selectedSteps(info) : [];
  if (id != null) {
    if (!id.startsWith(`${ID_PREFIX[label]}:`)) return null;
    // The entity itself and everything selected below it, in one statement.
    if (below.length > 0) await prefetchBelow(ctx, label, [id], below);
    const e = await ctx.loaders.entity.load(id);
    return e?.__typename === label ? (e as Typed<T>) : null;
  }
  if ((name ?? '').length > 500) throw new BadInputError('name: longer than 500 characters');
  const e = await ctx.executor.withRead((run) => findByName(run, label, name ?? ''));
  if (e === null || e.__typename !== label) return null;
  ctx.loaders.entity.prime(e.id, e);
  if (below.length > 0) await prefetchBelow(ctx, label, [e.id], below);
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
