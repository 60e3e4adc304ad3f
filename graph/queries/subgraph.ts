// The neighbourhood of some entities, breadth-first, as plain nodes and edges for visualisation tools. Costs one
// statement for the start nodes, one per level and one for the edges, whatever the number of nodes. Hubs (a
// country, a theme, a document) can have many thousands of neighbours, so each level reads at most as many new
// nodes as still fit (plus one, to know whether it was cut short) and never sorts a hub's whole neighbourhood.
import { BadInputError, NotFoundError } from '../errors';
import { int, type Runner } from '../executor';
import {
  EDGE_TYPES,
  ENTITY_LABELS,
  labelOfId,
  type EdgeType,
  type EntityLabel,
  type GraphNodeRow,
  type SubgraphRow,
} from '../model';
import { edgeRowFrom } from './paths';
import { entityFromRow, entityLabel, labelOf, publicProperties } from './rows';

export const SUBGRAPH_MAX_IDS = 100;
export const SUBGRAPH_MAX_DEPTH = 3;
export const SUBGRAPH_MAX_NODES = 2000;

/** Binds `n` to each node of $frontier ({Label: [ids]}) through the label's id index: no label-less scans. */
const FRONTIER = ENTITY_LABELS.map(
  (l) => `UNWIND $frontier.${l} AS id MATCH (n:${l} {id: id}) RETURN n`,
).join('\n  UNION ALL\n  ');

/** Posts are dropped unless held during $atFrom..$atTo (both null: no date filter); other edges always pass. */
const HELD = `($atFrom IS NULL OR type(r) <> 'HOLDS_POST' OR (r.validFrom <= $atTo AND r.validTo >= $atFrom))`;

/**
 * What a node row carries: every stored property (exports, `properties` selected) or just id and label (most
 * visualisations), which keeps a hub's neighbourhood from shipping every document's summary through Bolt.
 */
const nodeReturn = (v: string, properties: boolean) =>
  properties
    ? `RETURN labels(${v}) AS labels, properties(${v}) AS props`
    : `RETURN labels(${v}) AS labels, ${v}.id AS id, CASE WHEN ${v}:Source THEN ${v}.title ELSE ${v}.name END AS label`;

const startQuery = (properties: boolean) => `CALL () {
  ${FRONTIER}
}
${nodeReturn('n', properties)}`;

/**
 * One BFS level. Frontier nodes are taken fewest-edges first (degrees are stored counts, so this is cheap), so a
 * hub cannot crowd out the specific neighbours of people and dialogues; both LIMITs stop reading a hub early.
 */
const levelQuery = (types: string, properties: boolean) => `CALL () {
  ${FRONTIER}
}
WITH n ORDER BY COUNT { (n)-[:${types}]-() }, n.id
CALL (n) {
  MATCH (n)-[r:${types}]-(m)
  WHERE NOT m.id IN $seen AND ${HELD}
  RETURN m LIMIT $cap
}
WITH DISTINCT m LIMIT $cap
${nodeReturn('m', properties)}`;

/**
 * Edges among the chosen nodes, each found once from its start node (hubs have few outgoing edges). One row of
 * compact [type, source, target, properties] lists: a visualisation can have thousands, and records cost more.
 */
const edgesQuery = (types: string, properties: boolean) => `CALL () {
  ${FRONTIER}
}
MATCH (n)-[r:${types}]->(m)
WHERE m.id IN $ids AND ${HELD}
RETURN collect([type(r), n.id, m.id, ${properties ? 'properties(r)' : '{titleKey: r.titleKey}'}]) AS edges`;

interface Queries {
  start: string;
  level: string;
  edges: string;
}

/** Query texts per set of edge types and projection, built only from EDGE_TYPES itself. */
const QUERIES = new Map<string, Queries>();
function queriesFor(types: readonly EdgeType[], properties: SubgraphProperties): Queries {
  const typeList = EDGE_TYPES.filter((t) => types.includes(t)).join('|');
  const key = `${typeList} ${properties.nodes} ${properties.edges}`;
  let q = QUERIES.get(key);
  if (q === undefined) {
    q = {
      start: startQuery(properties.nodes),
      level: levelQuery(typeList, properties.nodes),
      edges: edgesQuery(typeList, properties.edges),
    };
    QUERIES.set(key, q);
  }
  return q;
}

