// Drafting a readout from a press release: read the text (text.ts), find the meeting, organisations, people,
// themes and agreements, ask the graph which of them it already holds (one read transaction), lay the readout
// out with evidence and checks, render it as YAML, and run the loader's validation on it. Nothing is written.
import { BadInputError } from '../errors';
import type { GraphExecutor } from '../executor';
import { normalizePersonName, normalizeText } from '../normalize';
import { findAgreements } from './agreements';
import { dateline, referenceDate } from './dates';
import { findDialogue } from './dialogue';
import { DraftRecord, type Evidence } from './evidence';
import type { Assembly, DraftOptions, Found } from './found';
import { askGraph, NO_GRAPH, type GraphAnswers, type NameQuery } from './graphLookup';
import { releaseText } from './input';
import { layoutOrganizations, layoutPeople, type MatchRow } from './layoutEntities';
import { layoutDialogue, layoutSource } from './layoutMeeting';
import { layoutAgreements, layoutThemes } from './layoutRest';
import { findOrganizations, loneAcronyms, type FoundOrg } from './orgs';
import { readPeople } from './people';
import { renderYaml } from './render';
import { inferSides } from './sides';
import { placeOrganizations } from './orgCountries';
import { mergeUnplaced } from './orgNames';
import { coinedSignatories, sidesAsParties } from './signatories';
import { findSource, wireCredit } from './source';
import { readText, type ReadText, type Span } from './text';
import { findThemes } from './themes';
import { draftIssues, type DraftIssue } from './validateDraft';

export type { DraftOptions } from './found';

export interface ReadoutDraft {
  yaml: string;
  readout: Record<string, unknown>;
  evidence: Evidence[];
  matches: MatchRow[];
  checks: string[];
  issues: DraftIssue[];
}

/** The name the API's type mapping uses (the GraphQL type is also called ReadoutDraft). */
export type ReadoutDraftRow = ReadoutDraft;

const NO_MEETING =
  'No dialogue or meeting found in the text: the drafter looks for its name, a capitalised phrase ending in Dialogue, Talks, Consultations, Meeting, Committee, Summit, Conference or Forum.';

/** Everything the text says, before the graph is asked. */
export function readRelease(doc: ReadText, options: DraftOptions): Found {
  const dl = dateline(doc);
  const reference = referenceDate(doc, options.published ?? (dl?.yearStated ? dl.start : undefined));
  const named = findOrganizations(doc);
  const dialogue = findDialogue(doc, reference, dl?.span);
  if (dialogue === undefined) throw new BadInputError(NO_MEETING);
  const coined = coinedSignatories(
    doc,
    named,
    dialogue.countries.map((c) => c.value),
  );
  const orgs = [...named, ...coined];
  // A joint committee that is itself the meeting is the dialogue, not one of its working groups.
  const series = normalizeText(dialogue.series.value);
  const bodies = orgs.filter(
    (o) => normalizeText(o.name) !== series && !series.endsWith(normalizeText(o.name)),
  );
  const { people, named: bystanders } = readPeople(doc, bodies);
  // A unit named only inside someone's post ("Director of the X Department, Ministry of …") is not listed.
  const inPost = (m: Span) =>
    people.some((p) => p.title && p.title.span.start <= m.start && p.title.span.end >= m.end);
  const wire = wireCredit(doc);
  const inWire = (m: Span) => wire !== undefined && m.start >= wire.start && m.end <= wire.end;
  const listed = bodies.filter((o) => !o.mentions.every((m) => inPost(m) || inWire(m)));
  const names: Span[] = [
    ...bodies.flatMap((o) => o.mentions),
    ...dialogue.mentions,
    ...people.flatMap((p) => [p.name.span, ...(p.title ? [p.title.span] : [])]),
  ];
  const found: Found = {
    doc,
    options,
    dateline: dl,
    reference,
    dialogue,
    orgs: listed,
    people,
    bystanders,
    themes: findThemes(doc, names),
    agreements: findAgreements(
      doc,
      listed,
      reference,
      dialogue.countries.map((c) => c.value),
    ),
    source: findSource(doc, listed, dl),
  };
  placeOrganizations(found);
  inferSides(found);
  sidesAsParties(found);
  inferSides(found);
  placeOrganizations(found);
  found.orgs = mergeUnplaced(found.orgs);
  return found;
}

