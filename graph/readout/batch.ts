// Merges the rows of several plans so that one UNWIND statement never touches the same node or edge twice: Neo4j
// does not promise that a later row sees an earlier row's writes within one statement, so two documents adding
// themselves to one edge's `sources` in the same statement could lose one. Merged rows carry every document
// (`sourceIds`), each document's claim, and the values those claims give by the rule of claims.ts: what a node or
// edge created by this batch gets (one that already existed has its values derived again from all its claims).
import {
  edgeClaimText,
  edgeValues,
  isClaimedEdge,
  isClaimedLabel,
  nodeValues,
  type EdgeClaim,
  type NodeClaim,
} from './claims';
import type { EdgeKind, EdgeRow, NodeLabel, NodeRow, WritePlan } from './rows';

export interface BatchNodeRow extends NodeRow {
  /** Index of the first plan with this node: the one its creation is counted for. */
  i: number;
  sourceIds: string[];
  /** Each document's claim, as stored on its MENTIONS link (null: the document only names the node). */
  claims: { sid: string; claim: string | null; via: string[] | null }[];
  /** The values a new node gets. */
  values: Record<string, unknown>;
}
export interface BatchEdgeRow extends EdgeRow {
  i: number;
  sourceIds: string[];
  /** Each document's claim as stored in the edge's `claims` list (empty for edges without values). */
  claims: string[];
  values: Record<string, unknown>;
}
export interface Merged<T, C = unknown> {
  rows: T[];
  /** Plans whose row was folded into an earlier plan's: each counts it as matched. */
  shares: number[];
  /** Each row's claims by its key (kept here, not sent to Neo4j with the rows). */
  claims: Map<string, C[]>;
}

const sortedUnion = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();

export function mergeNodes(plans: WritePlan[], label: NodeLabel): Merged<BatchNodeRow, NodeClaim> {
  const byKey = new Map<string, BatchNodeRow>();
  const claimsOf = new Map<BatchNodeRow, NodeClaim[]>();
  const shares: number[] = [];
  plans.forEach((p, i) => {
    for (const row of p.nodes[label]) {
      const claim = {
        sid: p.sourceId,
        claim: row.claim === null ? null : JSON.stringify(row.claim),
        via: row.via ?? null,
      };
      const seen = byKey.get(row.key);
      if (seen === undefined) {
        const merged = { ...row, i, sourceIds: [p.sourceId], claims: [claim], values: {} };
        byKey.set(row.key, merged);
        claimsOf.set(merged, row.claim === null ? [] : [row.claim]);
        continue;
      }
      shares.push(i);
      seen.sourceIds = sortedUnion(seen.sourceIds, [p.sourceId]);
      seen.claims.push(claim);
      if (row.claim !== null) claimsOf.get(seen)?.push(row.claim);
      const names = new Map(seen.names.map((n) => [n.key, n]));
      for (const n of row.names) names.set(n.key, n);
      seen.names = [...names.values()];
    }
  });
  for (const row of byKey.values()) {
    const claims = claimsOf.get(row) ?? [];
    row.values = isClaimedLabel(label) && claims.length > 0 ? nodeValues(label, claims) : {};
  }
  const claims = new Map([...byKey.values()].map((r) => [r.key, claimsOf.get(r) ?? []]));
  return { rows: [...byKey.values()], shares, claims };
}

export const edgeKey = (e: EdgeRow) =>
  `${e.from}|${e.to}|${typeof e.props.titleKey === 'string' ? e.props.titleKey : ''}`;

/** What a document claims about an edge: its values less the identifying title key. */
function edgeClaim(row: EdgeRow, published: string): EdgeClaim {
  const { titleKey: _t, ...props } = row.props;
  return { published, props };
}

export function mergeEdges(plans: WritePlan[], kind: EdgeKind): Merged<BatchEdgeRow, EdgeClaim> {
  const byKey = new Map<string, BatchEdgeRow>();
  const claimsOf = new Map<BatchEdgeRow, EdgeClaim[]>();
  const shares: number[] = [];
  const claimed = isClaimedEdge(kind);
  plans.forEach((p, i) => {
    for (const row of p.edges[kind]) {
      const claim = edgeClaim(row, p.published);
      const text = claimed ? [edgeClaimText(p.sourceId, claim)] : [];
      const seen = byKey.get(edgeKey(row));
      if (seen === undefined) {
        const merged = { ...row, i, sourceIds: [p.sourceId], claims: text, values: {} };
        byKey.set(edgeKey(row), merged);
        claimsOf.set(merged, [claim]);
        continue;
      }
      shares.push(i);
      seen.sourceIds = sortedUnion(seen.sourceIds, [p.sourceId]);
      seen.claims = sortedUnion(seen.claims, text);
      claimsOf.get(seen)?.push(claim);
    }
  });
  for (const row of byKey.values())
    row.values = isClaimedEdge(kind) ? edgeValues(kind, claimsOf.get(row) ?? []) : {};
  const claims = new Map([...byKey.values()].map((r) => [edgeKey(r), claimsOf.get(r) ?? []]));
  return { rows: [...byKey.values()], shares, claims };
}
