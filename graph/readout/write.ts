// Writes WritePlans inside the caller's transaction with one UNWIND statement per node label and per edge type,
// for one plan or a batch of them (rows carry their plan's index `i` and document `sourceId`, and every statement
// reports per plan, so a batch costs the statements of one readout). MERGE on unique keys makes it idempotent and
// safe for concurrent loaders. Every fact edge gains the document in `sources`, and every document's claim about
// an entity or an edge is kept beside it; what already existed is reported stale, for rederive.ts to derive its
// values again from all claims (so the values never depend on load order).
import { initialsExpr } from '../initials';
import { mergeEdges, mergeNodes } from './batch';
import {
  agrees,
  edgeAgrees,
  edgeProjection,
  isClaimedEdge,
  isClaimedLabel,
  nodeProjection,
  type ClaimedEdge,
  type ClaimedLabel,
} from './claims';
import { rederive, Stale } from './rederive';
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
 * Adds Name nodes, links the document (keeping its claim on the link), and counts creations. `n`, `r` and
 * `created` are bound; a node this statement created takes the batch's values, one that existed is returned in
 * `stale` to have its values derived again from all its claims. For labels identified by their names, a Name that
 * also denotes another entity, or an id other than planned, means a concurrent loader got there first: counted as
 * conflicts, which abort the transaction.
 */
const NODE_TAIL = (label: NodeLabel, namesIdentify: boolean, projection = 'n{.name}') => `
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET n += r.values)
WITH n, r, created
CALL (n, r) {
  UNWIND r.names AS nm
  MERGE (name:Name {key: nm.key})
  ON CREATE SET name.norm = nm.norm, name.label = '${label}'${label === 'Person' ? '' : `, name.initials = ${initialsExpr('nm.norm')}`}
  MERGE (name)-[:NAMES]->(n)
  RETURN sum(${namesIdentify ? 'CASE WHEN r.namesShared THEN 0 ELSE COUNT { (name)-[:NAMES]->(other) WHERE other <> n } END' : '0'}) AS clashes
}
CALL (n, r) {
  UNWIND r.claims AS c
  MATCH (s:Source {id: c.sid})
  WITH s, n, c, NOT EXISTS { (s)-[:MENTIONS]->(n) } AS fresh
  MERGE (s)-[m:MENTIONS]->(n)
  SET m.claim = c.claim, m.via = c.via
  RETURN collect(CASE WHEN fresh THEN c.sid END) AS freshSids
}
RETURN r.i AS i, count(CASE WHEN created THEN 1 END) AS created, count(*) AS total,
       reduce(acc = [], l IN collect(freshSids) | acc + l) AS freshSids,
       collect(CASE WHEN created THEN null ELSE {key: r.key, id: n.id, now: ${projection}} END) AS existing,
       sum(clashes) + count(CASE WHEN n.id <> r.id THEN 1 END) AS conflicts`;

/** The statement of a label whose values come from claims: identity here, values in NODE_TAIL. */
const claimedNode = (label: ClaimedLabel, namesIdentify: boolean) => `
UNWIND $rows AS r
MERGE (n:${label} {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id)
${NODE_TAIL(label, namesIdentify, nodeProjection(label, 'n'))}`;

const NODE_WRITES: Record<Exclude<NodeLabel, 'Source'>, string> = {
  Country: `
UNWIND $rows AS r
MERGE (n:Country {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = r.id, n.code = r.props.code, n.name = coalesce(n.name, r.name), n.sortKey = r.name,
    n.aliases = coalesce(n.aliases, []), n.aliasText = coalesce(n.aliasText, '')
${NODE_TAIL('Country', false)}`,
  Organization: claimedNode('Organization', true),
  Person: claimedNode('Person', true),
  Dialogue: claimedNode('Dialogue', true),
  DialogueSeries: claimedNode('DialogueSeries', true),
  Agreement: claimedNode('Agreement', false),
};

// A document's own readout is the only word on the document: a new version replaces its values.
const SOURCE_WRITE = `
UNWIND $rows AS r
MERGE (n:Source {key: r.key})
WITH n, r, n.id IS NULL AS created
SET n.id = coalesce(n.id, r.id), n.title = r.props.title, n.name = r.props.title,
    n.publisher = r.props.publisher, n.url = r.props.url, n.published = r.props.published, n.kind = r.props.kind,
    n.sortKey = r.props.published, n.readout = r.props.readout, n.hash = r.props.hash
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
MERGE (a)-[m:MENTIONS]->(b)
SET m.via = r.props.via
${EDGE_TAIL}`;

/**
 * An edge with values: each document's claim is kept in `claims` (replacing its earlier one); a new edge takes the
 * batch's values, one that existed is returned in `stale` to have its values derived again from all its claims.
 */
const claimedEdge = (kind: ClaimedEdge, from: string, to: string, merge: string, grow = '') => `
UNWIND $rows AS r
MATCH (a:${from} {id: r.from})
MATCH (b:${to} {id: r.to})
${merge}
${PROVENANCE}
SET e.claims = reduce(acc = [c IN coalesce(e.claims, []) WHERE NOT any(s IN r.sourceIds WHERE c STARTS WITH s + '\\t')],
                      c IN r.claims | ${insertSorted('acc', 'c')})
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET e += r.values)
${grow}
RETURN r.i AS i, count(CASE WHEN created THEN 1 END) AS created, count(*) AS total,
       collect(CASE WHEN created THEN null
                    ELSE {key: r.from + '|' + r.to + '|' + coalesce(r.props.titleKey, ''), id: elementId(e), now: ${edgeProjection(kind, 'e')}} END) AS existing`;

