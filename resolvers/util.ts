// Small helpers shared by resolvers: typed entity loading, provenance lists, and connection shapes.
import { isValidPartialDate, lowerBound, upperBound } from '../graph/dates';
import { BadInputError } from '../graph/errors';
import type { EntityRow, PageRow, SourceEntity } from '../graph/model';
import type { GraphContext } from './context';

type Typed<T extends EntityRow['__typename']> = Extract<EntityRow, { __typename: T }>;

/** Loads one entity of an expected type; null when missing or of another type. */
export async function load<T extends EntityRow['__typename']>(
  ctx: GraphContext,
  id: string | null | undefined,
  type: T,
): Promise<Typed<T> | null> {
  if (id === null || id === undefined) return null;
  const e = await ctx.loaders.entity.load(id);
  return e !== null && e.__typename === type ? (e as Typed<T>) : null;
}

/** Loads many entities of one type, in order, dropping unknown ids. */
export async function loadMany<T extends EntityRow['__typename']>(
  ctx: GraphContext,
  ids: readonly string[],
  type: T,
): Promise<Typed<T>[]> {
  const rows = await ctx.loaders.entity.loadMany(ids);
  return rows.filter((e): e is Typed<T> => e !== null && !(e instanceof Error) && e.__typename === type);
}

/** Source documents for a list of source ids (provenance on edges). */
export function sources(ctx: GraphContext, ids: readonly string[]): Promise<SourceEntity[]> {
  return loadMany(ctx, ids, 'Source');
}

/** Only entities of one type from a neighbour list. */
export function only<T extends EntityRow['__typename']>(rows: EntityRow[], type: T): Typed<T>[] {
  return rows.filter((e): e is Typed<T> => e.__typename === type);
}

/** Checks a Date argument and returns the period it covers. */
export function period(at: string, arg = 'at'): { from: string; to: string } {
  if (!isValidPartialDate(at))
    throw new BadInputError(`${arg}: expected a real date as yyyy, yyyy-mm or yyyy-mm-dd`);
  return { from: lowerBound(at), to: upperBound(at) };
}

/** A connection of one entity type from a list page (rows of another type, which cannot occur, are dropped). */
export function toConnection<T extends EntityRow['__typename']>(page: PageRow<EntityRow>, type: T) {
  const items = page.items.flatMap((i) =>
    i.node.__typename === type ? [{ cursor: i.cursor, node: i.node as Typed<T> }] : [],
  );
  const last = items[items.length - 1];
  return {
    edges: items,
    nodes: items.map((i) => i.node),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: last?.cursor ?? null },
    totalCount: page.totalCount,
  };
}

/** Loads an entity an edge points at; a dangling edge is a data bug, reported as an internal error. */
export async function need<T extends EntityRow['__typename']>(
  ctx: GraphContext,
  id: string,
  type: T,
): Promise<Typed<T>> {
  const e = await load(ctx, id, type);
  if (e === null) throw new Error(`internal: ${type} ${id} referenced by an edge is missing`);
  return e;
}
