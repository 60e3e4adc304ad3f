// Small generated readouts for property tests of the write path: a pool of documents, each in two versions (same
// url, different content), drawn from a tiny world so that readouts share facts and dispute values: the same
// organisation with another kind, the same person with another title or role, the same dialogue in another city
// or with another edition; a GB and an IN Rajendra Kumar, whose ids depend on which is loaded first.
//
// A version either keeps every reference inside itself (`refers` false), or lists only minor organisations and
// refers by name to the ministries other documents list (`refers` true). So a set of versions in force loads in one
// batch when those without references come first.
import fc from 'fast-check';
import { stringify } from 'yaml';

type Code = 'IN' | 'GB' | 'US';

interface Org {
  name: string;
  country: Code;
  kinds: [string, string];
  aliases: string[];
  /** A ministry others may refer to by name; minor bodies are only ever listed. */
  core: boolean;
}

const ORGS: Org[] = [
  {
    name: 'Ministry of Home Affairs',
    country: 'IN',
    kinds: ['ministry', 'department'],
    aliases: ['MHA'],
    core: true,
  },
  { name: 'Home Office', country: 'GB', kinds: ['ministry', 'department'], aliases: ['UKHO'], core: true },
  {
    name: 'Department of Homeland Security',
    country: 'US',
    kinds: ['department', 'ministry'],
    aliases: ['DHS'],
    core: true,
  },
  {
    name: 'National Police Academy',
    country: 'IN',
    kinds: ['academy', 'agency'],
    aliases: ['NPA'],
    core: false,
  },
  { name: 'Border Force', country: 'GB', kinds: ['agency', 'department'], aliases: [], core: false },
  { name: 'Coast Guard', country: 'US', kinds: ['agency', 'other'], aliases: ['USCG'], core: false },
];
const coreOf = (c: Code) => ORGS.find((o) => o.core && o.country === c);

const PEOPLE: { name: string; country: Code }[] = [
  { name: 'Rajendra Kumar', country: 'IN' },
  { name: 'Asha Rao', country: 'IN' },
  { name: 'Rajendra Kumar', country: 'GB' },
  { name: 'Simon Hale', country: 'GB' },
  { name: 'Dana Whitfield', country: 'US' },
];
const TITLES = ['Home Secretary', 'Special Secretary', 'Director General'];
const ROLES = ['co_chair', 'head_of_delegation', 'delegate'];

const DIALOGUES: {
  name: string;
  countries: [Code, Code];
  series?: string;
  editions: number[];
  starts: string[];
  cities: string[];
}[] = [
  {
    name: '1st Example Security Dialogue',
    countries: ['IN', 'GB'],
    series: 'Example Security Dialogue',
    editions: [1, 2],
    starts: ['2025-03-10', '2025-03-11'],
    cities: ['New Delhi', 'Mumbai'],
  },
  {
    name: '2nd Example Security Dialogue',
    countries: ['GB', 'IN'],
    series: 'Example Security Dialogue',
    editions: [2],
    starts: ['2025-09-01'],
    cities: ['London', 'Manchester'],
  },
  {
    name: 'Example Border Talks 2025',
    countries: ['IN', 'US'],
    editions: [],
    starts: ['2025-05-05', '2025-05'],
    cities: ['Washington', 'Goa'],
  },
];
const THEMES = ['counter-terrorism', 'cybercrime', 'illicit drugs', 'border management', 'migration'];
const NOTES = ['agreed to share data', 'reviewed progress'];
const AGREEMENTS = ['Memorandum on Police Training', 'Joint Statement on Border Security'];

export interface PoolReadout {
  text: string;
  /** Refers by name to organisations only other readouts list. */
  refers: boolean;
}

/** One pool entry: two versions of the document at `url`. */
export type PoolEntry = [PoolReadout, PoolReadout];

/** Choices that a version is made of: small integers, so that fast-check shrinks them well. */
const choices = fc.record({
  dialogue: fc.nat(DIALOGUES.length - 1),
  third: fc.boolean(),
  pick: fc.array(fc.nat(99), { minLength: 24, maxLength: 24 }),
  flags: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
  refers: fc.boolean(),
});
type Choices = typeof choices extends fc.Arbitrary<infer T> ? T : never;

function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i % xs.length];
  if (x === undefined) throw new Error('nothing to choose from');
  return x;
}

