// Batched one-hop lookups: for many entity ids at once, the entities at the other end of one kind of edge.
// Each is one statement (`UNWIND $ids`), so a nested GraphQL field costs one query per level, not per row.
import type { Runner } from '../executor';
import type { EntityLabel, EntityRow } from '../model';
import { entityFromRow, groupById } from './rows';

const TAIL = 'RETURN id, labels(m) AS labels, properties(m) AS props';

function mentionedBy(label: Exclude<EntityLabel, 'Source'>): string {
  return `MATCH (:${label} {id: id})<-[:MENTIONS]-(m:Source) ${TAIL} ORDER BY m.published DESC`;
}

/**
 * Every body reads the variable `id` and returns (id, labels, props) in display order; a loader runs it after
 * `UNWIND $ids AS id`, a prefetch after UNWINDing keys computed in the same statement.
 */
export const NEIGHBOUR_BODIES = {
  orgParent: `MATCH (:Organization {id: id})-[:PART_OF]->(m:Organization) ${TAIL} ORDER BY m.sortKey`,
  orgChildren: `MATCH (:Organization {id: id})<-[:PART_OF]-(m:Organization) ${TAIL} ORDER BY m.sortKey`,
  orgAncestors: `MATCH p = (:Organization {id: id})-[:PART_OF*1..20]->(m:Organization)
    WITH id, m, min(length(p)) AS d ${TAIL} ORDER BY d, m.sortKey`,
  orgDialogues: `MATCH (o:Organization {id: id})
    CALL (o, id) {
      MATCH (:Person)-[a:ATTENDED]->(m:Dialogue) WHERE a.onBehalfOf = id RETURN m
      UNION MATCH (m:Dialogue)-[:WORKING_GROUP]->(o) RETURN m
    }
    ${TAIL} ORDER BY m.startKey DESC`,
  orgAgreements: `MATCH (:Organization {id: id})-[:PARTY_TO]->(m:Agreement) ${TAIL} ORDER BY m.signedKey DESC`,
  dialogueSeries: `MATCH (:Dialogue {id: id})-[:EDITION_OF]->(m:DialogueSeries) ${TAIL}`,
  dialogueAgreements: `MATCH (:Dialogue {id: id})<-[:CONCLUDED_AT]-(m:Agreement) ${TAIL} ORDER BY m.sortKey`,
  dialogueWorkingGroups: `MATCH (:Dialogue {id: id})-[:WORKING_GROUP]->(m:Organization) ${TAIL} ORDER BY m.sortKey`,
  seriesEditions: `MATCH (:DialogueSeries {id: id})<-[:EDITION_OF]-(m:Dialogue) ${TAIL} ORDER BY m.startKey`,
  themeBroader: `MATCH (:Theme {id: id})-[:BROADER]->(m:Theme) ${TAIL} ORDER BY m.sortKey`,
  themeNarrower: `MATCH (:Theme {id: id})<-[:BROADER]-(m:Theme) ${TAIL} ORDER BY m.sortKey`,
  themeDialogues: `MATCH (:Theme {id: id})<-[:DISCUSSED]-(m:Dialogue) ${TAIL} ORDER BY m.startKey DESC`,
  themeDialoguesDeep: `MATCH (:Theme {id: id})<-[:BROADER*0..10]-(:Theme)<-[:DISCUSSED]-(m:Dialogue)
    WITH DISTINCT id, m ${TAIL} ORDER BY m.startKey DESC`,
  themeAgreements: `MATCH (:Theme {id: id})<-[:COVERS]-(m:Agreement) ${TAIL} ORDER BY m.signedKey DESC`,
  agreementDialogue: `MATCH (:Agreement {id: id})-[:CONCLUDED_AT]->(m:Dialogue) ${TAIL}`,
  agreementThemes: `MATCH (:Agreement {id: id})-[:COVERS]->(m:Theme) ${TAIL} ORDER BY m.sortKey`,
  countryOrganizations: `MATCH (:Country {id: id})<-[:OF_COUNTRY]-(m:Organization) ${TAIL} ORDER BY m.sortKey`,
  countryPeople: `MATCH (:Country {id: id})<-[:OF_COUNTRY]-(m:Person) ${TAIL} ORDER BY m.sortKey`,
  countryDialogues: `MATCH (:Country {id: id})<-[:BETWEEN]-(m:Dialogue) ${TAIL} ORDER BY m.startKey DESC`,
  mentionedByPerson: mentionedBy('Person'),
  mentionedByOrganization: mentionedBy('Organization'),
  mentionedByCountry: mentionedBy('Country'),
  mentionedByDialogue: mentionedBy('Dialogue'),
  mentionedByDialogueSeries: mentionedBy('DialogueSeries'),
  mentionedByTheme: mentionedBy('Theme'),
  mentionedByAgreement: mentionedBy('Agreement'),
  sourceMentions: `MATCH (:Source {id: id})-[:MENTIONS]->(m) ${TAIL} ORDER BY m.sortKey`,
} as const satisfies Record<string, string>;

export type NeighbourKind = keyof typeof NEIGHBOUR_BODIES;

export const NEIGHBOUR_QUERIES = Object.fromEntries(
  Object.entries(NEIGHBOUR_BODIES).map(([k, body]) => [k, `UNWIND $ids AS id ${body}`]),
) as Record<NeighbourKind, string>;

/** For each id (in order), the neighbours of that kind; ids with none get an empty list. */
export async function fetchNeighbours(
  run: Runner,
  kind: NeighbourKind,
  ids: readonly string[],
): Promise<EntityRow[][]> {
  const rows = await run(NEIGHBOUR_QUERIES[kind], { ids: [...new Set(ids)] });
  const byId = groupById(ids, rows, entityFromRow);
  return ids.map((id) => byId.get(id) ?? []);
}
