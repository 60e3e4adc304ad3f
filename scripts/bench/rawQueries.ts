// The floor of the query benchmark: each shape as hand-written Cypher through neo4j-driver, returning the same
// answer as the API (same rows, same order where the API promises one) in as few round trips as the answer
// allows: one statement per shape, except the capped subgraph, whose per-level caps depend on the level before.
import type { GraphExecutor, Runner } from '../../graph/executor';
import { EDGE_TYPES, ENTITY_LABELS, labelOfId, type EntityLabel } from '../../graph/model';
import { int } from '../../graph/executor';
import { PATH_TYPES } from './targets';

const ENTITY_NESTED = `
MATCH (nm:Name {norm: $norm}) WHERE nm.label = 'Person'
MATCH (nm)-[:NAMES]->(p:Person)
CALL (p) {
  MATCH (p)-[r:HOLDS_POST]->(o:Organization)
  CALL (o) {
    CALL (o) {
      MATCH (:Person)-[a:ATTENDED]->(d:Dialogue) WHERE a.onBehalfOf = o.id RETURN d
      UNION MATCH (d:Dialogue)-[:WORKING_GROUP]->(o) RETURN d
    }
    WITH d ORDER BY d.startKey DESC
    CALL (d) {
      MATCH (d)-[:DISCUSSED]->(t:Theme)
      WITH t ORDER BY t.sortKey
      RETURN collect({id: t.id, name: t.name}) AS themes
    }
    RETURN collect({id: d.id, name: d.name, themes: themes}) AS dialogues
  }
  WITH r, o, dialogues ORDER BY r.validTo DESC, r.title
  RETURN collect({title: r.title, organization: {id: o.id, name: o.name, dialogues: dialogues}}) AS positions
}
RETURN p.id AS id, p.name AS name, positions`;

const COUNTERPARTS = `
MATCH (p:Person {id: $id})-[a:ATTENDED]->(d:Dialogue)<-[b:ATTENDED]-(q:Person)
WHERE q <> p AND coalesce(b.country, q.country) <> coalesce(a.country, p.country)
WITH q, collect(DISTINCT {id: d.id, name: d.name}) AS dialogues
RETURN {person: {id: q.id, name: q.name}, dialogues: dialogues} AS counterpart
ORDER BY size(dialogues) DESC, q.sortKey`;

const MEMBERS_AT = `
MATCH (o:Organization {id: $id})
CALL (o) {
  OPTIONAL MATCH (p:Person)-[r:HOLDS_POST]->(o) WHERE r.validFrom <= $at AND r.validTo >= $at
  WITH p, r ORDER BY p.sortKey, r.title
  RETURN collect(CASE WHEN p IS NULL THEN null ELSE
    {person: {id: p.id, name: p.name}, title: r.title, from: r.from, to: r.to} END) AS members
}
RETURN o.id AS id, o.name AS name, members`;

const SUBGRAPH_TYPES = EDGE_TYPES.join('|');

/** The start node and its first level, per label (the id's prefix says which index to use). */
const SUBGRAPH_FIRST = Object.fromEntries(
  ENTITY_LABELS.map((l) => [
    l,
    `MATCH (h:${l} {id: $id})
CALL (h) {
  MATCH (h)-[:${SUBGRAPH_TYPES}]-(m) WHERE m <> h
  RETURN m LIMIT $cap
}
WITH h, m WITH DISTINCT h, m LIMIT $cap
RETURN elementId(h) AS start, h.id AS startId, labels(h)[0] AS startType,
  coalesce(h.name, h.title) AS startLabel, elementId(m) AS eid, m.id AS id, labels(m)[0] AS type,
  coalesce(m.name, m.title) AS label`,
  ]),
) as Record<EntityLabel, string>;

/** The next level: frontier nodes fewest-edges first, each read only as far as the cap, as the API does. */
const SUBGRAPH_LEVEL = `
MATCH (n) WHERE elementId(n) IN $frontier
WITH n ORDER BY COUNT { (n)-[:${SUBGRAPH_TYPES}]-() }, n.id
CALL (n) {
  MATCH (n)-[:${SUBGRAPH_TYPES}]-(m) WHERE NOT elementId(m) IN $seen
  RETURN m LIMIT $cap
}
WITH DISTINCT m LIMIT $cap
RETURN elementId(m) AS eid, m.id AS id, labels(m)[0] AS type, coalesce(m.name, m.title) AS label`;

