// What planning asks the graph, and the chunk-level answers: a chunk of readouts validated together asks once for
// all its names, candidate ids, source documents and organisations' ancestors, not once per readout (the graph
// does not change while a batch is validated). Readouts then plan against these answers and the batch's overlay.
import type { Row } from '../executor';
import type { EntityLabel } from '../model';
import { normalizePersonName, normalizeText, slugify } from '../normalize';
import { ancestorsOf, type KnownAncestors } from './cycles';
import type { Draft, OrgRef } from './draft';
import { idOptions, idsTakenOf, type IdsTaken } from './ids';
import type { Known } from './overlay';
import type { Query } from './rows';

export type GraphRef = Extract<OrgRef, { kind: 'graph' }>;

export const LOOKUP_NAMES = `
UNWIND $norms AS q
MATCH (nm:Name {norm: q.norm}) WHERE nm.label = q.label
MATCH (nm)-[:NAMES]->(e)
RETURN nm.key AS nameKey, q.norm AS norm, q.label AS label, e.id AS id, e.key AS key, e.name AS name,
       coalesce(e.aliases, []) AS aliases`;

export const KEYS_EXISTING = `
UNWIND $rows AS r
CALL (r) {
  OPTIONAL MATCH (n:Agreement {key: r.key}) WHERE r.label = 'Agreement' RETURN n
  UNION ALL OPTIONAL MATCH (n:Source {key: r.key}) WHERE r.label = 'Source' RETURN n
}
WITH r, n WHERE n IS NOT NULL
RETURN r.label AS label, r.key AS key, n.id AS id`;

/** Agreements are keyed by name and parties (`norm|ids`): all of a name's agreements share the key's prefix. */
const AGREEMENTS_NAMED = `
UNWIND $norms AS norm
MATCH (n:Agreement) WHERE n.key STARTS WITH norm + '|'
RETURN n.key AS key, n.id AS id`;

const PINNED = `
UNWIND $pins AS p
CALL (p) {
  MATCH (n:Person {id: p.id}) WHERE p.label = 'Person' RETURN n
  UNION ALL MATCH (n:Organization {id: p.id}) WHERE p.label = 'Organization' RETURN n
  UNION ALL MATCH (:MergedId {id: p.id})-[:MERGED_INTO]->(n:Person) WHERE p.label = 'Person' RETURN n
  UNION ALL MATCH (:MergedId {id: p.id})-[:MERGED_INTO]->(n:Organization) WHERE p.label = 'Organization' RETURN n
  UNION ALL MATCH (n:Person {key: p.key}) WHERE p.label = 'Person' RETURN n
  UNION ALL MATCH (n:Organization {key: p.key}) WHERE p.label = 'Organization' RETURN n
}
RETURN p.label AS label, p.id AS pin, p.key AS pinKey, n.id AS id, n.key AS key, n.name AS name,
       coalesce(n.aliases, []) AS aliases`;

/** The key a declared namesake gets: its names' key, set apart by the document that declares it. */
export const namesakeKey = (baseKey: string, s: Draft['source']) => `${baseKey}|namesake in ${sourceKey(s)}`;

type Pin = { label: 'Person' | 'Organization'; id: string | null; key: string | null };

/**
 * The entities the draft's entries pin by id, under `label|id`, and the namesakes they declared before (a
 * revision of the declaring document finds its own namesake again), under `label|key`; absent: none in the graph.
 */
export async function pinnedEntities(draft: Draft, query: Query): Promise<Map<string, Known[]>> {
  const pin = (
    label: Pin['label'],
    e: { match: Draft['people'][number]['match'] },
    baseKey: string,
  ): Pin[] =>
    e.match.kind === 'pinned'
      ? [{ label, id: e.match.id, key: null }]
      : e.match.kind === 'distinct'
        ? [{ label, id: null, key: namesakeKey(baseKey, draft.source) }]
        : [];
  const pins = [
    ...draft.organizations.flatMap((o) =>
      pin('Organization', o, o.scope === '' ? normalizeText(o.name) : `${o.scope}|${normalizeText(o.name)}`),
    ),
    ...draft.people.flatMap((p) => pin('Person', p, `${p.country.toLowerCase()}|${p.norm}`)),
  ];
  if (pins.length === 0) return new Map();
  const rows = await query(PINNED, { pins });
  return new Map(
    rows.map((r) => [
      typeof r.pin === 'string' ? `${String(r.label)}|${r.pin}` : `${String(r.label)}|${String(r.pinKey)}`,
      [
        {
          label: r.label === 'Person' ? 'Person' : 'Organization',
          norm: '',
          scope: '',
          id: String(r.id),
          key: String(r.key),
          name: String(r.name),
          aliases: Array.isArray(r.aliases)
            ? r.aliases.filter((a): a is string => typeof a === 'string')
            : [],
        },
      ],
    ]),
  );
}

