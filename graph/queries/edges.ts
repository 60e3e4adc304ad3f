// Batched relationship lookups that carry the edge's own properties and provenance: posts, attendance,
// counterparts, discussed themes, agreement parties, and the generic `relations` view.
import type { Runner } from '../executor';
import type {
  AttendanceRow,
  CounterpartRow,
  DiscussedThemeRow,
  EdgeType,
  EntityLabel,
  PartyRow,
  PositionRow,
  RelationRow,
} from '../model';
import { ENTITY_LABELS, labelOfId } from '../model';
import { groupById, optStr, str, strs } from './rows';

const POSITION_FIELDS = `title: r.title, from: r.from, to: r.to, attestedFrom: r.attestedFrom, attestedTo: r.attestedTo,
  validFrom: r.validFrom, validTo: r.validTo, sources: r.sources`;

/**
 * Each body reads the variable `id` (one key) and returns (id, row), in display order. A loader runs it after
 * `UNWIND $ids AS id`; a prefetch (graph/prefetch.ts) after UNWINDing keys computed in the same statement.
 */
export const EDGE_BODIES = {
  positionsByPerson: `MATCH (p:Person {id: id})-[r:HOLDS_POST]->(o:Organization)
    RETURN id, {personId: id, organizationId: o.id, ${POSITION_FIELDS}} AS row ORDER BY r.validTo DESC, r.title`,
  positionsByOrganization: `MATCH (p:Person)-[r:HOLDS_POST]->(o:Organization {id: id})
    RETURN id, {personId: p.id, organizationId: id, ${POSITION_FIELDS}} AS row ORDER BY p.sortKey, r.title`,
  // Keyed by `orgId|from|to` (membersAtKey): posts known to be held during that period, filtered in the graph,
  // since a large ministry has thousands of posts over the years and a question asks about one date.
  positionsByOrganizationAt: `WITH id, split(id, '|') AS k
    MATCH (p:Person)-[r:HOLDS_POST]->(o:Organization {id: k[0]})
    WHERE r.validFrom <= k[2] AND r.validTo >= k[1]
    RETURN id, {personId: p.id, organizationId: o.id, ${POSITION_FIELDS}} AS row ORDER BY p.sortKey, r.title`,
  attendanceByPerson: `MATCH (p:Person {id: id})-[r:ATTENDED]->(d:Dialogue)
    RETURN id, {personId: id, dialogueId: d.id, role: r.role, title: r.title, onBehalfOf: r.onBehalfOf,
      country: r.country, sources: r.sources} AS row ORDER BY d.startKey DESC`,
  attendanceByDialogue: `MATCH (p:Person)-[r:ATTENDED]->(d:Dialogue {id: id})
    RETURN id, {personId: p.id, dialogueId: id, role: r.role, title: r.title, onBehalfOf: r.onBehalfOf,
      country: r.country, sources: r.sources} AS row
    ORDER BY CASE r.role WHEN 'co_chair' THEN 0 WHEN 'head_of_delegation' THEN 1 WHEN 'delegate' THEN 2 ELSE 3 END, r.country, p.sortKey`,
  // Counterparts: people on another national delegation at a dialogue both attended.
  counterpartsByPerson: `MATCH (p:Person {id: id})-[a:ATTENDED]->(d:Dialogue)<-[b:ATTENDED]-(q:Person)
    WHERE q <> p AND coalesce(b.country, q.country) <> coalesce(a.country, p.country)
    WITH id, q, collect(DISTINCT d.id) AS dialogueIds, collect(a.sources) + collect(b.sources) AS srcs
    CALL (srcs) { UNWIND srcs AS s UNWIND s AS x RETURN collect(DISTINCT x) AS sources }
    RETURN id, {personId: q.id, dialogueIds: dialogueIds, sources: sources} AS row
    ORDER BY size(dialogueIds) DESC, q.sortKey`,
  themesByDialogue: `MATCH (:Dialogue {id: id})-[r:DISCUSSED]->(t:Theme)
    RETURN id, {themeId: t.id, notes: coalesce(r.notes, []), sources: r.sources} AS row ORDER BY t.sortKey`,
  partiesByAgreement: `MATCH (o:Organization)-[r:PARTY_TO]->(:Agreement {id: id})
    RETURN id, {organizationId: o.id, sources: r.sources} AS row ORDER BY o.sortKey`,
} as const satisfies Record<string, string>;

export type EdgeKind = keyof typeof EDGE_BODIES;

export const EDGE_QUERIES = Object.fromEntries(
  Object.entries(EDGE_BODIES).map(([k, body]) => [k, `UNWIND $ids AS id ${body}`]),
) as Record<EdgeKind, string>;

type Raw = Record<string, unknown>;

async function grouped<T>(
  run: Runner,
  cypher: string,
  ids: readonly string[],
  map: (r: Raw) => T,
): Promise<T[][]> {
  const rows = await run(cypher, { ids: [...new Set(ids)] });
  const byId = groupById(ids, rows, (r) => map((r.row ?? {}) as Raw));
  return ids.map((id) => byId.get(id) ?? []);
}

const toPosition = (r: Raw): PositionRow => ({
  personId: str(r.personId),
  organizationId: str(r.organizationId),
  title: str(r.title),
  from: optStr(r.from),
  to: optStr(r.to),
  attestedFrom: optStr(r.attestedFrom),
  attestedTo: optStr(r.attestedTo),
  validFrom: optStr(r.validFrom),
  validTo: optStr(r.validTo),
  sources: strs(r.sources),
});
const toAttendance = (r: Raw): AttendanceRow => ({
  personId: str(r.personId),
  dialogueId: str(r.dialogueId),
  role: str(r.role),
  title: optStr(r.title),
  onBehalfOf: optStr(r.onBehalfOf),
  country: optStr(r.country),
  sources: strs(r.sources),
});

