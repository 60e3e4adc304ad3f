// What the query benchmark asks about, chosen from the generated graph itself by Cypher so that every request has
// a real answer of typical size: people with a moderate nested fan-out, organisations with members at a date,
// hubs, and pairs of people 4–6 hops apart. Deterministic: ordered by id, no randomness.
import { int, type GraphExecutor } from '../../graph/executor';
import { FACT_EDGE_TYPES } from '../../graph/model';

/** The relationship types `paths` follows: facts and the theme hierarchy, never mentions. */
export const PATH_TYPES = [...FACT_EDGE_TYPES, 'BROADER'].join('|');

/**
 * People whose name is theirs alone (a lookup by name is not ambiguous), who held at least two posts, and whose
 * posts' organisations add up to a moderate number of dialogues: the nested answer stays a readable size.
 */
const ENTITY_TARGETS = `
MATCH (:Person)-[a:ATTENDED]->(d:Dialogue)
WITH a.onBehalfOf AS orgId, count(DISTINCT d) AS dialogues
MATCH (:Organization {id: orgId})<-[:HOLDS_POST]-(p:Person)
WITH p, sum(dialogues) AS fanout, count(*) AS posts
WHERE posts >= 2 AND fanout >= $minFanout AND fanout <= $maxFanout
  AND COUNT { (:Name {norm: p.sortKey, label: 'Person'})-[:NAMES]->(:Person) } = 1
RETURN p.id AS id, p.name AS name, p.sortKey AS norm
ORDER BY p.id LIMIT $limit`;

const COUNTERPART_TARGETS = `
MATCH (p:Person)
WHERE COUNT { (p)-[:ATTENDED]->() } >= 2
RETURN p.id AS id, p.country AS country
ORDER BY p.id LIMIT $limit`;

/** Organisations with several posts, each with a date on which at least one of them was held. */
const MEMBER_TARGETS = `
MATCH (:Person)-[r:HOLDS_POST]->(o:Organization)
WHERE r.validFrom IS NOT NULL AND r.validTo IS NOT NULL
WITH o, r ORDER BY r.validFrom
WITH o, collect(r.validFrom) AS starts, count(*) AS posts
WHERE posts >= 3
RETURN o.id AS id, starts[posts / 2] AS at
ORDER BY posts DESC, o.id LIMIT $limit`;

/** The best-connected organisations and people: the neighbourhoods a visualisation is most often asked for. */
const HUB_TARGETS = `
CALL () {
  MATCH (n:Organization) RETURN n, COUNT { (n)--() } AS degree ORDER BY degree DESC, n.id LIMIT $limit
  UNION ALL
  MATCH (n:Person) RETURN n, COUNT { (n)--() } AS degree ORDER BY degree DESC, n.id LIMIT $limit
}
RETURN n.id AS id, degree ORDER BY degree DESC, id LIMIT $limit`;

const SEARCH_NAMES = `
CALL () {
  MATCH (n:DialogueSeries) RETURN n.name AS name, n.id AS id ORDER BY n.id LIMIT $limit
  UNION ALL
  MATCH (n:Person) RETURN n.name AS name, n.id AS id ORDER BY n.id LIMIT $limit
  UNION ALL
  MATCH (n:Organization) RETURN n.name AS name, n.id AS id ORDER BY n.id LIMIT $limit
}
RETURN name ORDER BY id`;

const PEOPLE = 'MATCH (p:Person) RETURN p.id AS id, p.country AS country ORDER BY p.id';

const PATH_LENGTHS = `
UNWIND $pairs AS pair
MATCH (a:Person {id: pair[0]})
MATCH (b:Person {id: pair[1]})
MATCH p = shortestPath((a)-[:${PATH_TYPES}*..6]-(b))
WITH a, b, length(p) AS hops WHERE hops >= 4
RETURN a.id AS from, b.id AS to, hops`;

export interface Targets {
  people: { id: string; name: string; norm: string }[];
  counterparts: { id: string; country: string }[];
  members: { id: string; at: string }[];
  hubs: string[];
  searchNames: string[];
  paths: { from: string; to: string; hops: number }[];
}

const strs = (rows: Record<string, unknown>[], f: string) => rows.map((r) => String(r[f]));

/** Pairs people of different countries across the id order, and keeps those 4–6 hops apart. */
async function pathPairs(executor: GraphExecutor, limit: number): Promise<Targets['paths']> {
  const people = await executor.read(PEOPLE);
  const half = Math.floor(people.length / 2);
  const step = Math.max(1, Math.floor(half / (limit * 8)));
  const pairs: [string, string][] = [];
  for (let i = 0; i < half && pairs.length < limit * 8; i += step) {
    const a = people[i];
    const b = people[i + half];
    if (a && b && a.country !== b.country) pairs.push([String(a.id), String(b.id)]);
  }
  const rows = await executor.read(PATH_LENGTHS, { pairs });
  return rows.slice(0, limit).map((r) => ({ from: String(r.from), to: String(r.to), hops: Number(r.hops) }));
}

export async function pickTargets(executor: GraphExecutor, limit: number): Promise<Targets> {
  const n = { limit: int(limit) };
  let people = await executor.read(ENTITY_TARGETS, { ...n, minFanout: int(3), maxFanout: int(40) });
  // Small graphs may have no one in that band: then anyone with two posts.
  if (people.length === 0)
    people = await executor.read(ENTITY_TARGETS, { ...n, minFanout: int(0), maxFanout: int(1e9) });
  return {
    people: people.map((r) => ({ id: String(r.id), name: String(r.name), norm: String(r.norm) })),
    counterparts: (await executor.read(COUNTERPART_TARGETS, n)).map((r) => ({
      id: String(r.id),
      country: String(r.country),
    })),
    members: (await executor.read(MEMBER_TARGETS, n)).map((r) => ({ id: String(r.id), at: String(r.at) })),
    hubs: strs(await executor.read(HUB_TARGETS, n), 'id'),
    searchNames: strs(await executor.read(SEARCH_NAMES, n), 'name'),
    paths: await pathPairs(executor, limit),
  };
}
