// Whole-graph counts: used by start-up (is the graph empty?) and by tests comparing two loads.
import type { GraphExecutor } from './executor';

const COUNTS = `
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
RETURN nodes, relationships, sources`;

export interface GraphCounts {
  nodes: number;
  relationships: number;
  sources: number;
}

export async function graphCounts(executor: GraphExecutor): Promise<GraphCounts> {
  const [row] = await executor.read(COUNTS);
  return {
    nodes: Number(row?.nodes ?? 0),
    relationships: Number(row?.relationships ?? 0),
    sources: Number(row?.sources ?? 0),
  };
}