/** Every organisation reference the draft leaves to the graph, once each. */
export function graphRefs(draft: Draft): GraphRef[] {
  const refs = new Set<GraphRef>();
  const add = (r: OrgRef | undefined) => r?.kind === 'graph' && refs.add(r);
  draft.organizations.forEach((o) => add(o.partOf));
  draft.people.forEach((p) => (add(p.organization), add(p.onBehalfOf)));
  draft.agreements.forEach((a) => a.parties.forEach(add));
  draft.dialogue.workingGroups.forEach(add);
  return [...refs];
}

type NameWanted = { label: EntityLabel; norm: string };

/** Every (label, normalised name) a readout looks up: its entities' names and aliases, and its references. */
export function wantedNames(draft: Draft): Map<string, NameWanted> {
  const wanted = new Map<string, NameWanted>();
  const want = (label: EntityLabel, norm: string) => wanted.set(`${label}|${norm}`, { label, norm });
  for (const o of draft.organizations)
    for (const n of [o.name, ...o.aliases]) want('Organization', normalizeText(n));
  for (const p of draft.people)
    for (const n of [p.name, ...p.aliases]) want('Person', normalizePersonName(n));
  for (const r of graphRefs(draft)) want('Organization', r.norm);
  for (const n of [draft.dialogue.name, ...draft.dialogue.aliases]) want('Dialogue', normalizeText(n));
  if (draft.dialogue.series !== undefined) want('DialogueSeries', normalizeText(draft.dialogue.series));
  return wanted;
}

/** Readable id candidates of each kind of entity (the allocator adds -2 … -9 to the last one). */
export const candidates = {
  org: (o: { scope: string; name: string }) => [`org:${o.scope}:${slugify(o.name)}`],
  person: (p: { norm: string; country: string }) => {
    const slug = slugify(p.norm);
    return [`person:${slug}`, `person:${slug}-${p.country.toLowerCase()}`];
  },
  dialogue: (d: { name: string; start: string }) => [
    `dialogue:${slugify(d.name)}`,
    `dialogue:${slugify(d.name)}-${d.start}`,
  ],
  series: (name: string) => [`series:${slugify(name)}`],
  agreement: (a: { name: string; signed?: string | undefined }) => {
    const slug = slugify(a.name);
    return [`agreement:${slug}`, ...(a.signed ? [`agreement:${slug}-${a.signed}`] : [])];
  },
  source: (s: { id?: string | undefined; title: string; published: string }) =>
    s.id !== undefined ? [s.id] : [`source:${slugify(s.title)}`, `source:${slugify(s.title)}-${s.published}`],
};

/**
 * A source document's identity: its URL, else its explicit id, else title, date and publisher. A readout with the
 * identity of a document in the graph is a new version of it (a revision), not another document.
 */
export const sourceKey = (s: Draft['source']) =>
  s.url !== undefined
    ? `url|${s.url}`
    : s.id !== undefined
      ? `id|${s.id}`
      : `doc|${normalizeText(s.title)}|${s.published}|${normalizeText(s.publisher)}`;

/** What the graph holds under each `label|norm`: the answer to LOOKUP_NAMES, grouped. */
export type NameRows = ReadonlyMap<string, readonly Row[]>;

/**
 * The graph's entities for every name the drafts use, in one statement: a chunk of readouts validated together
 * needs one name lookup, not one per readout (the graph does not change while a batch is validated).
 */