// Values that only grow as documents are added (a post's attested period, a discussion's notes) are widened in
// place; a retraction or revision narrows them by deriving them again from the claims.
const WIDEN_ATTESTED = `
FOREACH (_ IN CASE WHEN created THEN [] ELSE [1] END |
  SET e.attestedFrom = CASE WHEN e.attestedFrom IS NULL OR r.values.attestedFrom < e.attestedFrom THEN r.values.attestedFrom ELSE e.attestedFrom END,
      e.attestedTo = CASE WHEN e.attestedTo IS NULL OR r.values.attestedTo > e.attestedTo THEN r.values.attestedTo ELSE e.attestedTo END
  SET e.validFrom = coalesce(e.fromKey, e.attestedFrom), e.validTo = coalesce(e.toKey, e.attestedTo))`;
const WIDEN_NOTES = `
FOREACH (_ IN CASE WHEN created THEN [] ELSE [1] END |
  SET e.notes = reduce(acc = coalesce(e.notes, []), x IN r.values.notes | ${insertSorted('acc', 'x')}))`;

const EDGE_WRITES: Record<EdgeKind, string> = {
  HOLDS_POST: claimedEdge(
    'HOLDS_POST',
    'Person',
    'Organization',
    'MERGE (a)-[e:HOLDS_POST {titleKey: r.props.titleKey}]->(b)',
    WIDEN_ATTESTED,
  ),
  ATTENDED: claimedEdge('ATTENDED', 'Person', 'Dialogue', 'MERGE (a)-[e:ATTENDED]->(b)'),
  PART_OF: edge('Organization', 'Organization', 'MERGE (a)-[e:PART_OF]->(b)'),
  PERSON_OF_COUNTRY: edge('Person', 'Country', 'MERGE (a)-[e:OF_COUNTRY]->(b)'),
  ORG_OF_COUNTRY: edge('Organization', 'Country', 'MERGE (a)-[e:OF_COUNTRY]->(b)'),
  BETWEEN: edge('Dialogue', 'Country', 'MERGE (a)-[e:BETWEEN]->(b)'),
  HOSTED_BY: edge('Dialogue', 'Country', 'MERGE (a)-[e:HOSTED_BY]->(b)'),
  EDITION_OF: claimedEdge('EDITION_OF', 'Dialogue', 'DialogueSeries', 'MERGE (a)-[e:EDITION_OF]->(b)'),
  DISCUSSED: claimedEdge('DISCUSSED', 'Dialogue', 'Theme', 'MERGE (a)-[e:DISCUSSED]->(b)', WIDEN_NOTES),
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

/** The counts of a plan whose every node and edge is in the graph already (the same readout again). */
export function matchedCounts(plan: WritePlan): WriteCounts {
  const counts = emptyCounts();
  let mentions = 0;
  for (const label of ['Source', ...NODE_ORDER] as const) {
    const n = plan.nodes[label].length;
    if (n > 0) tally(counts, label, 0, n, true);
    if (label !== 'Source') mentions += n;
  }
  for (const kind of EDGE_KINDS) {
    const n = plan.edges[kind].length;
    if (kind === 'THEME_MENTION' || kind === 'ORG_MENTION') mentions += n;
    else if (n > 0) tally(counts, kind, 0, n, false);
  }
  if (mentions > 0) tally(counts, 'MENTIONS', 0, mentions, false);
  return counts;
}

/** What a statement reports of the nodes or edges that existed: their key, id and the values they showed. */
function existingOf(
  rows: Record<string, unknown>[],
): { key: string; id: string; now: Record<string, unknown> }[] {
  return rows.flatMap((r) =>
    Array.isArray(r.existing)
      ? r.existing.flatMap((x: unknown) => {
          if (typeof x !== 'object' || x === null) return [];
          const o = x as Record<string, unknown>;
          const now = typeof o.now === 'object' && o.now !== null ? (o.now as Record<string, unknown>) : {};
          return [{ key: String(o.key), id: String(o.id), now }];
        })
      : [],
  );
}

/** Writes one plan (at most 22 statements; empty ones are skipped). */
export async function writePlan(plan: WritePlan, run: Run, stale?: Stale): Promise<WriteCounts> {
  return (await writePlans([plan], run, stale))[0] ?? emptyCounts();
}

/**
 * Writes a batch of plans, in order, with the statements of one; returns the counts of each plan. Existing nodes
 * and edges that gained a claim are added to `stale` (without it, the caller takes on deriving their values).
 */
export async function writePlans(plans: WritePlan[], run: Run, given?: Stale): Promise<WriteCounts[]> {
  const stale = given ?? new Stale();
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
    const { rows, shares, claims } = mergeNodes(plans, label);
    if (rows.length === 0) continue;
    const raw = await run(label === 'Source' ? SOURCE_WRITE : NODE_WRITES[label], { rows });
    const results = byPlan(raw);
    checkConflicts(label, results);
    // Existing nodes whose new claims could change what they show have their values derived again.
    if (isClaimedLabel(label))
      for (const x of existingOf(raw))
        if (!agrees(label, claims.get(x.key) ?? [], x.now)) stale.node(label, x.id);
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
    const { rows, shares, claims } = mergeEdges(plans, kind);
    if (rows.length === 0) continue;
    const raw = await run(EDGE_WRITES[kind], { rows });
    const results = byPlan(raw);
    if (isClaimedEdge(kind))
      for (const x of existingOf(raw))
        if (!edgeAgrees(kind, claims.get(x.key) ?? [], x.now)) stale.edge(x.id);
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
  if (given === undefined) await rederive(stale, run);
  return counts;
}
