// Writes WritePlans inside the caller's transaction with one UNWIND statement per node label and per edge type,
// for one plan or a batch of them (rows carry their plan's index `i` and document `sourceId`, and every statement
// reports per plan, so a batch costs the statements of one readout). MERGE on unique keys makes it idempotent and safe for concurrent loaders; properties already in the graph
// are kept (a later document fills gaps, never overwrites), and every fact edge gains the document in `sources`.
import { initialsExpr } from '../initials';
import { mergeEdges, mergeNodes } from './batch';
import { EDGE_KINDS, type EdgeKind, type NodeLabel, type WritePlan } from './rows';

export type Run = (cypher: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/**
 * The plan no longer fits the graph: a concurrent loader wrote one of its entities first (under another key, so a
 * Name now denotes two entities, or with another id). Nothing of the transaction is kept; planning again fixes it.
 */
export class WriteConflictError extends Error {
  override name = 'WriteConflictError';
}

/** `list` (kept sorted) with `x` inserted once: provenance and aliases come out the same whatever the load order. */
const insertSorted = (list: string, x: string) =>
  `CASE WHEN ${x} IN ${list} THEN ${list} ELSE [v IN ${list} WHERE v < ${x}] + ${x} + [v IN ${list} WHERE v > ${x}] END`;

/** Appends the document to `sources` once; `created` is read before the first SET so it reflects this MERGE. */
const PROVENANCE = `
WITH e, r, e.sources IS NULL AS created, coalesce(e.sources, []) AS had
SET e.sources = reduce(acc = had, sid IN r.sourceIds | ${insertSorted('acc', 'sid')})`;
const EDGE_TAIL = `
RETURN r.i AS i, count(CASE WHEN created THEN 1 END) AS created, count(*) AS total`;

/**
 * Adds new aliases and Name nodes, links the document, and counts creations. `n` and `r` are bound. For labels
 * identified by their names, a Name that also denotes another entity, or an id other than planned, means a
 * concurrent loader got there first: counted as conflicts, which abort the transaction.
 */
const NODE_TAIL = (label: NodeLabel, namesIdentify: boolean) => `
SET n.aliases = reduce(acc = coalesce(n.aliases, []), a IN r.aliases | ${insertSorted('acc', 'a')})
SET n.aliasText = reduce(t = '', a IN n.aliases | CASE t WHEN '' THEN a ELSE t + ' | ' + a END)
WITH n, r, created
CALL (n, r) {
  UNWIND r.names AS nm
  MERGE (name:Name {key: nm.key})
  ON CREATE SET name.norm = nm.norm, name.label = '${label}'${label === 'Person' ? '' : `, name.initials = ${initialsExpr('nm.norm')}`}
  MERGE (name)-[:NAMES]->(n)
  RETURN sum(${namesIdentify ? 'COUNT { (name)-[:NAMES]->(other) WHERE other <> n }' : '0'}) AS clashes
}
CALL (n, r) {
  UNWIND r.sourceIds AS sid
  MATCH (s:Source {id: sid})
  WITH s, n, sid, NOT EXISTS { (s)-[:MENTIONS]->(n) } AS fresh
  MERGE (s)-[:MENTIONS]->(n)
  RETURN collect(CASE WHEN fresh THEN sid END) AS freshSids
}
RETURN r.i AS i, count(CASE WHEN created THEN 1 END) AS created, count(*) AS total,
       reduce(acc = [], l IN collect(freshSids) | acc + l) AS freshSids,
       sum(clashes) + count(CASE WHEN n.id <> r.id THEN 1 END) AS conflicts`;

const NODE_WRITES: Record<Exclude<NodeLabel, 'Source'>, string> = {
  Country: `
UNWIND $rows AS r
MERGE (n:Country {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = r.id, n.code = r.props.code, n.name = coalesce(n.name, r.name), n.sortKey = r.name
${NODE_TAIL('Country', false)}`,
  Organization: `
UNWIND $rows AS r
MERGE (n:Organization {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id), n.name = coalesce(n.name, r.name), n.kind = coalesce(n.kind, r.props.kind),
    n.countries = coalesce(n.countries, r.props.countries), n.sortKey = coalesce(n.sortKey, r.props.sortKey)
${NODE_TAIL('Organization', true)}`,
  Person: `
UNWIND $rows AS r
MERGE (n:Person {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id), n.name = coalesce(n.name, r.name), n.country = coalesce(n.country, r.props.country),
    n.sortKey = coalesce(n.sortKey, r.props.sortKey)
${NODE_TAIL('Person', true)}`,
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
${NODE_TAIL('Dialogue', true)}`,
  DialogueSeries: `
UNWIND $rows AS r
MERGE (n:DialogueSeries {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id), n.name = coalesce(n.name, r.name), n.sortKey = coalesce(n.sortKey, r.props.sortKey)
${NODE_TAIL('DialogueSeries', true)}`,
  Agreement: `
UNWIND $rows AS r
MERGE (n:Agreement {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id), n.name = coalesce(n.name, r.name), n.kind = coalesce(n.kind, r.props.kind),
    n.signedOn = coalesce(n.signedOn, r.props.signedOn), n.signedKey = coalesce(n.signedKey, r.props.signedKey), n.summary = coalesce(n.summary, r.props.summary),
    n.sortKey = coalesce(n.sortKey, r.props.sortKey)
${NODE_TAIL('Agreement', false)}`,
};

const SOURCE_WRITE = `
UNWIND $rows AS r
MERGE (n:Source {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id), n.title = coalesce(n.title, r.props.title), n.name = coalesce(n.name, r.props.title),
    n.publisher = coalesce(n.publisher, r.props.publisher), n.url = coalesce(n.url, r.props.url),
    n.published = coalesce(n.published, r.props.published), n.kind = coalesce(n.kind, r.props.kind),
    n.sortKey = coalesce(n.sortKey, r.props.published)
RETURN r.i AS i, count(CASE WHEN created THEN 1 END) AS created, count(*) AS total, count(CASE WHEN n.id <> r.id THEN 1 END) AS conflicts`;

const edge = (from: string, to: string, merge: string, set = '') => `
UNWIND $rows AS r
MATCH (a:${from} {id: r.from})
MATCH (b:${to} {id: r.to})
${merge}
${PROVENANCE}
${set}
${EDGE_TAIL}`;

const mention = (label: string) => `
UNWIND $rows AS r
MATCH (a:Source {id: r.from})
MATCH (b:${label} {id: r.to})
WITH a, b, r, NOT EXISTS { (a)-[:MENTIONS]->(b) } AS created
MERGE (a)-[:MENTIONS]->(b)
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
    `WITH e, r, created, coalesce(e.notes, []) AS notes
SET e.notes = reduce(acc = notes, x IN r.props.notes | ${insertSorted('acc', 'x')})`,
  ),
  WORKING_GROUP: edge('Dialogue', 'Organization', 'MERGE (a)-[e:WORKING_GROUP]->(b)'),
  PARTY_TO: edge('Organization', 'Agreement', 'MERGE (a)-[e:PARTY_TO]->(b)'),
  CONCLUDED_AT: edge('Agreement', 'Dialogue', 'MERGE (a)-[e:CONCLUDED_AT]->(b)'),
  COVERS: edge('Agreement', 'Theme', 'MERGE (a)-[e:COVERS]->(b)'),
  // Themes come from the vocabulary and referenced organisations are not rewritten, so no node write links them.
  THEME_MENTION: mention('Theme'),
  ORG_MENTION: mention('Organization'),
};

export interface WriteCounts {
  nodesCreated: number;
  nodesMatched: number;
  /** Relationships a reader sees (facts and MENTIONS); the internal NAMES links are not counted. */
  relationshipsCreated: number;
  relationshipsMatched: number;
  /** By node label, by edge kind, and MENTIONS for every link from the document to what it mentions. */
  byLabel: Record<string, { created: number; matched: number }>;
}

const NODE_ORDER = ['Country', 'Organization', 'Person', 'Dialogue', 'DialogueSeries', 'Agreement'] as const;

function emptyCounts(): WriteCounts {
  return { nodesCreated: 0, nodesMatched: 0, relationshipsCreated: 0, relationshipsMatched: 0, byLabel: {} };
}

function tally(counts: WriteCounts, label: string, created: number, total: number, isNode: boolean): void {
  const was = counts.byLabel[label] ?? { created: 0, matched: 0 };
  counts.byLabel[label] = { created: was.created + created, matched: was.matched + total - created };
  if (isNode) {
    counts.nodesCreated += created;
    counts.nodesMatched += total - created;
  } else {
    counts.relationshipsCreated += created;
    counts.relationshipsMatched += total - created;
  }
}

/** Per-plan result rows of one statement, keyed by plan index. */
function byPlan(rows: Record<string, unknown>[]): Map<number, Record<string, number>> {
  return new Map(
    rows.map((r) => [
      Number(r.i),
      Object.fromEntries(
        Object.entries(r).flatMap(([k, v]) => (Array.isArray(v) ? [] : [[k, Number(v ?? 0)]])),
      ) as Record<string, number>,
    ]),
  );
}

/** Document ids whose MENTIONS link a node statement created (to count each for its own plan). */
function freshMentions(rows: Record<string, unknown>[]): string[] {
  return rows.flatMap((r) =>
    Array.isArray(r.freshSids) ? r.freshSids.filter((x): x is string => typeof x === 'string') : [],
  );
}

/** Writes one plan (at most 22 statements; empty ones are skipped). */
export async function writePlan(plan: WritePlan, run: Run): Promise<WriteCounts> {
  return (await writePlans([plan], run))[0] ?? emptyCounts();
}

/** Writes a batch of plans, in order, with the statements of one; returns the counts of each plan. */
export async function writePlans(plans: WritePlan[], run: Run): Promise<WriteCounts[]> {
  const counts = plans.map(emptyCounts);
  const mentions = plans.map(() => ({ created: 0, total: 0 }));
  const countFor = (i: number) => counts[i] ?? emptyCounts();
  const planOfSource = new Map<string, number>();
  plans.forEach((p, i) => {
    if (!planOfSource.has(p.sourceId)) planOfSource.set(p.sourceId, i);
  });
  const checkConflicts = (label: string, results: Map<number, Record<string, number>>) => {
    for (const [i, r] of results) {
      if ((r.conflicts ?? 0) > 0) {
        throw new WriteConflictError(
          `${plans[i]?.file}: ${label} written concurrently by another loader; planning again`,
        );
      }
    }
  };
  // The sources first: every other write links to them.
  for (const label of ['Source', ...NODE_ORDER] as const) {
    const { rows, shares } = mergeNodes(plans, label);
    if (rows.length === 0) continue;
    const raw = await run(label === 'Source' ? SOURCE_WRITE : NODE_WRITES[label], { rows });
    const results = byPlan(raw);
    checkConflicts(label, results);
    for (const [i, r] of results) tally(countFor(i), label, r.created ?? 0, r.total ?? 0, true);
    for (const i of shares) tally(countFor(i), label, 0, 1, true);
    if (label === 'Source') continue;
    // Every node a plan writes is mentioned by its document; each new link counts for that document's plan.
    plans.forEach((p, i) => {
      const m = mentions[i];
      if (m) m.total += p.nodes[label].length;
    });
    for (const sid of freshMentions(raw)) {
      const m = mentions[planOfSource.get(sid) ?? -1];
      if (m) m.created += 1;
    }
  }
  for (const kind of EDGE_KINDS) {
    const { rows, shares } = mergeEdges(plans, kind);
    if (rows.length === 0) continue;
    const results = byPlan(await run(EDGE_WRITES[kind], { rows }));
    // A MATCH that finds no end would silently drop the edge: treat it as a bug, which aborts the transaction.
    const written = [...results.values()].reduce((acc, r) => acc + (r.total ?? 0), 0);
    if (written !== rows.length) {
      throw new Error(
        `internal: ${kind} wrote ${written} of ${rows.length} edges for ${plans.map((p) => p.file).join(', ')}`,
      );
    }
    const isMention = kind === 'THEME_MENTION' || kind === 'ORG_MENTION';
    for (const [i, r] of results) {
      const m = mentions[i];
      if (isMention && m) {
        m.created += r.created ?? 0;
        m.total += r.total ?? 0;
      } else if (!isMention) tally(countFor(i), kind, r.created ?? 0, r.total ?? 0, false);
    }
    for (const i of shares) {
      const m = mentions[i];
      if (isMention && m) m.total += 1;
      else if (!isMention) tally(countFor(i), kind, 0, 1, false);
    }
  }
  // Last, so that summaries list the facts first.
  mentions.forEach((m, i) => {
    if (m.total > 0) tally(countFor(i), 'MENTIONS', m.created, m.total, false);
  });
  return counts;
}
