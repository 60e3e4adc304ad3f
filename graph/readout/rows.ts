// The plan's vocabulary: plain rows, one per node and per edge, that plan.ts produces and write.ts sends in
// UNWIND statements.
import type { EntityLabel } from '../model';
import type { NodeClaim } from './claims';

export type Query = (cypher: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** The key of a Name node: one per label, scope and normalised spelling. */
export function nameKey(label: EntityLabel, scope: string, norm: string): string {
  return `${label}|${scope}|${norm}`;
}

export interface NameRow {
  key: string;
  norm: string;
}
export interface NodeRow {
  id: string;
  key: string;
  existing: boolean;
  /** Its names may denote other entities too (a pinned entry or a declared namesake): no clash check on them. */
  namesShared?: boolean;
  name: string;
  /** Aliases to add (already free of the name and of each other, after normalisation). */
  aliases: string[];
  names: NameRow[];
  props: Record<string, unknown>;
  /** What this document says of the entity (null: countries and the document itself, whose values are fixed). */
  claim: NodeClaim | null;
  /**
   * Normalised names by which the document also refers to the entity through the graph (not its own listing):
   * kept on its MENTIONS link, so that no other document's revision takes such a name away unnoticed.
   */
  via?: string[];
}
export interface EdgeRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/**
 * Edge kinds in the order they are written. THEME_MENTION and ORG_MENTION are MENTIONS edges from the document to
 * the themes it tags and to organisations it only refers to (those it lists get theirs with their node).
 */
export const EDGE_KINDS = [
  'HOLDS_POST',
  'ATTENDED',
  'PART_OF',
  'PERSON_OF_COUNTRY',
  'ORG_OF_COUNTRY',
  'BETWEEN',
  'HOSTED_BY',
  'EDITION_OF',
  'DISCUSSED',
  'WORKING_GROUP',
  'PARTY_TO',
  'CONCLUDED_AT',
  'COVERS',
  'THEME_MENTION',
  'ORG_MENTION',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];
export type NodeLabel =
  'Source' | 'Country' | 'Organization' | 'Person' | 'Dialogue' | 'DialogueSeries' | 'Agreement';

export interface WritePlan {
  file: string;
  sourceId: string;
  /** The document's publication date: its claims' date under the rule of claims.ts. */
  published: string;
  dialogueId: string;
  nodes: Record<NodeLabel, NodeRow[]>;
  edges: Record<EdgeKind, EdgeRow[]>;
}