function build(k: number, version: number, c: Choices, refers: boolean): PoolReadout {
  let at = 0;
  const pick = <T>(xs: readonly T[]): T => nth(xs, c.pick[at++ % c.pick.length] ?? 0);
  const flag = () => c.flags[at++ % c.flags.length] === true;
  const d = nth(DIALOGUES, c.dialogue);
  const countries: Code[] = [...d.countries];
  if (c.third) countries.push((['IN', 'GB', 'US'] as const).find((x) => !countries.includes(x)) ?? 'US');
  // Organisations of the dialogue's countries: a referring version lists minor bodies only.
  const orgs = ORGS.filter((o) => countries.includes(o.country) && (!refers || !o.core) && flag());
  const listed = orgs.map((o) => ({
    name: o.name,
    country: o.country,
    kind: pick(o.kinds),
    ...(o.aliases.length > 0 && flag() ? { aliases: o.aliases } : {}),
  }));
  const orgFor = (country: Code): string | undefined => {
    const own = orgs.filter((o) => o.country === country);
    if (refers && (own.length === 0 || flag())) {
      const core = coreOf(country);
      return core === undefined ? undefined : flag() ? core.name : (core.aliases[0] ?? core.name);
    }
    return own.length === 0 ? undefined : pick(own).name;
  };
  // The academy is part of the ministry: a reference to it by name when the ministry is not listed here.
  const academy = listed.find((o) => o.name === 'National Police Academy');
  if (academy !== undefined && flag()) {
    const mha = orgs.find((o) => o.name === 'Ministry of Home Affairs');
    if (mha !== undefined || refers) Object.assign(academy, { partOf: mha !== undefined ? mha.name : 'MHA' });
  }
  const people = PEOPLE.filter((p) => countries.includes(p.country) && flag()).flatMap((p) => {
    const organization = orgFor(p.country);
    if (organization === undefined) return [];
    const other = orgFor(p.country);
    return [
      {
        name: p.name,
        country: p.country,
        title: pick(TITLES),
        organization,
        role: pick(ROLES),
        ...(other !== undefined && other !== organization && flag() ? { onBehalfOf: other } : {}),
      },
    ];
  });
  const themes = THEMES.filter(() => flag()).map((t) => (flag() ? { name: t, note: pick(NOTES) } : t));
  const parties = [...new Set(countries.map(orgFor).filter((x): x is string => x !== undefined))];
  const agreements =
    parties.length >= 2 && flag()
      ? [
          {
            name: pick(AGREEMENTS),
            kind: pick(['mou', 'joint_statement']),
            ...(flag() ? { signed: pick(d.starts) } : {}),
            parties: parties.slice(0, 2),
            ...(flag() ? { themes: [pick(THEMES)] } : {}),
          },
        ]
      : [];
  const start = pick(d.starts);
  const readout = {
    format: 'readout/v1',
    source: {
      title: `Pool report ${k}${version === 1 && flag() ? ' (revised)' : ''}`,
      publisher: pick(['Example Ministry', 'Example News']),
      url: `https://pool.example/reports/${k}`,
      published: pick(['2025-10-01', '2025-10', '2025-11-15']),
      kind: pick(['news', 'readout', 'press_release']),
    },
    dialogue: {
      name: d.name,
      ...(d.series !== undefined && flag() ? { series: d.series } : {}),
      ...(d.editions.length > 0 && flag() ? { edition: pick(d.editions) } : {}),
      start,
      ...(flag() ? { city: pick(d.cities) } : {}),
      ...(flag() ? { host: pick(countries) } : {}),
      countries,
    },
    ...(listed.length > 0 ? { organizations: listed } : {}),
    ...(people.length > 0 ? { people } : {}),
    ...(themes.length > 0 ? { themes } : {}),
    ...(agreements.length > 0 ? { agreements } : {}),
  };
  const text = `# A generated readout: pool entry ${k}, version ${version}.\n${stringify(readout)}`;
  // Whether the text really leaves a reference to the graph: the organisation names it uses but does not list.
  const names = new Set(listed.flatMap((o) => [o.name, ...(o.aliases ?? [])]));
  const used = [
    ...people.flatMap((p) => [p.organization, ...(p.onBehalfOf === undefined ? [] : [p.onBehalfOf])]),
    ...agreements.flatMap((a) => a.parties),
    ...listed.flatMap((o) => ('partOf' in o && typeof o.partOf === 'string' ? [o.partOf] : [])),
  ];
  return { text, refers: used.some((n) => !names.has(n)) };
}

/** A pool of `size` entries, each two versions of one document; about a quarter of the versions refer out. */
export function poolArb(size = 8): fc.Arbitrary<PoolEntry[]> {
  return fc
    .array(fc.tuple(choices, choices), { minLength: size, maxLength: size })
    .map((entries) =>
      entries.map(([a, b], k): PoolEntry => [
        build(k, 0, a, a.refers && (a.pick[0] ?? 0) % 2 === 0),
        build(k, 1, b, b.refers && (b.pick[0] ?? 0) % 2 === 0),
      ]),
    );
}

/** The inputs of a clean load, in the order given but with the self-contained readouts first. */
export function cleanLoadOrder<T extends { readout: PoolReadout }>(items: readonly T[]): T[] {
  return [...items.filter((x) => !x.readout.refers), ...items.filter((x) => x.readout.refers)];
}
