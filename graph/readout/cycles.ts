// partOf cycles through the graph: a new edge child → parent closes a cycle when the child is already above the
// parent, following PART_OF edges in the graph, staged by earlier readouts of the batch, or added by this one.
import type { Query } from './rows';

const ANCESTORS = `
UNWIND $ids AS id
MATCH (:Organization {id: id})-[:PART_OF*1..50]->(a:Organization)
RETURN id, collect(DISTINCT a.id) AS ancestors`;

/** Graph ancestors already known for a chunk of readouts, so that most readouts need no query of their own. */
export interface KnownAncestors {
  /** Organisation id → its ancestors in the graph. */
  of: ReadonlyMap<string, readonly string[]>;
  /** True for ids known to be absent from the graph (so without ancestors there). */
  absent(id: string): boolean;
}

export async function ancestorsOf(ids: readonly string[], query: Query): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  for (const r of await query(ANCESTORS, { ids })) out.set(String(r.id), r.ancestors as string[]);
  return out;
}

/** Indexes of the edges in `edges` ([child, parent] ids) that close a cycle. */
export async function cyclicEdges(
  edges: [string, string][],
  staged: ReadonlyMap<string, ReadonlySet<string>>,
  query: Query,
  known?: KnownAncestors,
): Promise<number[]> {
  if (edges.length === 0) return [];
  // This readout's edges and the graph's ancestors; the batch's staged edges are consulted, not copied.
  const up = new Map<string, Set<string>>();
  const link = (a: string, b: string) => up.set(a, (up.get(a) ?? new Set<string>()).add(b));
  for (const [a, b] of edges) link(a, b);
  const reachable = (from: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [from];
    for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(up.get(at) ?? []), ...(staged.get(at) ?? []));
    }
    return seen;
  };
  // Graph ancestors of every organisation reachable so far; staged edges can lead to more, so repeat until closed.
  const fetched = new Set<string>();
  for (;;) {
    const pending = [...new Set(edges.flatMap(([, p]) => [...reachable(p)]))].filter(
      (id) => !fetched.has(id),
    );
    if (pending.length === 0) break;
    pending.forEach((id) => fetched.add(id));
    const ask = pending.filter((id) => known === undefined || (!known.of.has(id) && !known.absent(id)));
    const asked = await ancestorsOf(ask, query);
    for (const id of pending) for (const a of asked.get(id) ?? known?.of.get(id) ?? []) link(id, a);
  }
  return edges.flatMap(([child, parent], i) => (reachable(parent).has(child) ? [i] : []));
}
