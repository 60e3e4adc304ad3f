// The explorer's GraphQL operations and the shapes they return (schema/graph.graphql and the entity types).

/** EdgeType from schema/common.graphql, in the order the filter lists them. */
export const EDGE_TYPES = [
  'HOLDS_POST',
  'ATTENDED',
  'PART_OF',
  'OF_COUNTRY',
  'BETWEEN',
  'HOSTED_BY',
  'EDITION_OF',
  'DISCUSSED',
  'WORKING_GROUP',
  'PARTY_TO',
  'CONCLUDED_AT',
  'COVERS',
  'BROADER',
  'MENTIONS',
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

export interface GraphNode {
  id: string;
  type: string;
  label: string;
  properties: Record<string, unknown>;
}
export interface GraphEdge {
  id: string;
  type: EdgeType;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}
export interface SourceDoc {
  id: string;
  title: string;
  publisher: string;
  published: string;
  url: string | null;
}
export interface SearchHit {
  score: number;
  matchedOn: 'NAME' | 'ALIAS' | 'TEXT';
  matched: string;
  node: { id: string; __typename: string; name?: string; title?: string };
}

const HIT_FIELDS = `
    score
    matchedOn
    matched
    node {
      id
      __typename
      ... on Person { name }
      ... on Organization { name }
      ... on Country { name }
      ... on Dialogue { name }
      ... on DialogueSeries { name }
      ... on Theme { name }
      ... on Agreement { name }
      ... on Source { title }
    }`;

export const SEARCH = `query ExplorerSearch($text: String!) {
  search(text: $text, first: 10) {${HIT_FIELDS}
  }
}`;

/** Suggestions while typing: names and aliases only. */
export const AUTOCOMPLETE = `query ExplorerAutocomplete($text: String!) {
  autocomplete(text: $text, first: 8) {${HIT_FIELDS}
  }
}`;

export const SUBGRAPH = `query ExplorerSubgraph($ids: [ID!]!, $maxNodes: Int, $types: [EdgeType!], $at: Date) {
  subgraph(ids: $ids, depth: 1, maxNodes: $maxNodes, types: $types, at: $at) {
    truncated
    nodes { id type label properties }
    edges { id type source target properties }
  }
}`;

/** The documents behind an entity: the types that have `sources`, and a source document itself. */
export const NODE_SOURCES = `query ExplorerNodeSources($id: ID!) {
  node(id: $id) {
    __typename
    ... on Person { sources { ...Doc } }
    ... on Organization { sources { ...Doc } }
    ... on Dialogue { sources { ...Doc } }
    ... on Agreement { sources { ...Doc } }
    ... on Source { ...Doc }
  }
}
fragment Doc on Source { id title publisher published url }`;

/** An edge's `properties.sources` are document ids: resolve them to titles. */
export const SOURCES_BY_ID = `query ExplorerSources($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Source { id title publisher published url } }
}`;

export type NodeSourcesResult = {
  node: (Partial<SourceDoc> & { __typename: string; sources?: SourceDoc[] }) | null;
};
export type SourcesByIdResult = { nodes: (Partial<SourceDoc> | null)[] };
