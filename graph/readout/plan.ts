// Third pass, against the graph: match the readout's entities to existing ones (by name or alias within their
// scope), resolve references the readout left to the graph, check partOf cycles, and choose readable ids for
// new entities. The result is a WritePlan: plain rows that write.ts sends in a few UNWIND statements.
import { countryId, countryName } from '../countries';
import { lowerBound, upperBound } from '../dates';
import { AmbiguousNameError, type ReadoutIssue } from '../errors';
import type { EntityLabel } from '../model';
import { normalizePersonName, normalizeText, slugify } from '../normalize';
import { themeId } from '../themes';
import type { Draft, OrgRef } from './draft';

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
  name: string;
  /** Aliases to add (already free of the name and of each other, after normalisation). */
  aliases: string[];
  names: NameRow[];
  props: Record<string, unknown>;
}
export interface EdgeRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export interface WritePlan {
  file: string;
  sourceId: string;
  dialogueId: string;
  nodes: Record<'Source' | 'Country' | 'Organization' | 'Person' | 'Dialogue' | 'DialogueSeries' | 'Agreement', NodeRow[]>;
  edges: Record<EdgeKind, EdgeRow[]>;
}
export type EdgeKind =
  | 'HOLDS_POST'
  | 'ATTENDED'
  | 'PART_OF'
  | 'PERSON_OF_COUNTRY'
  | 'ORG_OF_COUNTRY'
  | 'BETWEEN'
  | 'HOSTED_BY'
  | 'EDITION_OF'
  | 'DISCUSSED'
  | 'WORKING_GROUP'
  | 'PARTY_TO'
  | 'CONCLUDED_AT'
  | 'COVERS'
  | 'THEME_MENTION';

interface Found {
  nameKey: string;
  norm: string;
  label: EntityLabel;
  id: string;
  key: string;
  name: string;
  aliases: string[];
  scope: string;
}

const LOOKUP_NAMES = `
UNWIND $norms AS q
MATCH (nm:Name {norm: q.norm}) WHERE nm.label = q.label
MATCH (nm)-[:NAMES]->(e)
RETURN nm.key AS nameKey, q.norm AS norm, q.label AS label, e.id AS id, e.key AS key, e.name AS name,
       coalesce(e.aliases, []) AS aliases`;

const IDS_TAKEN = `
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (n:Person {id: id}) RETURN n.key AS key
  UNION ALL OPTIONAL MATCH (n:Organization {id: id}) RETURN n.key AS key
  UNION ALL OPTIONAL MATCH (n:Dialogue {id: id}) RETURN n.key AS key
  UNION ALL OPTIONAL MATCH (n:DialogueSeries {id: id}) RETURN n.key AS key
  UNION ALL OPTIONAL MATCH (n:Agreement {id: id}) RETURN n.key AS key
  UNION ALL OPTIONAL MATCH (n:Source {id: id}) RETURN n.key AS key
}
WITH id, key WHERE key IS NOT NULL
RETURN id, key`;

const KEYS_EXISTING = `
UNWIND $rows AS r
CALL (r) {
  OPTIONAL MATCH (n:Agreement {key: r.key}) WHERE r.label = 'Agreement' RETURN n
  UNION ALL OPTIONAL MATCH (n:Source {key: r.key}) WHERE r.label = 'Source' RETURN n
}
WITH r, n WHERE n IS NOT NULL
RETURN r.key AS key, n.id AS id, n.name AS name`;

const ANCESTORS = `
UNWIND $ids AS id
MATCH (o:Organization {id: id})-[:PART_OF*1..50]->(a:Organization)
RETURN id, collect(DISTINCT a.id) AS ancestors`;

/** Entities staged by earlier readouts of the same batch (validation before anything is written). */
export interface Overlay {
  found: Found[];
  ids: Map<string, string>;
  partOf: [string, string][];
}

export function emptyOverlay(): Overlay {
  return { found: [], ids: new Map(), partOf: [] };
}

export type PlanResult = { ok: true; plan: WritePlan; stage: Overlay } | { ok: false; issues: ReadoutIssue[] };

function scopeOfNameKey(key: string): string {
  return key.split('|')[1] ?? '';
}

/** Adds to `base` the aliases whose normalised form is not yet among `known`. */
function newAliases(name: string, candidates: string[], known: string[], norm: (s: string) => string): string[] {
  const seen = new Set([name, ...known].map(norm));
  const out: string[] = [];
  for (const a of candidates) {
    const n = norm(a);
    if (!seen.has(n)) {
      seen.add(n);
      out.push(a);
    }
  }
  return out;
}

