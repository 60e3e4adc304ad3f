// A whole nested selection in one statement. The DataLoaders cost one statement per level of a GraphQL selection;
// a prefetch runs the loaders' own Cypher bodies for every level at once, each level keyed by the ids the level
// above returned, in the same statement, and primes the loaders with the results. The resolvers then run as they
// always do and find every answer cached: same queries, same order, same rows, one round trip.
import type DataLoader from 'dataloader';
import type { Runner } from './executor';
import type { Loaders } from './loaders';
import type { EntityLabel, EntityRow } from './model';
import { EDGE_BODIES, EDGE_DECODERS, type EdgeKind } from './queries/edges';
import { NEIGHBOUR_BODIES, type NeighbourKind } from './queries/neighbours';
import { entityFromRow, groupById } from './queries/rows';

/** What one level reads: an edge loader's rows, a neighbour loader's entities, or entities of one label by id. */
export type PrefetchSource = { edge: EdgeKind } | { neighbour: NeighbourKind } | { entity: EntityLabel };

/** Fields of edge rows that hold the ids of the level below (fixed names: nothing from a request reaches Cypher). */
export type RowKey = 'personId' | 'organizationId' | 'dialogueId' | 'themeId' | 'onBehalfOf';
export type RowListKey = 'dialogueIds' | 'sources';
/** Country codes held by a row or an entity (`countries` is a list), turned into country ids as countryId does. */
export type CountryKey = 'country' | 'host' | 'countries';

export interface PrefetchStep {
  source: PrefetchSource;
  /**
   * Where this level's keys come from: `id`, the ids of the entities the level above returned (or the root ids);
   * otherwise a field of the edge rows the level above returned.
   */
  keyFrom: 'id' | RowKey | RowListKey | CountryKey;
  /** For loaders keyed by `id|from|to` (membersAtKey): the period, sent as parameters. */
  period?: { from: string; to: string };
  children: PrefetchStep[];
}

/** Levels beyond this many are left to the loaders: one statement should not grow without bound. */
export const MAX_PREFETCH_STEPS = 24;

const LIST_KEYS: ReadonlySet<string> = new Set<RowListKey>(['dialogueIds', 'sources']);
const COUNTRY_KEYS: ReadonlySet<string> = new Set<CountryKey>(['country', 'host', 'countries']);

interface Flat {
  step: PrefetchStep;
  parent: number | null;
}

/** The steps in breadth-first order (a parent always before its children), at most MAX_PREFETCH_STEPS. */
export function flattenSteps(roots: readonly PrefetchStep[]): Flat[] {
  const out: Flat[] = [];
  const queue: Flat[] = roots.map((step) => ({ step, parent: null }));
  while (queue.length > 0 && out.length < MAX_PREFETCH_STEPS) {
    const next = queue.shift() as Flat;
    const index = out.length;
    out.push(next);
    for (const child of next.step.children) queue.push({ step: child, parent: index });
  }
  return out;
}

function body(source: PrefetchSource): { cypher: string; item: string } {
  if ('edge' in source) return { cypher: EDGE_BODIES[source.edge], item: '{id: id, row: row}' };
  const cypher =
    'neighbour' in source
      ? NEIGHBOUR_BODIES[source.neighbour]
      : `MATCH (m:${source.entity} {id: id}) RETURN id, labels(m) AS labels, properties(m) AS props`;
  return { cypher, item: '{id: id, labels: labels, props: props}' };
}

function keysExpr(flat: readonly Flat[], i: number): string {
  const { step, parent } = flat[i] as Flat;
  if (parent === null) {
    if (step.keyFrom !== 'id') throw new Error(`prefetch: a root level is keyed by id, not ${step.keyFrom}`);
    return 'ids';
  }
  const fromEdge = 'edge' in (flat[parent] as Flat).step.source;
  const s = `s${parent}`;
  if (COUNTRY_KEYS.has(step.keyFrom)) {
    const codes = `x.${fromEdge ? 'row' : 'props'}.${step.keyFrom}`;
    const list = step.keyFrom === 'countries' ? `coalesce(${codes}, [])` : `[${codes}]`;
    return `COLLECT { UNWIND ${s} AS x UNWIND ${list} AS c WITH DISTINCT 'country:' + toLower(c) AS k RETURN k }`;
  }
  if (fromEdge === (step.keyFrom === 'id'))
    throw new Error(`prefetch: level ${i} cannot take ${step.keyFrom} from its parent's rows`);
  if (step.keyFrom === 'id') {
    const key = step.period ? `x.props.id + '|' + $from${i} + '|' + $to${i}` : 'x.props.id';
    return `COLLECT { UNWIND ${s} AS x WITH DISTINCT ${key} AS k RETURN k }`;
  }
  if (LIST_KEYS.has(step.keyFrom))
    return `COLLECT { UNWIND ${s} AS x UNWIND x.row.${step.keyFrom} AS k WITH DISTINCT k RETURN k }`;
  return `COLLECT { UNWIND ${s} AS x WITH DISTINCT x.row.${step.keyFrom} AS k WHERE k IS NOT NULL RETURN k }`;
}

