// The graph's vocabulary: node labels, relationship types, and the row shapes graph/ functions return (the
// GraphQL layer maps these through codegen mappers). Documented in docs/data-model.md.

export const ENTITY_LABELS = [
  'Person',
  'Organization',
  'Country',
  'Dialogue',
  'DialogueSeries',
  'Theme',
  'Agreement',
  'Source',
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** Relationship types an analyst sees. Internal ones (NAMES from alias nodes) are never exposed. */
export const EDGE_TYPES = [
  'HOLDS_POST', // Person → Organization {title, from, to, attestedFrom, attestedTo}
  'ATTENDED', // Person → Dialogue {role, title, onBehalfOf}
  'PART_OF', // Organization → Organization
  'OF_COUNTRY', // Person | Organization → Country
  'BETWEEN', // Dialogue → Country (a participating country)
  'HOSTED_BY', // Dialogue → Country
  'EDITION_OF', // Dialogue → DialogueSeries {edition}
  'DISCUSSED', // Dialogue → Theme {notes}
  'WORKING_GROUP', // Dialogue → Organization (a working group whose work the dialogue took up)
  'PARTY_TO', // Organization → Agreement
  'CONCLUDED_AT', // Agreement → Dialogue
  'COVERS', // Agreement → Theme
  'BROADER', // Theme → Theme (from the shipped vocabulary, not from a document)
  'MENTIONS', // Source → any entity
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/** Edges that state a fact asserted by documents: each carries `sources`, the ids of the documents. */
export const FACT_EDGE_TYPES: readonly EdgeType[] = EDGE_TYPES.filter(
  (t) => t !== 'BROADER' && t !== 'MENTIONS',
);

export const ORG_KINDS = ['ministry', 'department', 'agency', 'academy', 'working_group', 'other'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ROLES = ['co_chair', 'head_of_delegation', 'delegate', 'participant'] as const;
export type Role = (typeof ROLES)[number];
export const AGREEMENT_KINDS = ['mou', 'moc', 'treaty', 'joint_statement', 'other'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const SOURCE_KINDS = ['news', 'readout', 'press_release', 'joint_statement'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

interface Named {
  id: string;
  name: string;
  aliases: string[];
}

export interface PersonRow extends Named {
  country: string | null;
}
export interface OrganizationRow extends Named {
  kind: OrgKind;
  countries: string[];
}
export interface CountryRow {
  id: string;
  code: string;
  name: string;
}
export interface DialogueRow extends Named {
  edition: number | null;
  startDate: string;
  endDate: string | null;
  city: string | null;
  host: string | null;
  countries: string[];
  summary: string | null;
}
export type DialogueSeriesRow = Named;
export interface ThemeRow extends Named {
  description: string | null;
}
export interface AgreementRow extends Named {
  kind: AgreementKind;
  signedOn: string | null;
  summary: string | null;
}
export interface SourceRow {
  id: string;
  title: string;
  publisher: string;
  url: string | null;
  published: string;
  kind: SourceKind;
}

export type EntityRow =
  | ({ __typename: 'Person' } & PersonRow)
  | ({ __typename: 'Organization' } & OrganizationRow)
  | ({ __typename: 'Country' } & CountryRow)
  | ({ __typename: 'Dialogue' } & DialogueRow)
  | ({ __typename: 'DialogueSeries' } & DialogueSeriesRow)
  | ({ __typename: 'Theme' } & ThemeRow)
  | ({ __typename: 'Agreement' } & AgreementRow)
  | ({ __typename: 'Source' } & SourceRow);

/** Id prefixes are part of the public contract: `person:…` is always a Person. */
export const ID_PREFIX: Record<EntityLabel, string> = {
  Person: 'person',
  Organization: 'org',
  Country: 'country',
  Dialogue: 'dialogue',
  DialogueSeries: 'series',
  Theme: 'theme',
  Agreement: 'agreement',
  Source: 'source',
};

export function labelOfId(id: string): EntityLabel | undefined {
  const prefix = id.split(':', 1)[0];
  return ENTITY_LABELS.find((l) => ID_PREFIX[l] === prefix);
}

/** A post: (Person)-[:HOLDS_POST]->(Organization). */
export interface PositionRow {
  personId: string;
  organizationId: string;
  title: string;
  from: string | null;
  to: string | null;
  attestedFrom: string | null;
  attestedTo: string | null;
  /** Bounds of the period the post is known to be held (yyyy-mm-dd), for `at` filters. */
  validFrom: string | null;
  validTo: string | null;
  sources: string[];
}
/** (Person)-[:ATTENDED]->(Dialogue). */
export interface AttendanceRow {
  personId: string;
  dialogueId: string;
  role: string;
  title: string | null;
  onBehalfOf: string | null;
  country: string | null;
  sources: string[];
}
export interface CounterpartRow {
  personId: string;
  dialogueIds: string[];
  sources: string[];
}
export interface DiscussedThemeRow {
  themeId: string;
  notes: string[];
  sources: string[];
}
export interface PartyRow {
  organizationId: string;
  sources: string[];
}
export interface RelationRow {
  type: EdgeType;
  direction: 'OUT' | 'IN';
  nodeId: string;
  properties: Record<string, unknown>;
  sources: string[];
}
export interface EdgeRow {
  id: string;
  type: EdgeType;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  sources: string[];
}
export interface PathRow {
  nodeIds: string[];
  edges: EdgeRow[];
}
export interface SearchHitRow {
  id: string;
  score: number;
  /** What matched: the entity's name, one of its aliases, or text of a document (title, summary, notes). */
  matchedOn: 'NAME' | 'ALIAS' | 'TEXT';
  matched: string;
}
export interface GraphNodeRow {
  id: string;
  type: EntityLabel;
  label: string;
  properties: Record<string, unknown>;
}
export interface SubgraphRow {
  nodes: GraphNodeRow[];
  edges: EdgeRow[];
  truncated: boolean;
}
export interface TimelineRow {
  date: string;
  kind: 'DIALOGUE' | 'AGREEMENT';
  id: string;
  label: string;
}
/** One page of a list, keyset-paginated on (sortKey, id). */
export interface PageRow<T> {
  items: { cursor: string; node: T }[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Entity rows tagged with their GraphQL type: the codegen mappers for the Node types. */
export type PersonEntity = Extract<EntityRow, { __typename: 'Person' }>;
export type OrganizationEntity = Extract<EntityRow, { __typename: 'Organization' }>;
export type CountryEntity = Extract<EntityRow, { __typename: 'Country' }>;
export type DialogueEntity = Extract<EntityRow, { __typename: 'Dialogue' }>;
export type DialogueSeriesEntity = Extract<EntityRow, { __typename: 'DialogueSeries' }>;
export type ThemeEntity = Extract<EntityRow, { __typename: 'Theme' }>;
export type AgreementEntity = Extract<EntityRow, { __typename: 'Agreement' }>;
export type SourceEntity = Extract<EntityRow, { __typename: 'Source' }>;

export const isEdgeType = (t: string): t is EdgeType => (EDGE_TYPES as readonly string[]).includes(t);
