// Every statement the reference runs, one per GraphQL field, each for one parent object ($id). They are written
// from the schema's descriptions and the canonical orders, not taken from graph/queries: every list ends with a
// tie-break on the far entity's id so that an answer has exactly one correct order.
import type { EntityLabel } from '../../graph/model';

/** How an entity comes back: the columns toEntity reads. */
const ENTITY = (v: string) => `labels(${v}) AS labels, properties(${v}) AS props`;

export const entityById = (label: EntityLabel) => `MATCH (n:${label} {id: $id}) RETURN ${ENTITY('n')}`;

/** Source documents by id (a fact edge lists them), newest first. */
export const SOURCES_OF_EDGE = `
MATCH ()-[r]->() WHERE elementId(r) = $rel
UNWIND coalesce(r.sources, []) AS sourceId
MATCH (s:Source {id: sourceId})
WITH DISTINCT s
RETURN ${ENTITY('s')}
ORDER BY s.published DESC, s.id`;

/** Documents that mention an entity, newest first. */
export const mentionsOf = (label: EntityLabel) => `
MATCH (:${label} {id: $id})<-[:MENTIONS]-(s:Source)
WITH DISTINCT s
RETURN ${ENTITY('s')}
ORDER BY s.published DESC, s.id`;

/** Each document's own claim on an entity, kept on its MENTIONS link; newest document first. */
export const claimsOnEntity = (label: EntityLabel) => `
MATCH (:${label} {id: $id})<-[m:MENTIONS]-(s:Source)
WHERE m.claim IS NOT NULL
RETURN s.id AS sourceId, m.claim AS text
ORDER BY s.published DESC, s.id`;

/** Each document's claim on a fact edge, kept in its `claims` list as "source id<TAB>JSON"; newest first. */
export const CLAIMS_ON_EDGE = `
MATCH ()-[r]->() WHERE elementId(r) = $rel
UNWIND coalesce(r.claims, []) AS text
WITH text, split(text, '\\t')[0] AS sourceId
MATCH (s:Source {id: sourceId})
RETURN sourceId, text
ORDER BY s.published DESC, s.id`;

/** Every relationship of an entity except the internal NAMES and MERGED_INTO links, seen from the entity. */
export const relationsOf = (label: EntityLabel) => `
MATCH (n:${label} {id: $id})-[r]-(m)
WHERE NOT type(r) IN ['NAMES', 'MERGED_INTO'] AND m.id IS NOT NULL AND ($types IS NULL OR type(r) IN $types)
WITH r, m, CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END AS direction
RETURN elementId(r) AS rel, type(r) AS type, direction, m.id AS nodeId, properties(r) AS props
ORDER BY type(r), m.sortKey, m.id, direction, coalesce(r.title, '')`;

/** Countries by their ids, in the order given (a stored `countries` property). */
export const COUNTRIES_IN_ORDER = `
UNWIND range(0, size($ids) - 1) AS i
MATCH (c:Country {id: $ids[i]})
RETURN ${ENTITY('c')}
ORDER BY i`;

// --- Person

const POST = `elementId(r) AS rel, p.id AS personId, o.id AS organizationId, properties(r) AS props`;

/** Posts; with a period ($from..$to), only those whose known period overlaps it. */
export const PERSON_POSITIONS = `
MATCH (p:Person {id: $id})-[r:HOLDS_POST]->(o:Organization)
WHERE $from IS NULL OR (r.validFrom <= $to AND r.validTo >= $from)
RETURN ${POST}
ORDER BY r.validTo DESC, r.title, o.id`;

const ATTENDANCE = `elementId(r) AS rel, p.id AS personId, d.id AS dialogueId, properties(r) AS props`;

export const PERSON_DIALOGUES = `
MATCH (p:Person {id: $id})-[r:ATTENDED]->(d:Dialogue)
RETURN ${ATTENDANCE}
ORDER BY d.startKey DESC, d.id`;

/** Two people meet across the table when they sat on different national delegations at the same dialogue. */
const ACROSS = `coalesce(b.country, q.country) <> coalesce(a.country, p.country)`;

export const PERSON_COUNTERPARTS = `
MATCH (p:Person {id: $id})-[a:ATTENDED]->(d:Dialogue)<-[b:ATTENDED]-(q:Person)
WHERE q <> p AND ${ACROSS}
WITH q, count(DISTINCT d) AS shared
RETURN q.id AS id
ORDER BY shared DESC, q.sortKey, q.id`;

export const COUNTERPART_DIALOGUES = `
MATCH (p:Person {id: $person})-[a:ATTENDED]->(d:Dialogue)<-[b:ATTENDED]-(q:Person {id: $other})
WHERE ${ACROSS}
WITH DISTINCT d
RETURN ${ENTITY('d')}
ORDER BY d.startKey DESC, d.id`;

