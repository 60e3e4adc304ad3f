// Merges the rows of several plans so that one UNWIND statement never touches the same node or edge twice: Neo4j
// does not promise that a later row sees an earlier row's writes within one statement, so two documents adding
// themselves to one edge's `sources` in the same statement could lose one. Merged rows carry every document
// (`sourceIds`) and the earlier plan's values first, which is what writing the plans one by one would keep.
import type { EdgeKind, EdgeRow, NodeLabel, NodeRow, WritePlan } from './rows';

export interface BatchNodeRow extends NodeRow {
  /** Index of the first plan with this node: the one its creation is counted for. */
  i: number;
  sourceIds: string[];
}
export interface BatchEdgeRow extends EdgeRow {
  i: number;
  sourceIds: string[];
}
export interface Merged<T> {
  rows: T[];
  /** Plans whose row was folded into an earlier plan's: each counts it as matched. */
  shares: number[];
}

const sortedUnion = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();

function fillProps(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from))
    if ((into[k] === null || into[k] === undefined) && v !== undefined) into[k] = v;
}

export function mergeNodes(plans: WritePlan[], label: NodeLabel): Merged<BatchNodeRow> {
  const byKey = new Map<string, BatchNodeRow>();
  const shares: number[] = [];
  plans.forEach((p, i) => {
    for (const row of p.nodes[label]) {
      const seen = byKey.get(row.key);
      if (seen === undefined) {
        byKey.set(row.key, { ...row, props: { ...row.props }, i, sourceIds: [p.sourceId] });
        continue;
      }
      shares.push(i);
      seen.sourceIds = sortedUnion(seen.sourceIds, [p.sourceId]);
      seen.aliases = [...new Set([...seen.aliases, ...row.aliases])];
      const names = new Map(seen.names.map((n) => [n.key, n]));
      for (const n of row.names) names.set(n.key, n);
      seen.names = [...names.values()];
      // Dialogue countries accumulate; every other property keeps the first value given.
      const countries = seen.props.countries;
      fillProps(seen.props, row.props);
      if (label === 'Dialogue' && Array.isArray(countries) && Array.isArray(row.props.countries)) {
        seen.props.countries = [
          ...new Set([...(countries as string[]), ...(row.props.countries as string[])]),
        ];
      }
    }
  });
  return { rows: [...byKey.values()], shares };
}

const edgeKey = (e: EdgeRow) =>
  `${e.from}|${e.to}|${typeof e.props.titleKey === 'string' ? e.props.titleKey : ''}`;

export function mergeEdges(plans: WritePlan[], kind: EdgeKind): Merged<BatchEdgeRow> {
  const byKey = new Map<string, BatchEdgeRow>();
  const shares: number[] = [];
  plans.forEach((p, i) => {
    for (const row of p.edges[kind]) {
      const notes = typeof row.props.note === 'string' ? [row.props.note] : [];
      const seen = byKey.get(edgeKey(row));
      if (seen === undefined) {
        byKey.set(edgeKey(row), { ...row, props: { ...row.props, notes }, i, sourceIds: [p.sourceId] });
        continue;
      }
      shares.push(i);
      seen.sourceIds = sortedUnion(seen.sourceIds, [p.sourceId]);
      const { attestedFrom: af, attestedTo: at } = seen.props;
      fillProps(seen.props, row.props);
      seen.props.notes = sortedUnion(seen.props.notes as string[], notes);
      // A post is attested from the earliest to the latest date any of the documents gives.
      if (
        typeof af === 'string' &&
        typeof row.props.attestedFrom === 'string' &&
        row.props.attestedFrom < af
      ) {
        seen.props.attestedFrom = row.props.attestedFrom;
      }
      if (typeof at === 'string' && typeof row.props.attestedTo === 'string' && row.props.attestedTo > at) {
        seen.props.attestedTo = row.props.attestedTo;
      }
    }
  });
  return { rows: [...byKey.values()], shares };
}
