// Small whole-graph listings: the countries present and the newest source documents.
import { BadInputError } from '../errors';
import { int, type Runner } from '../executor';
import type { EntityRow } from '../model';
import { entityFromRow } from './rows';

const COUNTRIES = 'MATCH (n:Country) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.sortKey';
const SOURCES = `MATCH (n:Source) RETURN labels(n) AS labels, properties(n) AS props
  ORDER BY n.published DESC, n.id LIMIT $first`;

const rowsToEntities = (rows: Record<string, unknown>[]) =>
  rows.map(entityFromRow).filter((e): e is EntityRow => e !== undefined);

export async function allCountries(run: Runner): Promise<EntityRow[]> {
  return rowsToEntities(await run(COUNTRIES));
}

export async function latestSources(run: Runner, first: number): Promise<EntityRow[]> {
  if (!Number.isInteger(first) || first < 0 || first > 200)
    throw new BadInputError('first: must be between 0 and 200');
  return rowsToEntities(await run(SOURCES, { first: int(first) }));
}
