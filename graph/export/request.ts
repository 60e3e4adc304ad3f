// One parser for export requests from HTTP query strings and CLI flags, with the same caps as the GraphQL
// `subgraph` field, and the export itself.
import { periodOf } from '../dates';
import { BadInputError } from '../errors';
import type { GraphExecutor } from '../executor';
import { EDGE_TYPES, isEdgeType } from '../model';
import { fetchSubgraph, type SubgraphOptions } from '../queries/subgraph';
import { EXPORT_FORMATS, isExportFormat, renderExport, type ExportFormat } from './index';

export interface ExportRequest extends SubgraphOptions {
  format: ExportFormat;
}

type Raw = Record<string, string | string[] | undefined>;

function list(v: string | string[] | undefined): string[] {
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

function single(v: string | string[] | undefined, name: string): string | undefined {
  if (Array.isArray(v)) {
    if (v.length > 1) throw new BadInputError(`${name}: give it once`);
    return v[0];
  }
  return v;
}

function integer(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v)) throw new BadInputError(`${name}: expected a whole number, got "${v}"`);
  return Number(v);
}

/** Reads ids, depth, maxNodes, types, at and format (defaults: depth 1, maxNodes 200, format graphml). */
export function parseExportRequest(raw: Raw): ExportRequest {
  const ids = list(raw.ids ?? raw.id);
  if (ids.length === 0)
    throw new BadInputError('ids: give at least one entity id, e.g. ids=person:ajay-bhalla');
  const format = single(raw.format, 'format') ?? 'graphml';
  if (!isExportFormat(format)) {
    throw new BadInputError(
      `format: expected one of ${Object.keys(EXPORT_FORMATS).join(', ')}, got "${format}"`,
    );
  }
  const types = list(raw.types);
  const unknown = types.filter((t) => !(EDGE_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0)
    throw new BadInputError(
      `types: unknown edge type(s) ${unknown.join(', ')}; known: ${EDGE_TYPES.join(', ')}`,
    );
  const at = single(raw.at, 'at');
  return {
    ids,
    depth: integer(single(raw.depth, 'depth'), 'depth', 1),
    maxNodes: integer(single(raw.maxNodes ?? raw['max-nodes'], 'maxNodes'), 'maxNodes', 200),
    types: types.length > 0 ? types.filter(isEdgeType) : null,
    at: at === undefined ? null : periodOf(at, 'at'),
    format,
  };
}

export interface ExportResult {
  body: string;
  contentType: string;
  filename: string;
  nodes: number;
  edges: number;
  truncated: boolean;
}

export async function exportSubgraph(executor: GraphExecutor, req: ExportRequest): Promise<ExportResult> {
  const g = await executor.withRead((run) => fetchSubgraph(run, req));
  const name = (req.ids[0] ?? 'subgraph').replace(/[^a-z0-9-]+/gi, '-');
  return {
    body: renderExport(g, req.format),
    contentType: EXPORT_FORMATS[req.format].contentType,
    filename: `${name}-depth${req.depth}.${EXPORT_FORMATS[req.format].extension}`,
    nodes: g.nodes.length,
    edges: g.edges.length,
    truncated: g.truncated,
  };
}
