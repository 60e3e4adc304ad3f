// Third pass, against the graph: match the readout's entities to existing ones (by name or alias within their
// scope), resolve references the readout left to the graph, check partOf cycles, and choose readable ids for
// new entities. The result is a WritePlan (rows.ts): plain rows that write.ts sends in a few UNWIND statements.
import { lowerBound, upperBound } from '../dates';
import type { ReadoutIssue } from '../errors';
import type { EntityLabel } from '../model';
import { normalizePersonName, normalizeText } from '../normalize';
import { cyclicEdges } from './cycles';
import type { Draft, Match, OrgRef } from './draft';
import { buildEdges, countryRows } from './edges';
import { IdAllocator } from './ids';
import {
  candidates,
  graphRefs,
  KEYS_EXISTING,
  namesakeKey,
  pinnedEntities,
  LOOKUP_NAMES,
  sourceKey,
  wantedNames,
  type ChunkLookups,
  type GraphRef,
  type NameRows,
} from './lookups';
import type { Known, Overlay, Staged } from './overlay';
import { lineAt } from './parse';
import { nameKey, type NodeRow, type Query, type WritePlan } from './rows';

export type PlanResult =
  { ok: true; plan: WritePlan; staged: Staged } | { ok: false; issues: ReadoutIssue[] };

type Find = (label: EntityLabel, norm: string, scope?: string) => Known[];

const uniqueById = (hits: Known[]): Known[] => [...new Map(hits.map((h) => [h.id, h])).values()];
// Sorted by id: the lookup returns candidates in no promised order, and the message must not vary.
const listHits = (hits: Known[]) =>
  [...hits]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((h) => `${h.name} (${h.id})`)
    .join(', ');

/** Aliases among `candidates` whose normalised form is not yet the name or a known alias. */
function newAliases(
  name: string,
  candidates: string[],
  known: string[],
  norm: (s: string) => string,
): string[] {
  const seen = new Set([name, ...known].map(norm));
  const out: string[] = [];
  for (const a of candidates) {
    if (seen.has(norm(a))) continue;
    seen.add(norm(a));
    out.push(a);
  }
  return out;
}

/** Looks up every name the readout uses (in the chunk's answer when given); staged entities are found alike. */
async function lookupNames(draft: Draft, query: Query, overlay: Overlay, known?: NameRows): Promise<Find> {
  const wanted = wantedNames(draft);
  const index = new Map<string, Known[]>();
  const put = (k: Known) => {
    const list = index.get(`${k.label}|${k.norm}`);
    if (list === undefined) index.set(`${k.label}|${k.norm}`, [k]);
    else list.push(k);
  };
  const rows =
    known !== undefined && [...wanted.keys()].every((k) => known.has(k))
      ? [...wanted.keys()].flatMap((k) => known.get(k) ?? [])
      : await query(LOOKUP_NAMES, { norms: [...wanted.values()] });
  for (const r of rows) {
    put({
      label: r.label as EntityLabel,
      norm: String(r.norm),
      scope: String(r.nameKey).split('|')[1] ?? '',
      id: String(r.id),
      key: String(r.key),
      name: String(r.name),
      aliases: r.aliases as string[],
    });
  }
  // Staged after the graph's, so that their (longer) alias lists win in uniqueById.
  for (const { label, norm } of wanted.values()) overlay.named(label, norm).forEach(put);
  return (label, norm, scope) =>
    uniqueById((index.get(`${label}|${norm}`) ?? []).filter((k) => scope === undefined || k.scope === scope));
}

