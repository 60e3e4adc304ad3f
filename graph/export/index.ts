// Subgraph exports by format name: what the HTTP endpoint and the CLI share.
import type { SubgraphRow } from '../model';
import { toCytoscape } from './cytoscape';
import { toGEXF } from './gexf';
import { toGraphML } from './graphml';

export const EXPORT_FORMATS = {
  cyjs: { contentType: 'application/json; charset=utf-8', extension: 'cyjs' },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(s: string): s is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, s);
}

export function renderExport(g: SubgraphRow, format: ExportFormat): string {
  if (format === 'graphml') return toGraphML(g);
  if (format === 'gexf') return toGEXF(g);
  return `${JSON.stringify(toCytoscape(g), null, 2)}\n`;
}