function graphQueries(found: Found, acronyms: Span[]): { names: NameQuery[]; codes: string[] } {
  const names: NameQuery[] = [];
  for (const o of found.orgs)
    for (const n of [o.name, ...o.aliases]) names.push({ label: 'Organization', norm: normalizeText(n) });
  for (const a of acronyms) names.push({ label: 'Organization', norm: normalizeText(a.text) });
  for (const p of found.people) names.push({ label: 'Person', norm: normalizePersonName(p.name.value) });
  names.push({ label: 'DialogueSeries', norm: normalizeText(found.dialogue.series.value) });
  const codes = [
    ...new Set(
      found.people
        .filter((p) => !p.organization)
        .map((p) => p.country?.value)
        .filter((c): c is string => c !== undefined),
    ),
  ];
  return { names, codes };
}

/** Acronyms only the graph knows ("MHA"): entries for the organisations they name there. */
function graphOrgs(found: Found, graph: GraphAnswers, acronyms: Span[]): FoundOrg[] {
  const out: FoundOrg[] = [];
  for (const a of acronyms) {
    const hits = graph.byName.get(`Organization|${normalizeText(a.text)}`) ?? [];
    const m = hits[0];
    if (hits.length !== 1 || m === undefined || out.some((o) => o.name === m.name)) continue;
    const kind =
      ['ministry', 'department', 'agency', 'academy', 'working_group', 'other'].find((k) => k === m.kind) ??
      'other';
    out.push({
      name: m.name,
      kind: kind as FoundOrg['kind'],
      countries: m.countries,
      aliases: [a.text],
      mentions: [a],
      kindConfidence: 0.9,
    });
  }
  return out.filter((o) => !found.orgs.some((f) => normalizeText(f.name) === normalizeText(o.name)));
}

export async function draftReadout(
  executor: GraphExecutor | undefined,
  raw: string,
  options: DraftOptions = {},
): Promise<ReadoutDraft> {
  const doc = readText(releaseText(raw));
  const found = readRelease(doc, options);
  const acronyms = loneAcronyms(doc, found.orgs);
  const { names, codes } = graphQueries(found, acronyms);
  const graph = executor ? await askGraph(executor, names, codes) : NO_GRAPH;
  found.orgs.push(...graphOrgs(found, graph, acronyms));
  const rec = new DraftRecord(doc);
  const a: Assembly = { found, graph, rec };
  const matches: MatchRow[] = [];
  const dialogue = layoutDialogue(a);
  const readout: Record<string, unknown> = {
    format: 'readout/v1',
    source: layoutSource(a, String(dialogue.name)),
    dialogue,
  };
  const organizations = layoutOrganizations(a, matches);
  const people = layoutPeople(a, matches);
  const themes = layoutThemes(a);
  const agreements = layoutAgreements(a, dialogue);
  if (organizations.length > 0) readout.organizations = organizations;
  if (people.length > 0) readout.people = people;
  if (themes.length > 0) readout.themes = themes;
  if (agreements.length > 0) readout.agreements = agreements;
  const series = graph.byName.get(`DialogueSeries|${normalizeText(String(dialogue.series))}`)?.[0];
  matches.push({
    path: 'dialogue.series',
    name: String(dialogue.series),
    nodeId: series?.id ?? null,
    isNew: series === undefined,
  });
  const header = [
    'Drafted from a press release: review every value; each comment gives line:column, the words read and a confidence.',
  ];
  const yaml = renderYaml(readout, rec.evidence, rec.checks, header);
  const issues = await draftIssues(executor, yaml);
  return {
    yaml,
    readout,
    evidence: rec.evidence,
    matches,
    checks: rec.checks.map((c) => `${c.path}: ${c.message}`),
    issues,
  };
}