export async function planReadout(
  draft: Draft,
  query: Query,
  overlay: Overlay,
  chunk?: ChunkLookups,
): Promise<PlanResult> {
  const issues: ReadoutIssue[] = [];
  const fail = (path: string, message: string) =>
    issues.push({ file: draft.file, path, line: lineAt(draft.lines, path), message });
  const find = await lookupNames(draft, query, overlay, chunk?.names);
  const ids = new IdAllocator(query, overlay.ids, chunk?.ids);
  // Kept beside each row for staging: the aliases the entity has once this readout is written.
  const knownAliases = new Map<NodeRow, string[]>();

  const pinned = await pinnedEntities(draft, query);
  /**
   * The row of an entity identified by its names within a scope: an existing one if any name is known there, the
   * pinned one when the entry gives an id, and a new one (keyed apart, by its document) for a declared namesake.
   */
  const entityRow = (
    e: {
      label: EntityLabel;
      scope: string;
      name: string;
      aliases: string[];
      norm: (s: string) => string;
      match?: Match;
    },
    path: string,
    what: string,
    props: Record<string, unknown>,
  ): NodeRow => {
    const norms = [...new Set([e.name, ...e.aliases].map(e.norm))];
    const match = e.match ?? { kind: 'names' };
    const norm = e.norm(e.name);
    const baseKey = e.scope === '' ? norm : `${e.scope}|${norm}`;
    // Pins and namesakes staged by earlier readouts of the same load count as in the graph.
    const staged = (key: string | undefined) => {
      const k = key === undefined ? undefined : overlay.withKey(e.label, key);
      return k === undefined ? [] : [k];
    };
    const hits =
      match.kind === 'pinned'
        ? (pinned.get(`${e.label}|${match.id}`) ?? staged(overlay.ids.get(match.id)))
        : match.kind === 'distinct'
          ? (pinned.get(`${e.label}|${namesakeKey(baseKey, draft.source)}`) ??
            staged(namesakeKey(baseKey, draft.source)))
          : uniqueById(norms.flatMap((n) => find(e.label, n, e.scope)));
    if (match.kind === 'pinned' && hits.length === 0)
      fail(
        `${path}.id`,
        `no ${e.label === 'Person' ? 'person' : 'organisation'} with id "${match.id}" is in the graph`,
      );
    if (hits.length > 1)
      fail(
        path,
        `its names match ${hits.length} different ${what} in the graph: ${listHits(hits)}; give the id of the one meant, or distinct: true for another one`,
      );
    const hit = hits[0];
    const names = norms.map((n) => ({ key: nameKey(e.label, e.scope, n), norm: n }));
    const { sortKey: _sortKey, ...claimed } = props;
    const row: NodeRow = {
      id: hit?.id ?? '',
      key: hit?.key ?? (match.kind === 'distinct' ? namesakeKey(baseKey, draft.source) : baseKey),
      existing: hit !== undefined,
      namesShared: match.kind !== 'names',
      name: hit?.name ?? e.name,
      aliases: newAliases(hit?.name ?? e.name, [e.name, ...e.aliases], hit?.aliases ?? [], e.norm),
      names,
      props,
      claim: {
        published: draft.source.published,
        name: e.name,
        names: [e.name, ...e.aliases],
        nameKeys: names.map((n) => n.key),
        props: claimed,
      },
    };
    knownAliases.set(row, [...(hit?.aliases ?? []), ...row.aliases]);
    return row;
  };
  const newId = (row: NodeRow, candidates: string[]) => {
    if (!row.existing) ids.request(candidates, row.key, (id) => (row.id = id));
  };
  // 1. Organisations, people, the dialogue and its series: matched by name, or new.
  const orgRows = draft.organizations.map((o, i) => {
    const e = {
      label: 'Organization' as const,
      scope: o.scope,
      name: o.name,
      aliases: o.aliases,
      norm: normalizeText,
      match: o.match,
    };
    const row = entityRow(e, `organizations[${i}]`, 'organisations', {
      kind: o.kind,
      countries: o.countries,
      sortKey: normalizeText(o.name),
    });
    newId(row, candidates.org(o));
    return row;
  });
  const personRows = draft.people.map((p, i) => {
    const scope = p.country.toLowerCase();
    const e = {
      label: 'Person' as const,
      scope,
      name: p.name,
      aliases: p.aliases,
      norm: normalizePersonName,
      match: p.match,
    };
    const row = entityRow(e, `people[${i}]`, 'people', { country: p.country, sortKey: p.norm });
    newId(row, candidates.person(p));
    return row;
  });
  // Two entries of the readout that the graph knows as one entity: the author should merge them.
  const sameEntity = (rows: NodeRow[], section: string, what: string) => {
    const seen = new Map<string, number>();
    rows.forEach((r, i) => {
      const j = seen.get(r.id);
      if (r.existing && j !== undefined) {
        fail(
          `${section}[${i}]`,
          `is the same ${what} as ${section}[${j}] in the graph (${r.id}); merge the two entries`,
        );
      }
      if (r.existing) seen.set(r.id, i);
    });
  };
  sameEntity(orgRows, 'organizations', 'organisation');
  sameEntity(personRows, 'people', 'person');
  const d = draft.dialogue;
  const dialogue = {
    label: 'Dialogue' as const,
    scope: '',
    name: d.name,
    aliases: d.aliases,
    norm: normalizeText,
  };
  const dialogueRow = entityRow(dialogue, 'dialogue.name', 'dialogues', {
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
  });
  newId(dialogueRow, candidates.dialogue(d));
  const seriesRows = (d.series === undefined ? [] : [d.series]).map((name) => {
    const e = { label: 'DialogueSeries' as const, scope: '', name, aliases: [], norm: normalizeText };
    const row = entityRow(e, 'dialogue.series', 'dialogue series', { sortKey: normalizeText(name) });
    newId(row, candidates.series(name));
    return row;
  });

  // 2. References to organisations outside the readout: preferably in the referring country, else anywhere.
  const refIds = new Map<GraphRef, string>();
  const viaOf = new Map<string, Set<string>>();
  const orgNames = new Map<string, string>();
  for (const ref of graphRefs(draft)) {
    const scope = ref.country?.toLowerCase();
    let hits = scope === undefined ? [] : find('Organization', ref.norm, scope);
    if (hits.length === 0) hits = find('Organization', ref.norm);
    const hit = hits[0];
    if (hits.length === 1 && hit !== undefined) {
      refIds.set(ref, hit.id);
      viaOf.set(hit.id, new Set([...(viaOf.get(hit.id) ?? []), ref.norm]));
      orgNames.set(hit.id, hit.name);
    } else if (hits.length === 0) {
      fail(
        ref.path,
        `"${ref.name}" names no organisation in this readout or in the graph; add it to organizations`,
      );
    } else {
      fail(
        ref.path,
        `"${ref.name}" matches ${hits.length} organisations in the graph: ${listHits(hits)}; list the one meant under organizations, with its country`,
      );
    }
  }
  const orgId = (ref: OrgRef) =>
    ref.kind === 'local' ? (orgRows[ref.index]?.id ?? '') : (refIds.get(ref) ?? '');

  const s = draft.source;
  const sourceRow: NodeRow = {
    id: '',
    key: sourceKey(s),
    existing: false,
    name: s.title,
    aliases: [],
    names: [],
    props: {
      title: s.title,
      publisher: s.publisher,
      url: s.url ?? null,
      published: s.published,
      kind: s.kind,
      readout: draft.canonical ?? null,
      hash: draft.hash ?? null,
    },
    claim: null,
  };

  if (issues.length > 0) return { ok: false, issues };
  await ids.allocate();
  orgRows.forEach((r) => orgNames.set(r.id, r.name));

  // 3. Agreements (identified by name and parties, so after the parties' ids) and the source: matched by key.
  const partyIds = draft.agreements.map((a) => a.parties.map(orgId));
  const agreementRows: NodeRow[] = draft.agreements.map((a, i) => {
    const norm = normalizeText(a.name);
    const props = {
      kind: a.kind,
      signedOn: a.signed ?? null,
      signedKey: a.signed === undefined ? null : lowerBound(a.signed),
      summary: a.summary ?? null,
    };
    return {
      id: '',
      key: `${norm}|${[...(partyIds[i] ?? [])].sort().join(',')}`,
      existing: false,
      name: a.name,
      aliases: [],
      names: [{ key: nameKey('Agreement', '', norm), norm }],
      props: { ...props, sortKey: norm },
      claim: {
        published: s.published,
        name: a.name,
        names: [a.name],
        nameKeys: [nameKey('Agreement', '', norm)],
        props,
      },
    };
  });
  const keyed: [EntityLabel, NodeRow, string[]][] = [
    ...agreementRows.map((r, i): [EntityLabel, NodeRow, string[]] => [
      'Agreement',
      r,
      candidates.agreement({ name: r.name, signed: draft.agreements[i]?.signed }),
    ]),
    ['Source', sourceRow, candidates.source(s)],
  ];
  // The chunk looked up the source and every agreement of its names; without it, they are asked here.
  const known = chunk?.sources.get(sourceRow.key);
  const ask = chunk === undefined ? keyed : [];
  const rows =
    ask.length === 0
      ? []
      : await query(KEYS_EXISTING, { rows: ask.map(([label, r]) => ({ label, key: r.key })) });
  const existing = new Map(rows.map((r) => [`${String(r.label)}|${String(r.key)}`, String(r.id)]));
  if (known !== undefined && known !== null) existing.set(`Source|${sourceRow.key}`, known);
  const inGraph = (label: EntityLabel, key: string) =>
    label === 'Agreement' && chunk !== undefined
      ? chunk.agreements.get(key)
      : existing.get(`${label}|${key}`);
  for (const [label, row, candidates] of keyed) {
    const id = inGraph(label, row.key) ?? overlay.withKey(label, row.key)?.id;
    row.existing = id !== undefined;
    row.id = id ?? '';
    newId(row, candidates);
  }
  await ids.allocate();

  // 4. Edges, now that every entity has its id.
  const listed = new Set(orgRows.map((r) => r.id));
  for (const r of orgRows) {
    const via = viaOf.get(r.id);
    if (via !== undefined) r.via = [...via].sort();
  }
  const { edges, partOfPaths } = buildEdges(draft, {
    orgs: orgRows.map((r) => r.id),
    people: personRows.map((r) => r.id),
    dialogue: dialogueRow.id,
    series: seriesRows.map((r) => r.id),
    agreements: agreementRows.map((r) => r.id),
    parties: partyIds,
    source: sourceRow.id,
    org: orgId,
    referenced: [...viaOf]
      .filter(([id]) => !listed.has(id))
      .map(([id, via]) => ({ id, via: [...via].sort() })),
  });

  // 5. partOf cycles through the graph (those inside the readout were found by the draft).
  const partOf = edges.PART_OF.map((e): [string, string] => [e.from, e.to]);
  for (const i of await cyclicEdges(partOf, overlay.partOf, query, chunk?.ancestors)) {
    const [child, parent] = partOf[i] ?? ['', ''];
    const name = (id: string) => `${orgNames.get(id) ?? id} (${id})`;
    fail(
      partOfPaths[i] ?? 'organizations',
      `would make ${name(child)} part of itself: ${name(parent)} is already part of it`,
    );
  }
  if (issues.length > 0) return { ok: false, issues };

  // 6. What later readouts of the same batch see of this one before it is written.
  const staged: Staged = { known: [], partOf };
  const stage = (label: EntityLabel, row: NodeRow, scope: string) => {
    const aliases = knownAliases.get(row) ?? row.aliases;
    const base = { label, scope, id: row.id, key: row.key, name: row.name, aliases };
    staged.known.push({ ...base, norm: '' }, ...row.names.map((n) => ({ ...base, norm: n.norm })));
  };
  orgRows.forEach((r, i) => stage('Organization', r, draft.organizations[i]?.scope ?? ''));
  personRows.forEach((r, i) => stage('Person', r, draft.people[i]?.country.toLowerCase() ?? ''));
  stage('Dialogue', dialogueRow, '');
  seriesRows.forEach((r) => stage('DialogueSeries', r, ''));
  agreementRows.forEach((r) => stage('Agreement', r, ''));
  stage('Source', sourceRow, '');

  return {
    ok: true,
    staged,
    plan: {
      file: draft.file,
      sourceId: sourceRow.id,
      published: s.published,
      dialogueId: dialogueRow.id,
      nodes: {
        Source: [sourceRow],
        Country: countryRows(draft),
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
