// Takes a document's assertions out of the graph, inside the caller's transaction: it leaves every fact edge's
// `sources` (edges no other document asserts go), its claims go from the edges others share, and its links to
// what it mentions go. What it touched is noted in `stale`, for rederive.ts to derive values again and remove
// what nothing mentions any more. The document's own node stays (a revision writes its new version next).
import type { Stale } from './rederive';
import type { Run } from './write';

// Every fact a document asserts starts at a node the document mentions, so its MENTIONS links find them all.
const LEAVE_EDGES = `
MATCH (s:Source {id: $sid})-[:MENTIONS]->(a)-[e]->(b)
WHERE $sid IN coalesce(e.sources, [])
SET e.sources = [x IN e.sources WHERE x <> $sid]
SET e.claims = CASE WHEN e.claims IS NULL THEN null ELSE [c IN e.claims WHERE NOT c STARTS WITH $sid + '\\t'] END
RETURN elementId(e) AS eid, size(e.sources) = 0 AS gone, e.claims IS NOT NULL AS claimed`;

const DELETE_EDGES = `
UNWIND $ids AS eid
MATCH ()-[e]->() WHERE elementId(e) = eid
DELETE e`;

const LEAVE_MENTIONS = `
MATCH (s:Source {id: $sid})-[m:MENTIONS]->(n)
WITH m, n, labels(n)[0] AS label, m.claim IS NOT NULL AS claimed
DELETE m
RETURN n.id AS id, label, claimed`;

export interface Unasserted {
  /** Fact edges removed because no other document asserts them. */
  relationshipsRemoved: number;
  /** Links from the document to what it mentions. */
  mentionsRemoved: number;
}

export async function unassertSource(sid: string, run: Run, stale: Stale): Promise<Unasserted> {
  const edges = await run(LEAVE_EDGES, { sid });
  const gone = edges.filter((r) => r.gone === true).map((r) => String(r.eid));
  if (gone.length > 0) await run(DELETE_EDGES, { ids: gone });
  for (const r of edges) if (r.gone !== true && r.claimed === true) stale.edge(String(r.eid));
  const mentioned = await run(LEAVE_MENTIONS, { sid });
  // Themes are the shipped vocabulary: they stay whether or not a document mentions them.
  for (const r of mentioned)
    if (r.label !== 'Theme') stale.lost(String(r.label), String(r.id), r.claimed === true);
  return { relationshipsRemoved: gone.length, mentionsRemoved: mentioned.length };
}
