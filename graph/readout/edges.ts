// The facts of a readout as edge rows, once every entity it names has an id; and the rows of its countries.
import { countryId, countryName } from '../countries';
import { lowerBound, upperBound } from '../dates';
import { normalizeText } from '../normalize';
import { themeId } from '../themes';
import type { Draft, OrgRef } from './draft';
import { EDGE_KINDS, nameKey, type EdgeKind, type EdgeRow, type NodeRow } from './rows';

/** Ids the planner chose or found, by position in the draft. */
export interface PlannedIds {
  orgs: string[];
  people: string[];
  dialogue: string;
  series: string[];
  agreements: string[];
  /** Party ids of each agreement. */
  parties: string[][];
  source: string;
  org: (ref: OrgRef) => string;
  /** Organisations the readout refers to without listing them, with the names it uses for them. */
  referenced: { id: string; via: string[] }[];
}

export function buildEdges(
  draft: Draft,
  ids: PlannedIds,
): { edges: Record<EdgeKind, EdgeRow[]>; partOfPaths: string[] } {
  const edges = Object.fromEntries(EDGE_KINDS.map((k) => [k, []])) as unknown as Record<EdgeKind, EdgeRow[]>;
  const add = (kind: EdgeKind, from: string, to: string, props: Record<string, unknown> = {}) =>
    edges[kind].push({ from, to, props });
  const d = draft.dialogue;
  // A post is attested for the dates of the meeting where the document places the person in it.
  const attestedFrom = lowerBound(d.start);
  const attestedTo = upperBound(d.end ?? d.start);
  const partOfPaths: string[] = [];

  draft.organizations.forEach((o, i) => {
    const id = ids.orgs[i] ?? '';
    for (const c of o.countries) add('ORG_OF_COUNTRY', id, countryId(c));
    if (o.partOf) {
      add('PART_OF', id, ids.org(o.partOf));
      partOfPaths.push(`organizations[${i}].partOf`);
    }
  });
  draft.people.forEach((p, i) => {
    const id = ids.people[i] ?? '';
    add('PERSON_OF_COUNTRY', id, countryId(p.country));
    add('HOLDS_POST', id, ids.org(p.organization), {
      title: p.title,
      titleKey: normalizeText(p.title),
      from: p.from ?? null,
      to: p.to ?? null,
      fromKey: p.from === undefined ? null : lowerBound(p.from),
      toKey: p.to === undefined ? null : upperBound(p.to),
      attestedFrom,
      attestedTo,
    });
    const onBehalfOf = ids.org(p.onBehalfOf);
    add('ATTENDED', id, ids.dialogue, { role: p.role, title: p.title, onBehalfOf, country: p.country });
  });
  for (const c of d.countries) add('BETWEEN', ids.dialogue, countryId(c));
  if (d.host !== undefined) add('HOSTED_BY', ids.dialogue, countryId(d.host));
  for (const s of ids.series) add('EDITION_OF', ids.dialogue, s, { edition: d.edition ?? null });
  for (const t of draft.themes) add('DISCUSSED', ids.dialogue, themeId(t.id), { note: t.note ?? null });
  for (const w of d.workingGroups) add('WORKING_GROUP', ids.dialogue, ids.org(w));
  draft.agreements.forEach((a, i) => {
    const id = ids.agreements[i] ?? '';
    for (const p of ids.parties[i] ?? []) add('PARTY_TO', p, id);
    add('CONCLUDED_AT', id, ids.dialogue);
    for (const t of a.themes) add('COVERS', id, themeId(t));
  });
  const themes = new Set([...draft.themes.map((t) => t.id), ...draft.agreements.flatMap((a) => a.themes)]);
  for (const t of themes) add('THEME_MENTION', ids.source, themeId(t));
  for (const r of ids.referenced) add('ORG_MENTION', ids.source, r.id, { via: r.via });
  return { edges, partOfPaths };
}

/** Every country the readout names; written like other nodes, so that the document mentions them. */
export function countryRows(draft: Draft): NodeRow[] {
  const codes = new Set([
    ...draft.dialogue.countries,
    ...draft.organizations.flatMap((o) => o.countries),
    ...draft.people.map((p) => p.country),
  ]);
  return [...codes].map((c) => ({
    id: countryId(c),
    key: c,
    existing: false,
    name: countryName(c),
    aliases: [],
    names: [...new Set([normalizeText(countryName(c)), c.toLowerCase()])].map((norm) => ({
      key: nameKey('Country', '', norm),
      norm,
    })),
    props: { code: c },
    claim: null,
  }));
}
