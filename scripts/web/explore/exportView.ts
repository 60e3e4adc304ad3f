// "Export this view": Cytoscape.js JSON straight from the canvas, and links to the server's /export for GraphML
// and GEXF (the same neighbourhoods: the expanded ids at depth 1, same filters).
import type { Core } from 'cytoscape';
import type { FilterValues } from './filters';
import type { GraphEdge, GraphNode } from './queries';

/** The view in Cytoscape.js JSON (`elements` with data, stored properties and positions), as Cytoscape imports it. */
export function cytoscapeJson(cy: Core): object {
  return {
    format_version: '1.0',
    generated_by: 'bilateral-security-graph explorer',
    elements: {
      nodes: cy.nodes().map((n) => ({
        data: {
          ...(n.data('entity') as GraphNode).properties,
          id: n.id(),
          label: n.data('label') as string,
          type: n.data('type') as string,
        },
        position: { ...n.position() },
      })),
      edges: cy.edges().map((e) => ({
        data: {
          ...(e.data('relation') as GraphEdge).properties,
          id: e.id(),
          source: e.source().id(),
          target: e.target().id(),
          type: e.data('type') as string,
        },
      })),
    },
  };
}

export function downloadJson(filename: string, value: object): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The same view from the server's /export (the expanded ids at depth 1, with the view's filters and cap). */
export function serverExportUrl(
  ids: readonly string[],
  format: 'graphml' | 'gexf' | 'cyjs',
  filters: FilterValues,
  maxNodes: number,
): string {
  const q = new URLSearchParams({ ids: ids.join(','), depth: '1', maxNodes: String(maxNodes), format });
  if (filters.types) q.set('types', filters.types.join(','));
  if (filters.at) q.set('at', filters.at);
  return `/export?${q.toString()}`;
}