/** Both sides' attendance sources at the dialogues they shared. */
export const COUNTERPART_SOURCES = `
MATCH (p:Person {id: $person})-[a:ATTENDED]->(d:Dialogue)<-[b:ATTENDED]-(q:Person {id: $other})
WHERE ${ACROSS}
UNWIND coalesce(a.sources, []) + coalesce(b.sources, []) AS sourceId
MATCH (s:Source {id: sourceId})
WITH DISTINCT s
RETURN ${ENTITY('s')}
ORDER BY s.published DESC, s.id`;

// --- Organization

export const ORG_PARENT = `
MATCH (:Organization {id: $id})-[:PART_OF]->(m:Organization)
RETURN ${ENTITY('m')}
ORDER BY m.sortKey, m.id
LIMIT 1`;

export const ORG_CHILDREN = `
MATCH (:Organization {id: $id})<-[:PART_OF]-(m:Organization)
RETURN ${ENTITY('m')}
ORDER BY m.sortKey, m.id`;

export const ORG_ANCESTORS = `
MATCH path = (:Organization {id: $id})-[:PART_OF*1..20]->(m:Organization)
WITH m, min(length(path)) AS distance
RETURN ${ENTITY('m')}
ORDER BY distance, m.sortKey, m.id`;

export const ORG_MEMBERS = `
MATCH (p:Person)-[r:HOLDS_POST]->(o:Organization {id: $id})
WHERE $from IS NULL OR (r.validFrom <= $to AND r.validTo >= $from)
RETURN ${POST}
ORDER BY p.sortKey, r.title, p.id`;

/** Dialogues someone attended on the organisation's behalf, and those whose working group it is. */
export const ORG_DIALOGUES = `
MATCH (o:Organization {id: $id})
CALL (o) {
  MATCH (:Person)-[a:ATTENDED]->(d:Dialogue) WHERE a.onBehalfOf = o.id RETURN d
  UNION
  MATCH (d:Dialogue)-[:WORKING_GROUP]->(o) RETURN d
}
RETURN ${ENTITY('d')}
ORDER BY d.startKey DESC, d.id`;

export const ORG_AGREEMENTS = `
MATCH (:Organization {id: $id})-[:PARTY_TO]->(m:Agreement)
RETURN ${ENTITY('m')}
ORDER BY m.signedKey DESC, m.id`;

// --- Dialogue and series

export const DIALOGUE_SERIES = `
MATCH (:Dialogue {id: $id})-[:EDITION_OF]->(m:DialogueSeries)
RETURN ${ENTITY('m')}
ORDER BY m.sortKey, m.id
LIMIT 1`;

export const DIALOGUE_PARTICIPANTS = `
MATCH (p:Person)-[r:ATTENDED]->(d:Dialogue {id: $id})
WITH p, r, d,
  CASE r.role WHEN 'co_chair' THEN 0 WHEN 'head_of_delegation' THEN 1 WHEN 'delegate' THEN 2 ELSE 3 END AS rank
RETURN ${ATTENDANCE}
ORDER BY rank, r.country, p.sortKey, p.id`;

export const DIALOGUE_THEMES = `
MATCH (:Dialogue {id: $id})-[r:DISCUSSED]->(t:Theme)
RETURN elementId(r) AS rel, t.id AS themeId, coalesce(r.notes, []) AS notes
ORDER BY t.sortKey, t.id`;

export const DIALOGUE_AGREEMENTS = `
MATCH (:Dialogue {id: $id})<-[:CONCLUDED_AT]-(m:Agreement)
RETURN ${ENTITY('m')}
ORDER BY m.sortKey, m.id`;

export const DIALOGUE_WORKING_GROUPS = `
MATCH (:Dialogue {id: $id})-[:WORKING_GROUP]->(m:Organization)
RETURN ${ENTITY('m')}
ORDER BY m.sortKey, m.id`;

export const SERIES_EDITIONS = `
MATCH (:DialogueSeries {id: $id})<-[:EDITION_OF]-(m:Dialogue)
RETURN ${ENTITY('m')}
ORDER BY m.startKey, m.id`;

// --- Theme

export const THEME_BROADER = `
MATCH (:Theme {id: $id})-[:BROADER]->(m:Theme)
RETURN ${ENTITY('m')}
ORDER BY m.sortKey, m.id`;

export const THEME_NARROWER = `
MATCH (:Theme {id: $id})<-[:BROADER]-(m:Theme)
RETURN ${ENTITY('m')}
ORDER BY m.sortKey, m.id`;

export const THEME_DIALOGUES = `
MATCH (:Theme {id: $id})<-[:DISCUSSED]-(m:Dialogue)
RETURN ${ENTITY('m')}
ORDER BY m.startKey DESC, m.id`;

