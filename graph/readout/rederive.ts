// Derives the values of entities and fact edges again from the claims of the documents that still assert them,
// after a write added claims to what existed or a revision or retraction took some away; removes what no
// document mentions any more (and Names no document uses), and refuses to strand references.
import { ConflictError } from '../errors';
import {
  edgeValues,
  isClaimedEdge,
  isClaimedLabel,
  nameKeysOf,
  nodeValues,
  parseEdgeClaim,
  parseNodeClaim,
} from './claims';
import type { Run } from './write';

/** What a transaction touched: nodes by label, edges by element id, and the nodes that lost a document's claim. */
export class Stale {
  readonly nodes = new Map<string, Set<string>>();
  readonly edges = new Set<string>();
  readonly lostClaim = new Set<string>();
  node(label: string, id: string): void {
    const set = this.nodes.get(label);
    if (set === undefined) this.nodes.set(label, new Set([id]));
    else set.add(id);
  }
  edge(elementId: string): void {
    this.edges.add(elementId);
  }
  lost(label: string, id: string, claimed: boolean): void {
    this.node(label, id);
    if (claimed) this.lostClaim.add(id);
  }
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const NODE_CLAIMS = (label: string) => `
UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN n.id AS id, n.name AS name,
       [(s:Source)-[m:MENTIONS]->(n) WHERE m.claim IS NOT NULL | m.claim] AS claims,
       [(s:Source)-[:MENTIONS]->(n) | s.id] AS mentionedBy,
       [(s:Source)-[m:MENTIONS]->(n) WHERE m.via IS NOT NULL | {sid: s.id, via: m.via}] AS referrers,
       [(nm:Name)-[:NAMES]->(n) | {key: nm.key, norm: nm.norm}] AS names`;

const NODE_SET = (label: string) => `
UNWIND $rows AS r
MATCH (n:${label} {id: r.id})
SET n += r.values
WITH n, r
CALL (n, r) {
  UNWIND r.drop AS k
  MATCH (nm:Name {key: k})-[l:NAMES]->(n)
  DELETE l
  WITH nm WHERE NOT EXISTS { (nm)-[:NAMES]->() }
  DELETE nm
}`;

const NODE_DELETE = (label: string) => `
UNWIND $ids AS id
MATCH (n:${label} {id: id})
CALL (n) {
  MATCH (nm:Name)-[l:NAMES]->(n)
  DELETE l
  WITH nm WHERE NOT EXISTS { (nm)-[:NAMES]->() }
  DELETE nm
}
DETACH DELETE n`;

const EDGE_CLAIMS = `
UNWIND $ids AS eid
MATCH ()-[e]->() WHERE elementId(e) = eid
RETURN eid, type(e) AS type, coalesce(e.claims, []) AS claims`;

const EDGE_SET = `
UNWIND $rows AS r
MATCH ()-[e]->() WHERE elementId(e) = r.eid
SET e += r.values`;

const records = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];

const nameRows = (v: unknown) =>
  records(v).flatMap((x) =>
    typeof x.key === 'string' && typeof x.norm === 'string' ? [{ key: x.key, norm: x.norm }] : [],
  );

/**
 * A document that refers to an entity through the graph by a name it does not list itself (`via` on its MENTIONS
 * link) needs that name to stay: without it the document could not be loaded again (a restore, a clean load), so
 * the graph would no longer be a function of its documents. The change that would take the name away is refused.
 */
function refuseStranded(
  label: string,
  id: string,
  name: string,
  names: { key: string; norm: string }[],
  drop: { key: string; norm: string }[],
  referrers: unknown,
): void {
  if (drop.length === 0) return;
  const kept = new Set(names.filter((n) => !drop.includes(n)).map((n) => n.norm));
  const lost = new Set(drop.map((n) => n.norm).filter((n) => !kept.has(n)));
  const stranded = records(referrers).flatMap((r) => {
    const via = strings(r.via).filter((n) => lost.has(n));
    return via.length === 0 ? [] : [`${String(r.sid)} (by "${via.join('", "')}")`];
  });
  if (stranded.length === 0) return;
  throw new ConflictError(
    `${label} "${name}" (${id}) would lose the name(s) ${[...lost].map((n) => `"${n}"`).join(', ')}, but ` +
      `${stranded.sort().join(', ')} still refer to it by that name; revise those first, or keep the name listed`,
  );
}

/** Counts of what deriving again removed. */
export interface Rederived {
  nodesRemoved: number;
}

/**
 * Derives every touched node's and edge's values again; removes nodes no document mentions any more. With
 * `pruneOnly` it only removes those (before a revision plans its new version, so that the ids they held are free
 * again, as in a clean load) and keeps the rest for the full pass after the write.
 */
export async function rederive(stale: Stale, run: Run, pruneOnly = false): Promise<Rederived> {
  let nodesRemoved = 0;
  for (const [label, idSet] of stale.nodes) {
    const rows = await run(NODE_CLAIMS(label), { ids: [...idSet] });
    const gone: string[] = [];
    const updates: { id: string; values: Record<string, unknown>; drop: string[] }[] = [];
    for (const r of rows) {
      const id = String(r.id);
      const claims = strings(r.claims).map(parseNodeClaim);
      const mentionedBy = strings(r.mentionedBy);
      if (mentionedBy.length === 0) {
        gone.push(id);
        idSet.delete(id);
        continue;
      }
      if (pruneOnly || !isClaimedLabel(label)) continue;
      if (claims.length === 0) {
        // Legacy nodes (loaded before claims were kept) have none: their values stay as they are.
        if (!stale.lostClaim.has(id)) continue;
        throw new ConflictError(
          `${label} "${String(r.name)}" (${id}) would be listed by no document any more, but ` +
            `${mentionedBy.sort().join(', ')} still refer to it by name; revise those first, or keep it listed`,
        );
      }
      const keep = new Set(nameKeysOf(claims));
      const names = nameRows(r.names);
      const drop = names.filter((n) => !keep.has(n.key));
      refuseStranded(label, id, String(r.name), names, drop, r.referrers);
      updates.push({ id, values: nodeValues(label, claims), drop: drop.map((n) => n.key) });
    }
    if (gone.length > 0) await run(NODE_DELETE(label), { ids: gone });
    if (updates.length > 0) await run(NODE_SET(label), { rows: updates });
    nodesRemoved += gone.length;
  }
  if (pruneOnly) return { nodesRemoved };
  if (stale.edges.size > 0) {
    const rows = await run(EDGE_CLAIMS, { ids: [...stale.edges] });
    const updates = rows.flatMap((r) => {
      const kind = String(r.type);
      const claims = strings(r.claims).map((c) => parseEdgeClaim(c).claim);
      if (!isClaimedEdge(kind) || claims.length === 0) return [];
      return [{ eid: String(r.eid), values: edgeValues(kind, claims) }];
    });
    if (updates.length > 0) await run(EDGE_SET, { rows: updates });
  }
  stale.nodes.clear();
  stale.edges.clear();
  stale.lostClaim.clear();
  return { nodesRemoved };
}