export async function planReadout(draft: Draft, query: Query, overlay: Overlay): Promise<PlanResult> {
  const issues: ReadoutIssue[] = [];
  const fail = (path: string, message: string) => issues.push({ file: draft.file, path, message });
  const stage = emptyOverlay();

  // 1. One lookup for every name the readout uses, by normalised spelling.
  const wanted = new Map<string, { label: EntityLabel; norm: string }>();
  const want = (label: EntityLabel, norm: string) => wanted.set(`${label}|${norm}`, { label, norm });
  for (const o of draft.organizations) for (const n of [o.name, ...o.aliases]) want('Organization', normalizeText(n));
  for (const p of draft.people) for (const n of [p.name, ...p.aliases]) want('Person', normalizePersonName(n));
  const refs: Extract<OrgRef, { kind: 'graph' }>[] = [];
  const collect = (r: OrgRef | undefined) => {
    if (r?.kind === 'graph') {
      refs.push(r);
      want('Organization', r.norm);
    }
  };
  draft.organizations.forEach((o) => collect(o.partOf));
  draft.people.forEach((p) => (collect(p.organization), collect(p.onBehalfOf)));
  draft.agreements.forEach((a) => a.parties.forEach(collect));
  draft.dialogue.workingGroups.forEach(collect);
  const dialogueNorms = [draft.dialogue.name, ...draft.dialogue.aliases].map(normalizeText);
  dialogueNorms.forEach((n) => want('Dialogue', n));
  if (draft.dialogue.series !== undefined) want('DialogueSeries', normalizeText(draft.dialogue.series));

  const rows = await query(LOOKUP_NAMES, { norms: [...wanted.values()] });
  const found: Found[] = [
    ...rows.map((r) => ({
      nameKey: String(r.nameKey),
      norm: String(r.norm),
      label: r.label as EntityLabel,
      id: String(r.id),
      key: String(r.key),
      name: String(r.name),
      aliases: (r.aliases as string[]) ?? [],
      scope: scopeOfNameKey(String(r.nameKey)),
    })),
    ...overlay.found.filter((f) => wanted.has(`${f.label}|${f.norm}`)),
  ];
  const lookup = (label: EntityLabel, norm: string, scope?: string) => {
    const hits = found.filter((f) => f.label === label && f.norm === norm && (scope === undefined || f.scope === scope));
    return [...new Map(hits.map((h) => [h.id, h])).values()];
  };

  // 2. Ids: candidates for every new entity, checked in one query against the graph and the batch.
  const idRequests: { candidates: string[]; key: string; set: (id: string) => void }[] = [];
  const requestId = (candidates: string[], key: string, set: (id: string) => void) =>
    idRequests.push({ candidates, key, set });

  // Organisations: the same entity when any of its names is already known in its scope.
  const orgRows: NodeRow[] = draft.organizations.map((o, i) => {
    const norms = [o.name, ...o.aliases].map(normalizeText);
    const hits = [...new Map(norms.flatMap((n) => lookup('Organization', n, o.scope)).map((h) => [h.id, h])).values()];
    if (hits.length > 1) {
      fail(`organizations[${i}]`, `its names match ${hits.length} different organisations in the graph: ${hits.map((h) => `${h.name} (${h.id})`).join(', ')}`);
    }
    const hit = hits[0];
    const row: NodeRow = {
      id: hit?.id ?? '',
      key: hit?.key ?? `${o.scope}|${normalizeText(o.name)}`,
      existing: hit !== undefined,
      name: hit?.name ?? o.name,
      aliases: newAliases(hit?.name ?? o.name, [o.name, ...o.aliases], hit?.aliases ?? [], normalizeText),
      names: [...new Set(norms)].map((norm) => ({ key: nameKey('Organization', o.scope, norm), norm })),
      props: { kind: o.kind, countries: o.countries, sortKey: normalizeText(o.name) },
    };
    if (!hit) requestId([`org:${o.scope}:${slugify(o.name)}`], row.key, (id) => (row.id = id));
    return row;
  });

  const resolveRef = (ref: OrgRef): string | undefined => {
    if (ref.kind === 'local') return orgRows[ref.index]?.id;
    const scope = ref.country?.toLowerCase();
    let hits = scope === undefined ? [] : lookup('Organization', ref.norm, scope);
    if (hits.length === 0) hits = lookup('Organization', ref.norm);
    if (hits.length === 1) return hits[0]?.id;
    if (hits.length === 0) {
      fail(ref.path, `"${ref.name}" names no organisation in this readout or in the graph`);
    } else {
      fail(ref.path, new AmbiguousNameError('organisation', ref.name, hits.map((h) => ({ id: h.id, name: h.name }))).message);
    }
    return undefined;
  };

  const personRows: NodeRow[] = draft.people.map((p, i) => {
    const norms = [p.name, ...p.aliases].map(normalizePersonName);
    const scope = p.country.toLowerCase();
    const hits = [...new Map(norms.flatMap((n) => lookup('Person', n, scope)).map((h) => [h.id, h])).values()];
    if (hits.length > 1) {
      fail(`people[${i}]`, `its names match ${hits.length} different people in the graph: ${hits.map((h) => `${h.name} (${h.id})`).join(', ')}`);
    }
    const hit = hits[0];
    const row: NodeRow = {
      id: hit?.id ?? '',
      key: hit?.key ?? `${scope}|${p.norm}`,
      existing: hit !== undefined,
      name: hit?.name ?? p.name,
      aliases: newAliases(hit?.name ?? p.name, [p.name, ...p.aliases], hit?.aliases ?? [], normalizePersonName),
      names: [...new Set(norms)].map((norm) => ({ key: nameKey('Person', scope, norm), norm })),
      props: { country: p.country, sortKey: p.norm },
    };
    const slug = slugify(p.norm);
    if (!hit) requestId([`person:${slug}`, `person:${slug}-${scope}`], row.key, (id) => (row.id = id));
    return row;
  });

  // Dialogue and series: global scope.
  const d = draft.dialogue;
  const dHits = [...new Map(dialogueNorms.flatMap((n) => lookup('Dialogue', n)).map((h) => [h.id, h])).values()];
  if (dHits.length > 1) fail('dialogue.name', `matches ${dHits.length} dialogues in the graph: ${dHits.map((h) => h.id).join(', ')}`);
  const dHit = dHits[0];
  const dialogueRow: NodeRow = {
    id: dHit?.id ?? '',
    key: dHit?.key ?? normalizeText(d.name),
    existing: dHit !== undefined,
    name: dHit?.name ?? d.name,
    aliases: newAliases(dHit?.name ?? d.name, [d.name, ...d.aliases], dHit?.aliases ?? [], normalizeText),
    names: [...new Set(dialogueNorms)].map((norm) => ({ key: nameKey('Dialogue', '', norm), norm })),
    props: {
      edition: d.edition ?? null,
      startDate: d.start,
      endDate: d.end ?? null,
      startKey: lowerBound(d.start),
      endKey: upperBound(d.end ?? d.start),
      city: d.city ?? null,
      host: d.host ?? null,
      countries: d.countries,
      summary: d.summary ?? null,
      sortKey: normalizeText(d.name),
    },
  };
  if (!dHit) requestId([`dialogue:${slugify(d.name)}`, `dialogue:${slugify(d.name)}-${d.start}`], dialogueRow.key, (id) => (dialogueRow.id = id));

  const seriesRows: NodeRow[] = [];
  if (d.series !== undefined) {
    const norm = normalizeText(d.series);
    const hit = lookup('DialogueSeries', norm)[0];
    const row: NodeRow = {
      id: hit?.id ?? '',
      key: hit?.key ?? norm,
      existing: hit !== undefined,
      name: hit?.name ?? d.series,
      aliases: [],
      names: [{ key: nameKey('DialogueSeries', '', norm), norm }],
      props: { sortKey: norm },
    };
    if (!hit) requestId([`series:${slugify(d.series)}`], row.key, (id) => (row.id = id));
    seriesRows.push(row);
  }

  // Source and agreements are matched by key only (a url, or title + date + publisher; name + parties).
  const s = draft.source;
  const sourceKey = s.url !== undefined ? `url|${s.url}` : `doc|${normalizeText(s.title)}|${s.published}|${normalizeText(s.publisher)}`;
  const sourceRow: NodeRow = {
    id: '',
    key: sourceKey,
    existing: false,
    name: s.title,
    aliases: [],
    names: [],
    props: { title: s.title, publisher: s.publisher, url: s.url ?? null, published: s.published, kind: s.kind },
  };

  if (issues.length > 0) return { ok: false, issues };

  // Ids of organisations must be known before agreements (their keys use party ids): allocate in two rounds.
  await allocateIds(idRequests.splice(0), query, overlay);
  const agreementRows: NodeRow[] = [];
  const partyIds: string[][] = draft.agreements.map((a) => a.parties.map((p) => resolveRef(p) ?? ''));
  draft.agreements.forEach((a, i) => {
    const norm = normalizeText(a.name);
    const row: NodeRow = {
      id: '',
      key: `${norm}|${[...(partyIds[i] ?? [])].sort().join(',')}`,
      existing: false,
      name: a.name,
      aliases: [],
      names: [{ key: nameKey('Agreement', '', norm), norm }],
      props: { kind: a.kind, signedOn: a.signed ?? null, signedKey: a.signed === undefined ? null : lowerBound(a.signed), summary: a.summary ?? null, sortKey: norm },
    };
    agreementRows.push(row);
  });
  const keyed = await query(KEYS_EXISTING, {
    rows: [...agreementRows.map((r) => ({ label: 'Agreement', key: r.key })), { label: 'Source', key: sourceKey }],
  });
  const byKey = new Map(keyed.map((r) => [String(r.key), String(r.id)]));
  for (const [label, row, candidates] of [
    ...agreementRows.map((r, i) => {
      const slug = slugify(r.name);
      const signed = draft.agreements[i]?.signed;
      return ['Agreement', r, [`agreement:${slug}`, ...(signed ? [`agreement:${slug}-${signed}`] : [])]] as const;
    }),
    ['Source', sourceRow, [`source:${slugify(s.title)}`, `source:${slugify(s.title)}-${s.published}`]] as const,
  ]) {
    const existing = byKey.get(row.key) ?? overlay.found.find((f) => f.label === label && f.key === row.key)?.id;
    if (existing !== undefined) {
      row.id = existing;
      row.existing = true;
    } else requestId([...candidates], row.key, (id) => (row.id = id));
  }
  await allocateIds(idRequests, query, overlay);

  // 3. References, now that every local organisation has an id.
  const orgId = (ref: OrgRef) => resolveRef(ref) ?? '';
  const edges: WritePlan['edges'] = {
    HOLDS_POST: [], ATTENDED: [], PART_OF: [], PERSON_OF_COUNTRY: [], ORG_OF_COUNTRY: [], BETWEEN: [], HOSTED_BY: [],
    EDITION_OF: [], DISCUSSED: [], WORKING_GROUP: [], PARTY_TO: [], CONCLUDED_AT: [], COVERS: [], THEME_MENTION: [],
  };
  const attestedFrom = lowerBound(d.start);
  const attestedTo = upperBound(d.end ?? d.start);
  const partOfPaths: string[] = [];
  draft.organizations.forEach((o, i) => {
    const id = orgRows[i]?.id ?? '';
    for (const c of o.countries) edges.ORG_OF_COUNTRY.push({ from: id, to: countryId(c), props: {} });
    if (o.partOf) {
      edges.PART_OF.push({ from: id, to: orgId(o.partOf), props: {} });
      partOfPaths.push(`organizations[${i}].partOf`);
    }
  });
  draft.people.forEach((p, i) => {
    const id = personRows[i]?.id ?? '';
    edges.PERSON_OF_COUNTRY.push({ from: id, to: countryId(p.country), props: {} });
    edges.HOLDS_POST.push({
      from: id,
      to: orgId(p.organization),
      props: {
        title: p.title,
        titleKey: normalizeText(p.title),
        from: p.from ?? null,
        to: p.to ?? null,
        fromKey: p.from === undefined ? null : lowerBound(p.from),
        toKey: p.to === undefined ? null : upperBound(p.to),
        attestedFrom,
        attestedTo,
      },
    });
    edges.ATTENDED.push({
      from: id,
      to: dialogueRow.id,
      props: { role: p.role, title: p.title, onBehalfOf: orgId(p.onBehalfOf), country: p.country },
    });
  });
  for (const c of d.countries) edges.BETWEEN.push({ from: dialogueRow.id, to: countryId(c), props: {} });
  if (d.host !== undefined) edges.HOSTED_BY.push({ from: dialogueRow.id, to: countryId(d.host), props: {} });
  for (const sr of seriesRows) edges.EDITION_OF.push({ from: dialogueRow.id, to: sr.id, props: { edition: d.edition ?? null } });
  for (const t of draft.themes) edges.DISCUSSED.push({ from: dialogueRow.id, to: themeId(t.id), props: { note: t.note ?? null } });
  for (const w of d.workingGroups) edges.WORKING_GROUP.push({ from: dialogueRow.id, to: orgId(w), props: {} });
  draft.agreements.forEach((a, i) => {
    const id = agreementRows[i]?.id ?? '';
    for (const p of partyIds[i] ?? []) edges.PARTY_TO.push({ from: p, to: id, props: {} });
    edges.CONCLUDED_AT.push({ from: id, to: dialogueRow.id, props: {} });
    for (const t of a.themes) edges.COVERS.push({ from: id, to: themeId(t), props: {} });
  });
  const themeIds = new Set([...draft.themes.map((t) => themeId(t.id)), ...draft.agreements.flatMap((a) => a.themes.map(themeId))]);
  for (const t of themeIds) edges.THEME_MENTION.push({ from: sourceRow.id, to: t, props: {} });

  // 4. partOf cycles through the graph: a new edge child → parent closes a cycle if child is above parent.
  await checkPartOfCycles(edges.PART_OF, partOfPaths, query, overlay, fail);
  if (issues.length > 0) return { ok: false, issues };

  const countries = new Set([...d.countries, ...draft.organizations.flatMap((o) => o.countries), ...draft.people.map((p) => p.country)]);
  const countryRows: NodeRow[] = [...countries].map((c) => ({
    id: countryId(c),
    key: c,
    existing: false,
    name: countryName(c),
    aliases: [],
    names: [...new Set([normalizeText(countryName(c)), c.toLowerCase()])].map((norm) => ({ key: nameKey('Country', '', norm), norm })),
    props: { code: c },
  }));

  // What later readouts of the same batch can see before this one is written.
  const stageRow = (label: EntityLabel, row: NodeRow) => {
    for (const n of row.names) {
      stage.found.push({ nameKey: n.key, norm: n.norm, label, id: row.id, key: row.key, name: row.name, aliases: row.aliases, scope: scopeOfNameKey(n.key) });
    }
    if (row.names.length === 0) stage.found.push({ nameKey: '', norm: '', label, id: row.id, key: row.key, name: row.name, aliases: [], scope: '' });
    stage.ids.set(row.id, row.key);
  };
  orgRows.forEach((r) => stageRow('Organization', r));
  personRows.forEach((r) => stageRow('Person', r));
  stageRow('Dialogue', dialogueRow);
  seriesRows.forEach((r) => stageRow('DialogueSeries', r));
  agreementRows.forEach((r) => stageRow('Agreement', r));
  stageRow('Source', sourceRow);
  stage.partOf = edges.PART_OF.map((e) => [e.from, e.to]);

  return {
    ok: true,
    stage,
    plan: {
      file: draft.file,
      sourceId: sourceRow.id,
      dialogueId: dialogueRow.id,
      nodes: {
        Source: [sourceRow],
        Country: countryRows,
        Organization: orgRows,
        Person: personRows,
        Dialogue: [dialogueRow],
        DialogueSeries: seriesRows,
        Agreement: agreementRows,
      },
      edges,
    },
  };
}