/** The one statement: per level, its keys (k<i>) and the rows of its body for those keys (s<i>), in body order. */
export function prefetchCypher(flat: readonly Flat[]): string {
  const parts = ['WITH $ids AS ids'];
  flat.forEach(({ step }, i) => {
    const { cypher, item } = body(step.source);
    parts.push(
      `WITH *, ${keysExpr(flat, i)} AS k${i}`,
      `CALL (k${i}) { CALL (k${i}) { UNWIND k${i} AS id ${cypher} } RETURN collect(${item}) AS s${i} }`,
    );
  });
  parts.push(`RETURN ${flat.map((_, i) => `k${i}, s${i}`).join(', ')}`);
  return parts.join('\n');
}

type Raw = Record<string, unknown>;

function primeEdge<V>(loader: DataLoader<string, V[]>, decode: (r: Raw) => V, keys: string[], items: Raw[]) {
  for (const [k, rows] of groupById(keys, items, (x) => decode((x.row ?? {}) as Raw))) loader.prime(k, rows);
}

function primeEdges(loaders: Loaders, kind: EdgeKind, keys: string[], items: Raw[]): void {
  switch (kind) {
    case 'positionsByPerson':
      return primeEdge(loaders.positionsByPerson, EDGE_DECODERS[kind], keys, items);
    case 'positionsByOrganization':
      return primeEdge(loaders.positionsByOrganization, EDGE_DECODERS[kind], keys, items);
    case 'positionsByOrganizationAt':
      return primeEdge(loaders.positionsByOrganizationAt, EDGE_DECODERS[kind], keys, items);
    case 'attendanceByPerson':
      return primeEdge(loaders.attendanceByPerson, EDGE_DECODERS[kind], keys, items);
    case 'attendanceByDialogue':
      return primeEdge(loaders.attendanceByDialogue, EDGE_DECODERS[kind], keys, items);
    case 'counterpartsByPerson':
      return primeEdge(loaders.counterparts, EDGE_DECODERS[kind], keys, items);
    case 'themesByDialogue':
      return primeEdge(loaders.discussedThemes, EDGE_DECODERS[kind], keys, items);
    case 'partiesByAgreement':
      return primeEdge(loaders.parties, EDGE_DECODERS[kind], keys, items);
  }
}

function primeLevel(loaders: Loaders, source: PrefetchSource, keys: string[], items: Raw[]): void {
  if ('edge' in source) return primeEdges(loaders, source.edge, keys, items);
  const grouped = groupById<EntityRow>(keys, items, entityFromRow);
  for (const [k, entities] of grouped) {
    for (const e of entities) loaders.entity.prime(e.id, e);
    if ('neighbour' in source) loaders.neighbours[source.neighbour].prime(k, entities);
    else loaders.entity.prime(k, entities[0] ?? null);
  }
}

/**
 * Runs the steps below the root entities `ids` as one statement and primes the loaders. Returns the number of
 * levels fetched (those beyond MAX_PREFETCH_STEPS are left to the loaders).
 */
export async function prefetch(
  run: Runner,
  loaders: Loaders,
  ids: readonly string[],
  roots: readonly PrefetchStep[],
): Promise<number> {
  const flat = flattenSteps(roots);
  if (flat.length === 0) return 0;
  const params: Record<string, unknown> = { ids: [...new Set(ids)] };
  flat.forEach(({ step }, i) => {
    if (step.period) Object.assign(params, { [`from${i}`]: step.period.from, [`to${i}`]: step.period.to });
  });
  const [record] = await run(prefetchCypher(flat), params);
  if (record === undefined) return 0;
  flat.forEach(({ step }, i) => {
    const keys = (record[`k${i}`] as unknown[]).map(String);
    primeLevel(loaders, step.source, keys, record[`s${i}`] as Raw[]);
  });
  return flat.length;
}