export async function lookupNamesOf(drafts: readonly Draft[], query: Query): Promise<NameRows> {
  const wanted = new Map<string, NameWanted>();
  for (const d of drafts) for (const [k, w] of wantedNames(d)) wanted.set(k, w);
  const out = new Map<string, Row[]>([...wanted.keys()].map((k) => [k, []]));
  for (const r of await query(LOOKUP_NAMES, { norms: [...wanted.values()] }))
    out.get(`${String(r.label)}|${String(r.norm)}`)?.push(r);
  return out;
}

/** The graph's answers for a chunk of readouts, asked once: names, ids taken, existing source documents. */
export interface ChunkLookups {
  names: NameRows;
  ids: IdsTaken;
  /** Source key → id of the source already in the graph (null: none). */
  sources: ReadonlyMap<string, string | null>;
  /**
   * Key → id of every agreement in the graph named like one of the chunk's (the key also holds the parties' ids,
   * known only once planning has resolved them); an agreement of the chunk missing here is not in the graph.
   */
  agreements: ReadonlyMap<string, string>;
  /** Graph ancestors of the organisations the chunk names; ids checked and free are known to have none. */
  ancestors: KnownAncestors;
}

export async function chunkLookups(drafts: readonly Draft[], query: Query): Promise<ChunkLookups> {
  const names = await lookupNamesOf(drafts, query);
  const keys = [...new Set(drafts.map((d) => sourceKey(d.source)))];
  const rows = await query(KEYS_EXISTING, { rows: keys.map((key) => ({ label: 'Source', key })) });
  const found = new Map(rows.map((r) => [String(r.key), String(r.id)]));
  const norms = [...new Set(drafts.flatMap((d) => d.agreements.map((a) => normalizeText(a.name))))];
  const agreements = norms.length === 0 ? [] : await query(AGREEMENTS_NAMED, { norms });
  const ids = await idsTakenOf(
    newEntityCandidates(drafts, names, found, agreements).flatMap(idOptions),
    query,
  );
  const orgs = new Set<string>();
  for (const list of names.values())
    for (const r of list) if (r.label === 'Organization') orgs.add(String(r.id));
  for (const id of ids.holders.keys()) if (id.startsWith('org:')) orgs.add(id);
  const of = await ancestorsOf([...orgs], query);
  const absent = (id: string) => ids.checked.has(id) && !ids.holders.has(id);
  return {
    names,
    ids,
    sources: new Map(keys.map((k) => [k, found.get(k) ?? null])),
    agreements: new Map(agreements.map((r) => [String(r.key), String(r.id)])),
    ancestors: { of, absent },
  };
}

/**
 * The id candidates of the chunk's entries that may be new: an entry whose name the graph knows under its label
 * will most likely match that entity and need no id (most entries of a large load). One that turns out new after
 * all (another scope, a declared namesake) is asked for by its readout's allocator.
 */
function newEntityCandidates(
  drafts: readonly Draft[],
  names: NameRows,
  sources: ReadonlyMap<string, string>,
  agreements: readonly Row[],
): string[][] {
  const known = (label: EntityLabel, norms: string[]) =>
    norms.some((n) => (names.get(`${label}|${n}`)?.length ?? 0) > 0);
  const agreementNames = new Set(agreements.map((r) => String(r.key).split('|')[0]));
  return drafts.flatMap((d) => [
    ...d.organizations
      .filter((o) => !known('Organization', [o.name, ...o.aliases].map(normalizeText)))
      .map(candidates.org),
    ...d.people
      .filter((p) => !known('Person', [p.name, ...p.aliases].map(normalizePersonName)))
      .map(candidates.person),
    ...(known('Dialogue', [d.dialogue.name, ...d.dialogue.aliases].map(normalizeText))
      ? []
      : [candidates.dialogue(d.dialogue)]),
    ...(d.dialogue.series === undefined || known('DialogueSeries', [normalizeText(d.dialogue.series)])
      ? []
      : [candidates.series(d.dialogue.series)]),
    ...d.agreements.filter((a) => !agreementNames.has(normalizeText(a.name))).map(candidates.agreement),
    ...(sources.has(sourceKey(d.source)) ? [] : [candidates.source(d.source)]),
  ]);
}
