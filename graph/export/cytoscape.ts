// Cytoscape.js JSON (the `.cyjs` shape Cytoscape desktop also imports): elements with `data` objects.
import type { SubgraphRow } from '../model';

export function toCytoscape(g: SubgraphRow, name = 'bilateral security subgraph'): Record<string, unknown> {
  return {
    format_version: '1.0',
    generated_by: 'bilateral-security-graph',
    target_cytoscapejs_version: '~3',
    data: { name },
    elements: {
      nodes: g.nodes.map((n) => ({ data: { ...n.properties, id: n.id, label: n.label, type: n.type } })),
      edges: g.edges.map((e) => ({
        data: {
          ...e.properties,
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
