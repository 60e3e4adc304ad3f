// Each country's security institutions: ministries with departments, agencies and academies under them (partOf),
// a few levels deep, with acronyms as aliases where they are unambiguous within the country.
import { normalizeText } from '../../graph/normalize';
import type { OrgKind } from '../../graph/model';
import type { SynthCountry } from './countries';
import type { Random } from './random';

export type MinistryKey = 'interior' | 'justice' | 'foreign' | 'defence' | 'finance' | 'digital';

export interface SynthOrg {
  name: string;
  alias: string | undefined;
  kind: OrgKind;
  /** One code for national bodies; two for joint working groups. */
  countries: string[];
  parent: SynthOrg | undefined;
  ministry: MinistryKey | undefined;
}

interface UnitTemplate {
  name: string;
  kind: OrgKind;
  units?: UnitTemplate[];
}

interface MinistryTemplate {
  key: MinistryKey;
  /** Share of countries that have it (the first three every country has). */
  presence: number;
  name: (c: SynthCountry) => string;
  units: UnitTemplate[];
}

const HOME_AFFAIRS = new Set(['IN', 'PK', 'BD', 'LK', 'NP', 'MY', 'SG']);

const MINISTRIES: MinistryTemplate[] = [
  {
    key: 'interior',
    presence: 1,
    name: (c) =>
      c.code === 'GB'
        ? 'Home Office'
        : c.code === 'US'
          ? 'Department of Homeland Security'
          : HOME_AFFAIRS.has(c.code)
            ? 'Ministry of Home Affairs'
            : 'Ministry of Interior',
    units: [
      {
        name: 'National Police Agency',
        kind: 'agency',
        units: [
          { name: 'Counter-Terrorism Directorate', kind: 'department' },
          { name: 'Cybercrime Division', kind: 'department' },
          { name: 'Organised Crime Directorate', kind: 'department' },
        ],
      },
      { name: 'Border Guard Service', kind: 'agency' },
      { name: 'Immigration Service', kind: 'agency' },
      { name: 'National Police Academy', kind: 'academy' },
      { name: 'Department of Internal Security', kind: 'department' },
      { name: 'Narcotics Control Bureau', kind: 'agency' },
      { name: 'International Cooperation Department', kind: 'department' },
    ],
  },
  {
    key: 'justice',
    presence: 1,
    name: () => 'Ministry of Justice',
    units: [
      { name: 'Office of the Prosecutor General', kind: 'agency' },
      { name: 'Central Authority for Mutual Legal Assistance', kind: 'department' },
      { name: 'Judicial Training Academy', kind: 'academy' },
      { name: 'Prison Service', kind: 'agency' },
    ],
  },
  {
    key: 'foreign',
    presence: 1,
    name: (c) => (c.code === 'US' ? 'Department of State' : 'Ministry of Foreign Affairs'),
    units: [
      { name: 'Consular Affairs Department', kind: 'department' },
      { name: 'Counter-Terrorism Division', kind: 'department' },
      { name: 'Diplomatic Academy', kind: 'academy' },
      { name: 'Diplomatic Security Service', kind: 'agency' },
    ],
  },
  {
    key: 'defence',
    presence: 0.9,
    name: (c) => (c.code === 'US' ? 'Department of Defense' : 'Ministry of Defence'),
    units: [
      { name: 'Defence Intelligence Agency', kind: 'agency' },
      { name: 'National Defence College', kind: 'academy' },
      { name: 'Coast Guard', kind: 'agency' },
    ],
  },
  {
    key: 'finance',
    presence: 0.9,
    name: (c) => (c.code === 'US' ? 'Department of the Treasury' : 'Ministry of Finance'),
    units: [
      {
        name: 'Customs Service',
        kind: 'agency',
        units: [{ name: 'Customs Training Academy', kind: 'academy' }],
      },
      { name: 'Financial Intelligence Unit', kind: 'agency' },
      { name: 'Tax Investigation Department', kind: 'department' },
    ],
  },
  {
    key: 'digital',
    presence: 0.5,
    name: () => 'Ministry of Digital Affairs',
    units: [
      { name: 'National Cyber Security Centre', kind: 'agency' },
      { name: 'Computer Emergency Response Team', kind: 'agency' },
    ],
  },
];

const SMALL_WORDS = new Set(['of', 'the', 'for', 'and', 'on']);

/** "Ministry of Foreign Affairs" → "MoFA", "National Police Agency" → "NPA". */
export function acronym(name: string): string {
  const words = name.split(/[\s–-]+/).filter((w) => w.length > 0);
  if (words[0] === 'Ministry' && words[1] === 'of') {
    return `Mo${words
      .slice(2)
      .filter((w) => !SMALL_WORDS.has(w.toLowerCase()))
      .map((w) => w[0])
      .join('')}`;
  }
  return words
    .filter((w) => !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => w[0]?.toUpperCase())
    .join('');
}

/** Gives `org` its acronym as alias unless the country already uses that spelling for something else. */
export function withAlias(org: SynthOrg, taken: Set<string>, rng: Random): SynthOrg {
  taken.add(normalizeText(org.name));
  const alias = org.name === 'Ministry of Home Affairs' ? 'MHA' : acronym(org.name);
  if (alias.length >= 2 && rng.chance(0.85) && !taken.has(normalizeText(alias))) {
    taken.add(normalizeText(alias));
    org.alias = alias;
  }
  return org;
}

export interface CountryOrgs {
  all: SynthOrg[];
  ministries: Map<MinistryKey, SynthOrg>;
  /** Every organisation under each ministry, the ministry itself included. */
  subtree: Map<MinistryKey, SynthOrg[]>;
}

export function buildCountryOrgs(country: SynthCountry, rng: Random, taken: Set<string>): CountryOrgs {
  const all: SynthOrg[] = [];
  const ministries = new Map<MinistryKey, SynthOrg>();
  const subtree = new Map<MinistryKey, SynthOrg[]>();
  for (const m of MINISTRIES) {
    if (m.presence < 1 && !rng.chance(m.presence)) continue;
    const ministry = withAlias(
      {
        name: m.name(country),
        alias: undefined,
        kind: 'ministry',
        countries: [country.code],
        parent: undefined,
        ministry: m.key,
      },
      taken,
      rng,
    );
    const members = [ministry];
    const addUnits = (units: UnitTemplate[], parent: SynthOrg) => {
      for (const u of units) {
        if (!rng.chance(0.8)) continue;
        const org = withAlias(
          {
            name: u.name,
            alias: undefined,
            kind: u.kind,
            countries: [country.code],
            parent,
            ministry: m.key,
          },
          taken,
          rng,
        );
        members.push(org);
        if (u.units) addUnits(u.units, org);
      }
    };
    addUnits(m.units, ministry);
    ministries.set(m.key, ministry);
    subtree.set(m.key, members);
    all.push(...members);
  }
  return { all, ministries, subtree };
}

/** The organisation and every organisation above it, nearest first. */
export function withAncestors(org: SynthOrg): SynthOrg[] {
  const out: SynthOrg[] = [];
  for (let o: SynthOrg | undefined = org; o !== undefined; o = o.parent) out.push(o);
  return out;
}

/** The ministry at the top of an organisation's hierarchy. */
export function rootOf(org: SynthOrg): SynthOrg {
  let o = org;
  while (o.parent !== undefined) o = o.parent;
  return o;
}
