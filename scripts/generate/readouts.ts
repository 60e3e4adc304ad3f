// Readouts of one dialogue: 2–4 source documents (each side's ministry, a joint statement, the press, an agency),
// each a partial, overlapping view of what happened, in readout/v1. Typed against the loader's own schema.
import type { z } from 'zod';
import type { ReadoutSchema } from '../../graph/readout/schema';
import type { SourceKind } from '../../graph/model';
import { withAncestors, type SynthOrg } from './organizations';
import { ym } from './people';
import type { Random } from './random';
import { spell, type ThemeVocabulary } from './themes';
import { isoDay, type Delegate, type Delegation, type SynthDialogue } from './world';

export type ReadoutDocument = z.input<typeof ReadoutSchema>;
type OrgEntry = NonNullable<ReadoutDocument['organizations']>[number];
type PersonEntry = NonNullable<ReadoutDocument['people']>[number];
type ThemeEntry = NonNullable<ReadoutDocument['themes']>[number];

const OUTLETS = [
  'Global Security Wire',
  'The Capital Herald',
  'Regional Times',
  'Daily Dispatch',
  'Policy Monitor',
  'Asia-Pacific Newsline',
  'Euro Affairs Today',
  'Gulf Observer',
  'Africa Report Weekly',
  'Americas Bulletin',
  'Press Agency International',
  'The Diplomatic Courier',
];

const NOTES = [
  (t: string) => `Both sides reviewed their cooperation on ${t}.`,
  (t: string) => `Officials compared recent cases involving ${t} and agreed to keep each other informed.`,
  (t: string) => `A joint training programme on ${t} was proposed for the coming year.`,
  (t: string) => `The visiting side briefed on new legislation touching ${t}.`,
  (t: string) => `Agreed to set up a point of contact for ${t}.`,
  (t: string) => `Concerns about ${t} were raised and follow-up talks were scheduled.`,
];

/** Which document this is: who wrote it decides what it mentions. */
interface SourceSpec {
  kind: SourceKind;
  /** The side whose ministry or agency published it; undefined for joint statements and the press. */
  side: Delegation | undefined;
  publisher: string;
  title: string;
  /** How likely each optional fact is to make it into this document. */
  detail: number;
}

const pct = (p: number) => (rng: Random) => rng.chance(p);

function specs(d: SynthDialogue, count: number, rng: Random): SourceSpec[] {
  const [a, b] = d.delegations;
  const countries = `${a.country.name} and ${b.country.name}`;
  const agency = (s: Delegation) =>
    s.members.find((m) => m.post.org.kind !== 'ministry')?.post.org ?? s.ministry;
  const outlet = rng.pick(OUTLETS);
  const pressBy = agency(rng.pick([a, b]));
  const all: SourceSpec[] = [
    ...[a, b].map((side) => ({
      kind: 'readout' as const,
      side,
      publisher: `${side.ministry.name}, ${side.country.name}`,
      title: `${side.country.code} readout: ${d.name}`,
      detail: 0.8,
    })),
    {
      kind: 'joint_statement',
      side: undefined,
      publisher: `Governments of ${countries}`,
      title: `Joint statement: ${d.name}`,
      detail: 0.6,
    },
    {
      kind: 'news',
      side: undefined,
      publisher: outlet,
      title: `News: ${d.name} (${outlet})`,
      detail: 0.4,
    },
    {
      kind: 'press_release',
      side: [a, b].find((s) => s.country.code === pressBy.countries[0]),
      publisher: `${pressBy.name}, ${pressBy.countries.join('/')}`,
      title: `Press release: ${d.name} (${pressBy.name})`,
      detail: 0.7,
    },
  ];
  // The first document is the fullest (a readout by the host), the rest a random mix.
  const host = all.find((s) => s.side?.country === d.plan.host) ?? all[0];
  const rest = rng.shuffle(all.filter((s) => s !== host));
  return [host as SourceSpec, ...rest].slice(0, count);
}

function personEntry(m: Delegate, detail: number, rng: Random): PersonEntry {
  const entry: PersonEntry = {
    name: m.person.name,
    country: m.person.country,
    // Now and then a document gives the bare rank rather than the full title.
    title: rng.chance(0.05) ? m.post.rank : m.post.title,
    organization: m.post.org.name,
    role: m.role,
  };
  if (m.person.alias !== undefined && rng.chance(0.5)) entry.aliases = [m.person.alias];
  if (m.onBehalfOf !== m.post.org) entry.onBehalfOf = m.onBehalfOf.name;
  if (rng.chance(0.1 * detail)) entry.from = ym(m.post.from);
  return entry;
}