const toCounterpart = (r: Raw): CounterpartRow => ({
  personId: str(r.personId),
  dialogueIds: strs(r.dialogueIds),
  sources: strs(r.sources),
});
const toDiscussedTheme = (r: Raw): DiscussedThemeRow => ({
  themeId: str(r.themeId),
  notes: strs(r.notes),
  sources: strs(r.sources),
});
const toParty = (r: Raw): PartyRow => ({ organizationId: str(r.organizationId), sources: strs(r.sources) });

/** How each body's `row` map becomes a model row (shared by the loaders and the prefetch). */
export const EDGE_DECODERS = {
  positionsByPerson: toPosition,
  positionsByOrganization: toPosition,
  positionsByOrganizationAt: toPosition,
  attendanceByPerson: toAttendance,
  attendanceByDialogue: toAttendance,
  counterpartsByPerson: toCounterpart,
  themesByDialogue: toDiscussedTheme,
  partiesByAgreement: toParty,
} as const satisfies Record<EdgeKind, (r: Raw) => unknown>;

export const fetchPositionsByPerson = (run: Runner, ids: readonly string[]) =>
  grouped(run, EDGE_QUERIES.positionsByPerson, ids, toPosition);
export const fetchPositionsByOrganization = (run: Runner, ids: readonly string[]) =>
  grouped(run, EDGE_QUERIES.positionsByOrganization, ids, toPosition);
export const fetchPositionsByOrganizationAt = (run: Runner, keys: readonly string[]) =>
  grouped(run, EDGE_QUERIES.positionsByOrganizationAt, keys, toPosition);
/** The key of positionsByOrganizationAt: an organisation and the bounds (yyyy-mm-dd) of a period. */
export const membersAtKey = (organizationId: string, from: string, to: string) =>
  `${organizationId}|${from}|${to}`;
export const fetchAttendanceByPerson = (run: Runner, ids: readonly string[]) =>
  grouped(run, EDGE_QUERIES.attendanceByPerson, ids, toAttendance);
export const fetchAttendanceByDialogue = (run: Runner, ids: readonly string[]) =>
  grouped(run, EDGE_QUERIES.attendanceByDialogue, ids, toAttendance);
export const fetchCounterparts = (run: Runner, ids: readonly string[]) =>
  grouped(run, EDGE_QUERIES.counterpartsByPerson, ids, toCounterpart);
export const fetchDiscussedThemes = (run: Runner, ids: readonly string[]) =>
  grouped(run, EDGE_QUERIES.themesByDialogue, ids, toDiscussedTheme);
export const fetchParties = (run: Runner, ids: readonly string[]) =>
  grouped(run, EDGE_QUERIES.partiesByAgreement, ids, toParty);

/** True when a post is known to be held on `at` (a partial date: any overlap of the two periods counts). */
export function heldAt(p: PositionRow, atFrom: string, atTo: string): boolean {
  return p.validFrom !== null && p.validTo !== null && p.validFrom <= atTo && p.validTo >= atFrom;
}

const RELATIONS = Object.fromEntries(
  ENTITY_LABELS.map((l) => [
    l,
    `UNWIND $ids AS id MATCH (n:${l} {id: id})-[r]-(m)
     WHERE type(r) <> 'NAMES' AND ($types IS NULL OR type(r) IN $types) AND m.id IS NOT NULL
     RETURN id, {type: type(r), direction: CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END, nodeId: m.id,
       properties: properties(r), sources: coalesce(r.sources, [])} AS row
     ORDER BY type(r), m.sortKey`,
  ]),
) as Record<EntityLabel, string>;

/** Every edge of each entity (optionally some types), as seen from that entity. Keys are `id` or `id|T1,T2`. */
export async function fetchRelations(run: Runner, keys: readonly string[]): Promise<RelationRow[][]> {
  const out = new Map<string, RelationRow[]>();
  const byQuery = new Map<string, { label: EntityLabel; types: string[] | null; ids: string[] }>();
  for (const key of new Set(keys)) {
    const [id = '', types] = key.split('|');
    const label = labelOfId(id);
    if (label === undefined) continue;
    const q = byQuery.get(`${label}|${types ?? ''}`) ?? {
      label,
      types: types ? types.split(',') : null,
      ids: [],
    };
    q.ids.push(id);
    byQuery.set(`${label}|${types ?? ''}`, q);
  }
  for (const [suffix, q] of byQuery) {
    const rows = await run(RELATIONS[q.label], { ids: q.ids, types: q.types });
    const typesPart = suffix.split('|')[1];
    for (const r of rows) {
      const key = typesPart ? `${String(r.id)}|${typesPart}` : String(r.id);
      const row = (r.row ?? {}) as Raw;
      const { sources: _s, ...props } = (row.properties ?? {}) as Raw;
      const list = out.get(key) ?? [];
      list.push({
        type: str(row.type) as EdgeType,
        direction: row.direction === 'IN' ? 'IN' : 'OUT',
        nodeId: str(row.nodeId),
        properties: props,
        sources: strs(row.sources),
      });
      out.set(key, list);
    }
  }
  return keys.map((k) => out.get(k) ?? []);
}