/** Picks, for each request, the first candidate id not held by another entity (graph or batch); then -2, -3, … */
async function allocateIds(
  requests: { candidates: string[]; key: string; set: (id: string) => void }[],
  query: Query,
  overlay: Overlay,
): Promise<void> {
  if (requests.length === 0) return;
  const all = requests.flatMap((r) => {
    const last = r.candidates[r.candidates.length - 1] ?? '';
    return [...r.candidates, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${last}-${n}`)];
  });
  const rows = await query(IDS_TAKEN, { ids: [...new Set(all)] });
  const holder = new Map<string, string>([...overlay.ids, ...rows.map((r) => [String(r.id), String(r.key)] as [string, string])]);
  for (const r of requests) {
    const last = r.candidates[r.candidates.length - 1] ?? '';
    const options = [...r.candidates, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${last}-${n}`)];
    const id = options.find((c) => !holder.has(c) || holder.get(c) === r.key) ?? `${last}-${Date.now()}`;
    holder.set(id, r.key);
    r.set(id);
  }
}

async function checkPartOfCycles(
  partOf: EdgeRow[],
  paths: string[],
  query: Query,
  overlay: Overlay,
  fail: (path: string, message: string) => void,
): Promise<void> {
  if (partOf.length === 0) return;
  const parents = [...new Set(partOf.map((e) => e.to))];
  const rows = await query(ANCESTORS, { ids: [...new Set([...parents, ...partOf.map((e) => e.from)])] });
  const up = new Map<string, Set<string>>();
  const link = (a: string, b: string) => up.set(a, new Set([...(up.get(a) ?? []), b]));
  for (const r of rows) for (const a of r.ancestors as string[]) link(String(r.id), a);
  for (const [a, b] of overlay.partOf) link(a, b);
  for (const e of partOf) link(e.from, e.to);
  for (const [i, e] of partOf.entries()) {
    // Walk upwards from the parent; reaching the child again means the new edge closes a loop.
    const seen = new Set<string>();
    const stack = [e.to];
    while (stack.length > 0) {
      const at = stack.pop() ?? '';
      if (at === e.from) {
        fail(paths[i] ?? 'organizations', `would make ${e.from} part of itself (a cycle of partOf through the graph)`);
        return;
      }
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(up.get(at) ?? []));
    }
  }
}