function orgEntry(o: SynthOrg, rng: Random): OrgEntry {
  const entry: OrgEntry = { name: o.name, kind: o.kind };
  if (o.countries.length === 1) entry.country = o.countries[0];
  else entry.countries = o.countries;
  if (o.alias !== undefined && rng.chance(0.7)) entry.aliases = [o.alias];
  if (o.parent !== undefined) entry.partOf = o.parent.name;
  return entry;
}

/** Every organisation the document refers to, with the bodies above them, so the readout stands on its own. */
function orgEntries(orgs: SynthOrg[], rng: Random): OrgEntry[] {
  const listed = new Set<SynthOrg>();
  for (const o of orgs) for (const up of withAncestors(o)) listed.add(up);
  return [...listed].map((o) => orgEntry(o, rng));
}

function summary(d: SynthDialogue, themes: ThemeVocabulary): string {
  const names = d.themes.slice(0, 4).map((t) => themes.names.get(t) ?? t);
  const host = d.plan.host.name;
  return `${host} hosted the ${d.ordinal} round of the ${d.plan.series.name}. The delegations went over ${names.join(', ')}, took stock of earlier commitments and agreed to meet again.`;
}

export interface ReadoutContext {
  themes: ThemeVocabulary;
  rng: Random;
  /** Running number of the document, for unique URLs. */
  serial: () => number;
}

/** The documents describing dialogue `d`. */
export function readoutsOf(d: SynthDialogue, count: number, ctx: ReadoutContext): ReadoutDocument[] {
  const { rng, themes } = ctx;
  return specs(d, count, rng).map((spec, i) => {
    const full = i === 0;
    const chance = pct(spec.detail);
    const people = d.delegations.flatMap((side) =>
      side.members.filter((m, j) => j === 0 || full || side === spec.side || chance(rng)),
    );
    const agreements = d.agreements.filter(() => full || chance(rng));
    const wg = d.workingGroup !== undefined && (full || chance(rng)) ? d.workingGroup : undefined;
    const refs = [
      ...people.flatMap((m) => [m.post.org, m.onBehalfOf]),
      ...agreements.flatMap((a) => a.parties),
      ...(wg ? [wg] : []),
    ];
    let discussed = d.themes.filter(() => full || chance(rng));
    if (discussed.length < 2) discussed = d.themes.slice(0, 2);
    const published = isoDay(d.plan.start, d.plan.day, d.plan.days - 1 + rng.int(0, 3));
    const serial = ctx.serial();
    const source: ReadoutDocument['source'] = {
      title: spec.title,
      publisher: spec.publisher,
      published: spec.kind === 'news' && rng.chance(0.1) ? published.slice(0, 7) : published,
      kind: spec.kind,
    };
    if (spec.kind !== 'news' || rng.chance(0.6)) {
      const site = spec.side ? `${spec.side.country.code.toLowerCase()}.gov.example` : 'press.example';
      source.url = `https://${site}/${spec.kind.replace('_', '-')}/${published.slice(0, 4)}/${serial}`;
    }
    const dialogue: ReadoutDocument['dialogue'] = {
      name: d.name,
      series: d.plan.series.name,
      ...(full || chance(rng) ? { edition: d.plan.edition } : {}),
      start: d.start,
      ...(d.end !== undefined ? { end: d.end } : {}),
      ...(full || chance(rng) ? { city: d.plan.host.capital } : {}),
      host: d.plan.host.code,
      countries: [d.plan.series.a.code, d.plan.series.b.code],
      ...(wg ? { workingGroups: [wg.name] } : {}),
      ...(full || chance(rng) ? { summary: summary(d, themes) } : {}),
    };
    return {
      format: 'readout/v1',
      source,
      dialogue,
      organizations: orgEntries(refs, rng),
      people: people.map((m) => personEntry(m, spec.detail, rng)),
      themes: discussed.map((t): ThemeEntry => {
        const name = spell(themes, t, rng);
        return rng.chance(0.5) ? { name, note: rng.pick(NOTES)(themes.names.get(t) ?? name) } : name;
      }),
      agreements: agreements.map((a) => ({
        name: a.name,
        kind: a.kind,
        signed: a.signed,
        parties: a.parties.map((p) => p.name),
        themes: a.themes.map((t) => spell(themes, t, rng)),
        summary: a.summary,
      })),
    };
  });
}
