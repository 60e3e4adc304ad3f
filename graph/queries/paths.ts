// Shortest paths between two entities over the facts documents assert (and the theme hierarchy), ignoring edge
// direction. Mentions are not followed: every document mentions many entities, so they would short-circuit
// everything into two hops through a source. Edges are returned as stored, with provenance.
import { BadInputError, NotFoundError } from '../errors';
import { int, type Runner } from '../executor';
import {
  ENTITY_LABELS,
  FACT_EDGE_TYPES,
  labelOfId,
  type EdgeRow,
  type EdgeType,
  type EntityLabel,
  type EntityRow,
  type PathRow,
} from '../model';
import { entityFromRow, str, strs } from './rows';

export const PATHS_MAX_HOPS = 8;
export const PATHS_MAX_FIRST = 10;

const PATH_TYPES = [...FACT_EDGE_TYPES, 'BROADER'].join('|');

const ENDPOINT = Object.fromEntries(
  ENTITY_LABELS.map((l) => [l, `MATCH (n:${l} {id: $id}) RETURN elementId(n) AS eid`]),
) as Record<EntityLabel, string>;

// Variable-length bounds cannot be parameters, so there is one statement per hop limit (1..8), all fixed text.
// The ends were found by label-indexed lookups first; here they are sought by element id, within that transaction.
const SHORTEST = new Map(
  Array.from({ length: PATHS_MAX_HOPS }, (_, i) => [
    i + 1,
    `
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = allShortestPaths((a)-[:${PATH_TYPES}*..${i + 1}]-(b))
WITH p LIMIT $first
RETURN [n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes,
  [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r)}] AS edges`,
  ]),
);

/** Bookkeeping properties kept off the public edge: provenance has its own field, the keys are for matching. */
const HIDDEN_EDGE_PROPERTIES = new Set(['sources', 'titleKey', 'fromKey', 'toKey']);

type Raw = Record<string, unknown>;

export const records = (v: unknown): Raw[] =>
  Array.isArray(v) ? v.filter((x): x is Raw => typeof x === 'object' && x !== null) : [];

/**
 * An edge as stored, from `{type, source, target, props}`. Its id is stable: `TYPE:source->target`, plus the
 * normalised title for posts, since one person can hold several posts in one organisation.
 */
export function edgeRowFrom(r: Raw): EdgeRow {
  const type = str(r.type) as EdgeType;
  const source = str(r.source);
  const target = str(r.target);
  const props = (r.props ?? {}) as Raw;
  const properties = Object.fromEntries(
    Object.entries(props).filter(([k]) => !HIDDEN_EDGE_PROPERTIES.has(k)),
  );
  const suffix = type === 'HOLDS_POST' ? `:${str(props.titleKey)}` : '';
  return {
    id: `${type}:${source}->${target}${suffix}`,
    type,
    source,
    target,
    properties,
    sources: strs(props.sources),
  };
}

export interface PathsResult {
  paths: PathRow[];
  /** Every entity on the paths, for priming the entity loader. */
  entities: EntityRow[];
}

async function endpoint(run: Runner, id: string, arg: string): Promise<string> {
  const label = labelOfId(id);
  const rows = label === undefined ? [] : await run(ENDPOINT[label], { id });
  const eid = rows[0]?.eid;
  if (typeof eid !== 'string') throw new NotFoundError(`${arg}: no entity with id ${id}`);
  return eid;
}

export async function findPaths(
  run: Runner,
  from: string,
  to: string,
  maxHops: number,
  first: number,
): Promise<PathsResult> {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > PATHS_MAX_HOPS) {
    throw new BadInputError(`maxHops: must be between 1 and ${PATHS_MAX_HOPS}`);
  }
  if (!Number.isInteger(first) || first < 1 || first > PATHS_MAX_FIRST) {
    throw new BadInputError(`first: must be between 1 and ${PATHS_MAX_FIRST}`);
  }
  if (from === to) throw new BadInputError('from, to: must be two different entities');
  const a = await endpoint(run, from, 'from');
  const b = await endpoint(run, to, 'to');
  const rows = await run(SHORTEST.get(maxHops) ?? '', { from: a, to: b, first: int(first) });
  const entities = new Map<string, EntityRow>();
  const paths = rows.map((r): PathRow => {
    const nodeIds = records(r.nodes).flatMap((n) => {
      const e = entityFromRow(n);
      if (e !== undefined) entities.set(e.id, e);
      return e ? [e.id] : [];
    });
    return { nodeIds, edges: records(r.edges).map(edgeRowFrom) };
  });
  // The engine returns equally short paths in no promised order: sort them so answers are stable.
  paths.sort((p, q) => p.nodeIds.join('\n').localeCompare(q.nodeIds.join('\n')));
  return { paths, entities: [...entities.values()] };
}
