// Writes one WritePlan inside the caller's transaction with one UNWIND statement per node label and per edge
// type. MERGE on unique keys makes it idempotent and safe for concurrent loaders; properties already in the graph
// are kept (a later document fills gaps, never overwrites), and every fact edge gains the document in `sources`.
import type { EdgeKind, NodeRow, WritePlan } from './plan';

export type Run = (cypher: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** Appends the document to `sources` once; `created` is read before the first SET so it reflects this MERGE. */
const PROVENANCE = `
WITH e, r, e.sources IS NULL AS created
SET e.sources = CASE WHEN $sourceId IN coalesce(e.sources, []) THEN e.sources ELSE coalesce(e.sources, []) + $sourceId END`;
const EDGE_TAIL = `
RETURN count(CASE WHEN created THEN 1 END) AS created, count(*) AS total`;

/** Adds new aliases and Name nodes, links the document, and counts creations. `n` and `r` are bound. */
const NODE_TAIL = (label: string) => `
SET n.aliases = reduce(acc = coalesce(n.aliases, []), a IN r.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)
SET n.aliasText = reduce(t = '', a IN n.aliases | t + a + ' | ')
WITH n, r, created
CALL (n, r) {
  UNWIND r.names AS nm
  MERGE (name:Name {key: nm.key})
  ON CREATE SET name.norm = nm.norm, name.label = '${label}'
  MERGE (name)-[:NAMES]->(n)
}
WITH n, created
MATCH (s:Source {id: $sourceId})
MERGE (s)-[:MENTIONS]->(n)
RETURN count(CASE WHEN created THEN 1 END) AS created, count(*) AS total`;

const NODE_WRITES: Record<Exclude<keyof WritePlan['nodes'], 'Source'>, string> = {
  Country: `
UNWIND $rows AS r
MERGE (n:Country {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = r.id, n.code = r.props.code, n.name = coalesce(n.name, r.name), n.sortKey = r.name
${NODE_TAIL('Country')}`,
  Organization: `
UNWIND $rows AS r
MERGE (n:Organization {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id), n.name = coalesce(n.name, r.name), n.kind = coalesce(n.kind, r.props.kind),
    n.countries = coalesce(n.countries, r.props.countries), n.sortKey = coalesce(n.sortKey, r.props.sortKey)
${NODE_TAIL('Organization')}`,
  Person: `
UNWIND $rows AS r
MERGE (n:Person {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id), n.name = coalesce(n.name, r.name), n.country = coalesce(n.country, r.props.country),
    n.sortKey = coalesce(n.sortKey, r.props.sortKey)
${NODE_TAIL('Person')}`,
  Dialogue: `
UNWIND $rows AS r
MERGE (n:Dialogue {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id), n.name = coalesce(n.name, r.name), n.edition = coalesce(n.edition, r.props.edition),
    n.startDate = coalesce(n.startDate, r.props.startDate), n.endDate = coalesce(n.endDate, r.props.endDate),
    n.startKey = coalesce(n.startKey, r.props.startKey), n.endKey = coalesce(n.endKey, r.props.endKey),
    n.city = coalesce(n.city, r.props.city), n.host = coalesce(n.host, r.props.host),
    n.summary = coalesce(n.summary, r.props.summary), n.sortKey = coalesce(n.sortKey, r.props.sortKey),
    n.countries = reduce(acc = coalesce(n.countries, []), c IN r.props.countries | CASE WHEN c IN acc THEN acc ELSE acc + c END)
${NODE_TAIL('Dialogue')}`,
  DialogueSeries: `
UNWIND $rows AS r
MERGE (n:DialogueSeries {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id), n.name = coalesce(n.name, r.name), n.sortKey = coalesce(n.sortKey, r.props.sortKey)
${NODE_TAIL('DialogueSeries')}`,
  Agreement: `
UNWIND $rows AS r
MERGE (n:Agreement {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id), n.name = coalesce(n.name, r.name), n.kind = coalesce(n.kind, r.props.kind),
    n.signedOn = coalesce(n.signedOn, r.props.signedOn), n.signedKey = coalesce(n.signedKey, r.props.signedKey), n.summary = coalesce(n.summary, r.props.summary),
    n.sortKey = coalesce(n.sortKey, r.props.sortKey)
${NODE_TAIL('Agreement')}`,
};

const SOURCE_WRITE = `
UNWIND $rows AS r
MERGE (n:Source {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id), n.title = coalesce(n.title, r.props.title), n.name = coalesce(n.name, r.props.title),
    n.publisher = coalesce(n.publisher, r.props.publisher), n.url = coalesce(n.url, r.props.url),
    n.published = coalesce(n.published, r.props.published), n.kind = coalesce(n.kind, r.props.kind),
    n.sortKey = coalesce(n.sortKey, r.props.published)
RETURN count(CASE WHEN created THEN 1 END) AS created, count(*) AS total`;

const edge = (from: string, to: string, merge: string, set = '') => `
UNWIND $rows AS r
MATCH (a:${from} {id: r.from})
MATCH (b:${to} {id: r.to})
${merge}
${PROVENANCE}
${set}
${EDGE_TAIL}`;

const EDGE_WRITES: Record<EdgeKind, string> = {
  HOLDS_POST: edge(
    'Person',
    'Organization',
    'MERGE (a)-[e:HOLDS_POST {titleKey: r.props.titleKey}]->(b)',
    // A post is known to be held from the earliest to the latest date any document dates it to.
    `SET e.title = coalesce(e.title, r.props.title), e.from = coalesce(e.from, r.props.from), e.to = coalesce(e.to, r.props.to),
    e.fromKey = coalesce(e.fromKey, r.props.fromKey), e.toKey = coalesce(e.toKey, r.props.toKey),
    e.attestedFrom = CASE WHEN e.attestedFrom IS NULL OR r.props.attestedFrom < e.attestedFrom THEN r.props.attestedFrom ELSE e.attestedFrom END,
    e.attestedTo = CASE WHEN e.attestedTo IS NULL OR r.props.attestedTo > e.attestedTo THEN r.props.attestedTo ELSE e.attestedTo END
SET e.validFrom = coalesce(e.fromKey, e.attestedFrom), e.validTo = coalesce(e.toKey, e.attestedTo)`,
  ),
  ATTENDED: edge(
    'Person',
    'Dialogue',
    'MERGE (a)-[e:ATTENDED]->(b)',
    `SET e.role = coalesce(e.role, r.props.role), e.title = coalesce(e.title, r.props.title),
    e.onBehalfOf = coalesce(e.onBehalfOf, r.props.onBehalfOf), e.country = coalesce(e.country, r.props.country)`,
  ),
  PART_OF: edge('Organization', 'Organization', 'MERGE (a)-[e:PART_OF]->(b)'),
  PERSON_OF_COUNTRY: edge('Person', 'Country', 'MERGE (a)-[e:OF_COUNTRY]->(b)'),
  ORG_OF_COUNTRY: edge('Organization', 'Country', 'MERGE (a)-[e:OF_COUNTRY]->(b)'),
  BETWEEN: edge('Dialogue', 'Country', 'MERGE (a)-[e:BETWEEN]->(b)'),
  HOSTED_BY: edge('Dialogue', 'Country', 'MERGE (a)-[e:HOSTED_BY]->(b)'),
  EDITION_OF: edge(
    'Dialogue',
    'DialogueSeries',
    'MERGE (a)-[e:EDITION_OF]->(b)',
    'SET e.edition = coalesce(e.edition, r.props.edition)',
  ),
  DISCUSSED: edge(
    'Dialogue',
    'Theme',
    'MERGE (a)-[e:DISCUSSED]->(b)',
    `SET e.notes = CASE WHEN r.props.note IS NULL OR r.props.note IN coalesce(e.notes, []) THEN coalesce(e.notes, [])
                   ELSE coalesce(e.notes, []) + r.props.note END`,
  ),
  WORKING_GROUP: edge('Dialogue', 'Organization', 'MERGE (a)-[e:WORKING_GROUP]->(b)'),
  PARTY_TO: edge('Organization', 'Agreement', 'MERGE (a)-[e:PARTY_TO]->(b)'),
  CONCLUDED_AT: edge('Agreement', 'Dialogue', 'MERGE (a)-[e:CONCLUDED_AT]->(b)'),
  COVERS: edge('Agreement', 'Theme', 'MERGE (a)-[e:COVERS]->(b)'),
  // Themes come from the vocabulary, so their MENTIONS link is made here rather than by a node write.
  THEME_MENTION: `
UNWIND $rows AS r
MATCH (a:Source {id: r.from})
MATCH (b:Theme {id: r.to})
MERGE (a)-[e:MENTIONS]->(b)
WITH e, e.sources IS NULL AS created
RETURN 0 AS created, count(*) AS total`,
};

export interface WriteCounts {
  nodesCreated: number;
  nodesMatched: number;
  relationshipsCreated: number;
  relationshipsMatched: number;
  byLabel: Record<string, { created: number; matched: number }>;
}

function num(rows: Record<string, unknown>[], field: string): number {
  return Number(rows[0]?.[field] ?? 0);
}

export async function writePlan(plan: WritePlan, run: Run): Promise<WriteCounts> {
  const counts: WriteCounts = { nodesCreated: 0, nodesMatched: 0, relationshipsCreated: 0, relationshipsMatched: 0, byLabel: {} };
  const params = (rows: NodeRow[] | unknown[]) => ({ rows, sourceId: plan.sourceId });
  const tally = (label: string, rows: Record<string, unknown>[], isNode: boolean) => {
    const created = num(rows, 'created');
    const matched = num(rows, 'total') - created;
    counts.byLabel[label] = { created, matched };
    if (isNode) {
      counts.nodesCreated += created;
      counts.nodesMatched += matched;
    } else {
      counts.relationshipsCreated += created;
      counts.relationshipsMatched += matched;
    }
  };
  // The source first: every other write links to it.
  tally('Source', await run(SOURCE_WRITE, params(plan.nodes.Source)), true);
  for (const label of ['Country', 'Organization', 'Person', 'Dialogue', 'DialogueSeries', 'Agreement'] as const) {
    const rows = plan.nodes[label];
    if (rows.length > 0) tally(label, await run(NODE_WRITES[label], params(rows)), true);
  }
  for (const kind of Object.keys(EDGE_WRITES) as EdgeKind[]) {
    const rows = plan.edges[kind];
    if (rows.length === 0) continue;
    const result = await run(EDGE_WRITES[kind], params(rows));
    // A MATCH that finds no end would silently drop the edge: treat it as a bug, which aborts the transaction.
    if (num(result, 'total') !== rows.length) {
      throw new Error(`internal: ${kind} wrote ${num(result, 'total')} of ${rows.length} edges for ${plan.file}`);
    }
    tally(kind, result, false);
  }
  return counts;
}