/** Dialogues on the theme or on any theme below it in the vocabulary. */
export const THEME_DIALOGUES_DEEP = `
MATCH (:Theme {id: $id})<-[:BROADER*0..10]-(:Theme)<-[:DISCUSSED]-(m:Dialogue)
WITH DISTINCT m
RETURN ${ENTITY('m')}
ORDER BY m.startKey DESC, m.id`;

export const THEME_AGREEMENTS = `
MATCH (:Theme {id: $id})<-[:COVERS]-(m:Agreement)
RETURN ${ENTITY('m')}
ORDER BY m.signedKey DESC, m.id`;

// --- Agreement

export const AGREEMENT_PARTIES = `
MATCH (o:Organization)-[r:PARTY_TO]->(:Agreement {id: $id})
RETURN elementId(r) AS rel, o.id AS organizationId
ORDER BY o.sortKey, o.id`;

export const AGREEMENT_DIALOGUE = `
MATCH (:Agreement {id: $id})-[:CONCLUDED_AT]->(m:Dialogue)
RETURN ${ENTITY('m')}
ORDER BY m.startKey, m.id
LIMIT 1`;

export const AGREEMENT_THEMES = `
MATCH (:Agreement {id: $id})-[:COVERS]->(m:Theme)
RETURN ${ENTITY('m')}
ORDER BY m.sortKey, m.id`;

// --- Country and Source

export const COUNTRY_ORGANIZATIONS = `
MATCH (:Country {id: $id})<-[:OF_COUNTRY]-(m:Organization)
RETURN ${ENTITY('m')}
ORDER BY m.sortKey, m.id`;

export const COUNTRY_PEOPLE = `
MATCH (:Country {id: $id})<-[:OF_COUNTRY]-(m:Person)
RETURN ${ENTITY('m')}
ORDER BY m.sortKey, m.id`;

export const COUNTRY_DIALOGUES = `
MATCH (:Country {id: $id})<-[:BETWEEN]-(m:Dialogue)
RETURN ${ENTITY('m')}
ORDER BY m.startKey DESC, m.id`;

export const SOURCE_MENTIONS = `
MATCH (:Source {id: $id})-[:MENTIONS]->(m)
WHERE $labels IS NULL OR any(l IN labels(m) WHERE l IN $labels)
RETURN ${ENTITY('m')}
ORDER BY m.sortKey, m.id`;

// --- Root fields

export const COUNTRY_BY_CODE = `MATCH (c:Country {code: $code}) RETURN ${ENTITY('c')}`;

export const ALL_COUNTRIES = `MATCH (c:Country) RETURN ${ENTITY('c')} ORDER BY c.sortKey, c.id`;

export const LATEST_SOURCES = `
MATCH (s:Source)
RETURN ${ENTITY('s')}
ORDER BY s.published DESC, s.id
LIMIT $first`;

/** The filter of each paginated list (every parameter null when unused) and the key it is ordered on. */
export const LISTS = {
  people: {
    match: `MATCH (n:Person)
WHERE ($country IS NULL OR n.country = $country)
  AND ($organization IS NULL OR EXISTS { (n)-[:HOLDS_POST]->(:Organization {id: $organization}) })`,
    key: 'n.sortKey',
    descending: false,
  },
  organizations: {
    match: `MATCH (n:Organization)
WHERE ($country IS NULL OR $country IN n.countries)
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($partOf IS NULL OR EXISTS { (n)-[:PART_OF*1..20]->(:Organization {id: $partOf}) })`,
    key: 'n.sortKey',
    descending: false,
  },
  dialogues: {
    match: `MATCH (n:Dialogue)
WHERE ($countries IS NULL OR all(c IN $countries WHERE c IN n.countries))
  AND ($theme IS NULL OR EXISTS { (n)-[:DISCUSSED]->(:Theme)-[:BROADER*0..10]->(:Theme {id: $theme}) })
  AND ($from IS NULL OR n.endKey >= $from)
  AND ($to IS NULL OR n.startKey <= $to)`,
    key: 'n.startKey',
    descending: true,
  },
  agreements: {
    match: `MATCH (n:Agreement)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($party IS NULL OR EXISTS { (n)<-[:PARTY_TO]-(:Organization)-[:PART_OF*0..20]->(:Organization {id: $party}) })
  AND ($from IS NULL OR n.signedKey >= $from)
  AND ($to IS NULL OR n.signedKey <= $to)`,
    key: "coalesce(n.signedKey, '')",
    descending: true,
  },
  themes: {
    match: `MATCH (n:Theme)
WHERE ($topLevel IS NULL OR $topLevel = (NOT EXISTS { (n)-[:BROADER]->(:Theme) }))
  AND ($used IS NULL OR $used = (EXISTS { (n)<-[:DISCUSSED|COVERS]-() }))`,
    key: 'n.sortKey',
    descending: false,
  },
} as const;