const SUBGRAPH_EDGES = `
MATCH (n)-[r:${SUBGRAPH_TYPES}]->(m)
WHERE elementId(n) IN $all AND elementId(m) IN $all
RETURN type(r) AS type, n.id AS source, m.id AS target, r.titleKey AS titleKey`;

const SHORTEST_PATH = `
MATCH (a:Person {id: $from})
MATCH (b:Person {id: $to})
MATCH p = allShortestPaths((a)-[:${PATH_TYPES}*..6]-(b))
WITH p LIMIT 1
RETURN [n IN nodes(p) | n.id] AS nodes,
  [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id}] AS edges`;

export type Json = Record<string, unknown>;

export function rawEntity(executor: GraphExecutor, norm: string): Promise<Json[]> {
  return executor.read(ENTITY_NESTED, { norm });
}

export async function rawCounterparts(executor: GraphExecutor, id: string): Promise<Json[]> {
  return (await executor.read(COUNTERPARTS, { id })).map((r) => r.counterpart as Json);
}

export function rawMembers(executor: GraphExecutor, id: string, at: string): Promise<Json[]> {
  return executor.read(MEMBERS_AT, { id, at });
}

export function rawPath(executor: GraphExecutor, from: string, to: string): Promise<Json[]> {
  return executor.read(SHORTEST_PATH, { from, to });
}

export interface RawSubgraph {
  truncated: boolean;
  nodes: { id: string; type: string; label: string }[];
  edges: { id: string; type: string; source: string; target: string }[];
}

interface Found {
  eid: string;
  id: string;
  type: string;
  label: string;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const found = (r: Json): Found => ({
  eid: String(r.eid),
  id: String(r.id),
  type: String(r.type),
  label: String(r.label),
});

/** Breadth-first to `depth` (1 or 2 here), at most `maxNodes` nodes, with the API's cut-off rules. */
async function subgraphIn(run: Runner, id: string, depth: number, maxNodes: number): Promise<RawSubgraph> {
  const label = labelOfId(id) ?? 'Person';
  const first = await run(SUBGRAPH_FIRST[label], { id, cap: int(maxNodes) });
  const start = first[0];
  if (start === undefined) return { truncated: false, nodes: [], edges: [] };
  const nodes: Found[] = [
    { eid: String(start.start), id, type: String(start.startType), label: String(start.startLabel) },
  ];
  let level = first.filter((r) => r.eid !== null).map(found);
  let truncated = false;
  for (let d = 1; d <= depth && level.length > 0; d++) {
    const room = maxNodes - nodes.length;
    if (level.length > room) truncated = true;
    const added = level.slice(0, room).sort(byId);
    nodes.push(...added);
    if (truncated || d === depth) break;
    const rows = await run(SUBGRAPH_LEVEL, {
      frontier: added.map((n) => n.eid),
      seen: nodes.map((n) => n.eid),
      cap: int(maxNodes - nodes.length + 1),
    });
    level = rows.map(found);
  }
  const edges = (await run(SUBGRAPH_EDGES, { all: nodes.map((n) => n.eid) })).map((r) => {
    const type = String(r.type);
    const suffix = type === 'HOLDS_POST' ? `:${String(r.titleKey)}` : '';
    return {
      id: `${type}:${String(r.source)}->${String(r.target)}${suffix}`,
      type,
      source: String(r.source),
      target: String(r.target),
    };
  });
  return {
    truncated,
    nodes: nodes.map(({ id: nodeId, type, label: l }) => ({ id: nodeId, type, label: l })),
    edges: edges.sort(byId),
  };
}

export function rawSubgraph(
  executor: GraphExecutor,
  id: string,
  depth: number,
  maxNodes: number,
): Promise<RawSubgraph> {
  return executor.withRead((run) => subgraphIn(run, id, depth, maxNodes));
}
