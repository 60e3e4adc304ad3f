// Shortest paths between two entities over the facts documents assert (and the theme hierarchy), ignoring edge
// direction. Mentions are not followed: every document mentions many entities, so they would short-circuit
// everything into two hops through a source. Edges are returned as stored, with provenance.
import { BadInputError, NotFoundError } from '../errors';
import { int, type Runner } from '../executor';
import {
  EDGE_TYPES,
  FACT_EDGE_TYPES,
  labelOfId,
  type EdgeRow,
  type EntityLabel,
  type PathRow,
} from '../model';
import { member, str, strs } from './rows';

export const PATHS_MAX_HOPS = 8;
export const PATHS_MAX_FIRST = 10;

const PATH_TYPES = [...FACT_EDGE_TYPES, 'BROADER'].join('|');

// Variable-length bounds cannot be parameters and labels cannot be either, so there is one statement per pair of
// end labels and hop limit (1..8), all fixed text, built on first use. The ends are found through their labels'
// id indexes, and whether each exists comes back with the paths: one statement, one round trip.
const SHORTEST = new Map<string, string>();
function shortestQuery(from: EntityLabel, to: EntityLabel, hops: number): string {
  const key = `${from}|${to}|${hops}`;
  let q = SHORTEST.get(key);
  if (q === undefined) {
    q = `
OPTIONAL MATCH (a:${from} {id: $from})
OPTIONAL MATCH (b:${to} {id: $to})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[:${PATH_TYPES}*..${hops}]-(b))
  WITH p LIMIT $first
  RETURN collect({
    nodes: [n IN nodes(p) | n.id],
    edges: [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r)}]
  }) AS paths
}
RETURN a IS NOT NULL AS hasFrom, b IS NOT NULL AS hasTo, paths`;
    SHORTEST.set(key, q);
  }
  return q;
}

/**
 * Bookkeeping properties kept off the public edge: provenance has its own field, the keys are for matching, and
 * `claims` (which document claimed what, on posts, attendances, editions and themes) and `claim` (on MENTIONS)
 * are the write path's record for revising and retracting documents.
 */
const HIDDEN_EDGE_PROPERTIES = new Set(['sources', 'titleKey', 'fromKey', 'toKey', 'claims', 'claim', 'via']);

type Raw = Record<string, unknown>;

export const records = (v: unknown): Raw[] =>
  Array.isArray(v) ? v.filter((x): x is Raw => typeof x === 'object' && x !== null) : [];

/**
 * An edge as stored, from `{type, source, target, props}`. Its id is stable: `TYPE:source->target`, plus the
 * normalised title for posts, since one person can hold several posts in one organisation.
 */
export function edgeRowFrom(r: Raw): EdgeRow {
  const type = member(EDGE_TYPES, r.type, 'path edge type');
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
  /** Node ids and edges of each path; what the selection asks of the nodes is projected by graph/read/. */
  paths: PathRow[];
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
  const labelFrom = labelOfId(from);
  const labelTo = labelOfId(to);
  if (labelFrom === undefined) throw new NotFoundError(`from: no entity with id ${from}`);
  if (labelTo === undefined) throw new NotFoundError(`to: no entity with id ${to}`);
  const [row] = await run(shortestQuery(labelFrom, labelTo, maxHops), { from, to, first: int(first) });
  if (row?.hasFrom !== true) throw new NotFoundError(`from: no entity with id ${from}`);
  if (row.hasTo !== true) throw new NotFoundError(`to: no entity with id ${to}`);
  const rows = records(row.paths);
  const paths = rows.map((r): PathRow => ({
    nodeIds: strs(r.nodes),
    edges: records(r.edges).map(edgeRowFrom),
  }));
  // The engine returns equally short paths in no promised order: sort them so answers are stable.
  paths.sort((p, q) => p.nodeIds.join('\n').localeCompare(q.nodeIds.join('\n')));
  return { paths };
}
