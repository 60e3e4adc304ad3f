// The source documents behind a node or an edge, through the GraphQL API.
import { gql } from './gql';
import {
  NODE_SOURCES,
  SOURCES_BY_ID,
  type NodeSourcesResult,
  type SourceDoc,
  type SourcesByIdResult,
} from './queries';

function isDoc(d: Partial<SourceDoc> | null | undefined): d is SourceDoc {
  return typeof d?.id === 'string' && typeof d.title === 'string';
}

/** An entity's documents; a source document is its own; null for types without a `sources` field. */
export async function nodeSources(id: string): Promise<SourceDoc[] | null> {
  const { node } = await gql<NodeSourcesResult>(NODE_SOURCES, { id });
  if (node === null) return [];
  if (node.__typename === 'Source') return isDoc(node) ? [node] : [];
  return node.sources ?? null;
}

/** An edge's `properties.sources` document ids, resolved. */
export async function edgeSources(properties: Record<string, unknown>): Promise<SourceDoc[]> {
  const ids = Array.isArray(properties.sources)
    ? properties.sources.filter((s) => typeof s === 'string')
    : [];
  if (ids.length === 0) return [];
  const { nodes } = await gql<SourcesByIdResult>(SOURCES_BY_ID, { ids });
  return nodes.filter(isDoc);
}
