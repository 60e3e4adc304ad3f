// Cytoscape.js JSON (the `.cyjs` shape Cytoscape desktop also imports): elements with `data` objects.
import type { SubgraphRow } from '../model';

/** Data fields Cytoscape.js reads as structure (a `parent` would make a compound node of a missing parent). */
const RESERVED = new Set(['id', 'parent', 'source', 'target']);

/** Properties whose names Cytoscape.js reserves keep their values under `property_<name>`. */
function safeData(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props)
      .filter(([k, v]) => v !== undefined && !(k === 'id' && typeof v === 'string'))
      .map(([k, v]) => [RESERVED.has(k) ? `property_${k}` : k, v]),
  );
}

export function toCytoscape(g: SubgraphRow, name = 'bilateral security subgraph'): Record<string, unknown> {
  return {
    format_version: '1.0',
    generated_by: 'bilateral-security-graph',
    target_cytoscapejs_version: '~3',
    data: { name },
    elements: {
      nodes: g.nodes.map((n) => ({
        data: { ...safeData(n.properties), id: n.id, label: n.label, type: n.type },
      })),
      edges: g.edges.map((e) => ({
        data: {
          ...safeData(e.properties),
          id: e.id,
          source: e.source,
          target: e.target,
          type: e.type,
          sources: e.sources,
        },
      })),
    },
  };
}