function byLabel(ids: Iterable<string>): Record<EntityLabel, string[]> {
  const out = Object.fromEntries(ENTITY_LABELS.map((l) => [l, [] as string[]])) as Record<
    EntityLabel,
    string[]
  >;
  for (const id of ids) {
    const label = labelOfId(id);
    if (label !== undefined) out[label].push(id);
  }
  return out;
}

/** A node row of either projection; without properties, `properties` is left empty. */
function graphNodeFrom(row: Record<string, unknown>): GraphNodeRow | undefined {
  if (row.props !== undefined) {
    const e = entityFromRow(row);
    return e && { id: e.id, type: e.__typename, label: entityLabel(e), properties: publicProperties(e) };
  }
  const type = labelOf(row.labels);
  return (
    type && {
      id: String(row.id),
      type,
      label: typeof row.label === 'string' ? row.label : '',
      properties: {},
    }
  );
}

function checkInt(name: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new BadInputError(`${name}: must be between ${min} and ${max}`);
  }
}

export interface SubgraphOptions {
  ids: readonly string[];
  depth: number;
  maxNodes: number;
  /** Edge types to follow; null or empty: every exposed type. */
  types: readonly EdgeType[] | null;
  /** Keep only posts held during this period (bounds yyyy-mm-dd). */
  at: { from: string; to: string } | null;
  /** Whether nodes' and edges' stored properties are wanted (default: both); when not, they come back empty. */
  properties?: SubgraphProperties;
}

export interface SubgraphProperties {
  nodes: boolean;
  edges: boolean;
}

export async function fetchSubgraph(run: Runner, opts: SubgraphOptions): Promise<SubgraphRow> {
  const ids = [...new Set(opts.ids)];
  checkInt('ids', ids.length, 1, SUBGRAPH_MAX_IDS);
  checkInt('depth', opts.depth, 0, SUBGRAPH_MAX_DEPTH);
  checkInt('maxNodes', opts.maxNodes, 1, SUBGRAPH_MAX_NODES);
  const q = queriesFor(
    opts.types && opts.types.length > 0 ? opts.types : EDGE_TYPES,
    opts.properties ?? { nodes: true, edges: true },
  );
  const atParams = { atFrom: opts.at?.from ?? null, atTo: opts.at?.to ?? null };

  const found = new Map<string, GraphNodeRow>();
  for (const r of await run(q.start, { frontier: byLabel(ids) })) {
    const e = graphNodeFrom(r);
    if (e !== undefined) found.set(e.id, e);
  }
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new NotFoundError(`ids: no entity with id ${missing.join(', ')}`);

  // Start nodes in the order given; then each level, sorted by id, until depth or maxNodes is reached.
  const nodes = new Map<string, GraphNodeRow>();
  for (const id of ids.slice(0, opts.maxNodes)) {
    const e = found.get(id);
    if (e !== undefined) nodes.set(id, e);
  }
  let truncated = ids.length > opts.maxNodes;
  let frontier = [...nodes.keys()];
  for (let level = 1; level <= opts.depth && frontier.length > 0 && !truncated; level += 1) {
    const room = opts.maxNodes - nodes.size;
    const rows = await run(q.level, {
      frontier: byLabel(frontier),
      seen: [...nodes.keys()],
      cap: int(room + 1),
      ...atParams,
    });
    const next = rows.map(graphNodeFrom).filter((e): e is GraphNodeRow => e !== undefined);
    if (next.length > room) truncated = true;
    const added = next.slice(0, room).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const e of added) nodes.set(e.id, e);
    frontier = added.map((e) => e.id);
  }

  const all = [...nodes.keys()];
  const [edgeRow] = await run(q.edges, { frontier: byLabel(all), ids: all, ...atParams });
  const edges = (Array.isArray(edgeRow?.edges) ? (edgeRow.edges as unknown[][]) : [])
    .map(([type, source, target, props]) => edgeRowFrom({ type, source, target, props }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes: [...nodes.values()], edges, truncated };
}