export type ListSpec = (typeof LISTS)[keyof typeof LISTS];

/** One page after the cursor ($afterKey, $afterId), one row more than asked to tell whether more follow. */
export function listPage(spec: ListSpec): string {
  const after = spec.descending ? '<' : '>';
  const dir = spec.descending ? 'DESC' : 'ASC';
  return `${spec.match}
WITH n, ${spec.key} AS k
WHERE $afterKey IS NULL OR k ${after} $afterKey OR (k = $afterKey AND n.id ${after} $afterId)
RETURN ${ENTITY('n')}, k
ORDER BY k ${dir}, n.id ${dir}
LIMIT $limit`;
}

export const listCount = (spec: ListSpec) => `${spec.match}\nRETURN count(n) AS total`;

/** The themes an entity is directly about, per label; `found` tells a missing entity from a theme-less one. */
export const DIRECT_THEMES: Record<Exclude<EntityLabel, 'Source'>, string> = {
  Dialogue: `OPTIONAL MATCH (e:Dialogue {id: $id})
RETURN e IS NOT NULL AS found, COLLECT { MATCH (e)-[:DISCUSSED]->(t:Theme) RETURN t.id } AS themes`,
  Agreement: `OPTIONAL MATCH (e:Agreement {id: $id})
RETURN e IS NOT NULL AS found, COLLECT { MATCH (e)-[:COVERS]->(t:Theme) RETURN t.id } AS themes`,
  Person: `OPTIONAL MATCH (e:Person {id: $id})
RETURN e IS NOT NULL AS found,
  COLLECT { MATCH (e)-[:ATTENDED]->(:Dialogue)-[:DISCUSSED]->(t:Theme) RETURN t.id } AS themes`,
  Organization: `OPTIONAL MATCH (e:Organization {id: $id})
RETURN e IS NOT NULL AS found,
  COLLECT { MATCH (:Person)-[a:ATTENDED]->(:Dialogue)-[:DISCUSSED]->(t:Theme) WHERE a.onBehalfOf = e.id RETURN t.id }
  + COLLECT { MATCH (e)<-[:WORKING_GROUP]-(:Dialogue)-[:DISCUSSED]->(t:Theme) RETURN t.id }
  + COLLECT { MATCH (e)-[:PARTY_TO]->(:Agreement)-[:COVERS]->(t:Theme) RETURN t.id } AS themes`,
  Country: `OPTIONAL MATCH (e:Country {id: $id})
RETURN e IS NOT NULL AS found,
  COLLECT { MATCH (e)<-[:BETWEEN]-(:Dialogue)-[:DISCUSSED]->(t:Theme) RETURN t.id } AS themes`,
  DialogueSeries: `OPTIONAL MATCH (e:DialogueSeries {id: $id})
RETURN e IS NOT NULL AS found,
  COLLECT { MATCH (e)<-[:EDITION_OF]-(:Dialogue)-[:DISCUSSED]->(t:Theme) RETURN t.id } AS themes`,
  Theme: `OPTIONAL MATCH (e:Theme {id: $id})
RETURN e IS NOT NULL AS found, CASE WHEN e IS NULL THEN [] ELSE [e.id] END AS themes`,
};

/** Themes with everything above them in the vocabulary. */
export const WITH_BROADER = `
MATCH (t:Theme)-[:BROADER*0..10]->(b:Theme) WHERE t.id IN $ids
RETURN DISTINCT b.id AS id`;

export const THEMES_BY_IDS = `
MATCH (t:Theme) WHERE t.id IN $ids
RETURN ${ENTITY('t')}
ORDER BY t.sortKey, t.id`;

/** Timeline candidates: dialogues where all the countries took part (dates are filtered by the caller). */
export const TIMELINE_DIALOGUES = `
MATCH (n:Dialogue)
WHERE n.startDate IS NOT NULL AND ($countries IS NULL OR all(c IN $countries WHERE c IN n.countries))
RETURN ${ENTITY('n')}`;

/** Signed agreements each of whose countries is a party's or the concluding dialogue's. */
export const TIMELINE_AGREEMENTS = `
MATCH (n:Agreement)
WHERE n.signedOn IS NOT NULL
  AND ($countries IS NULL OR all(c IN $countries WHERE
    EXISTS { MATCH (o:Organization)-[:PARTY_TO]->(n) WHERE c IN o.countries }
    OR EXISTS { MATCH (n)-[:CONCLUDED_AT]->(d:Dialogue) WHERE c IN d.countries }))
RETURN ${ENTITY('n')}`;
