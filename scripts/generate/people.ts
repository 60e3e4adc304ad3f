// Officials and their careers: each holds several posts over the years (moving up a ladder of titles, now and then
// into another ministry), so the same person appears under different titles in readouts years apart.
import { normalizePersonName } from '../../graph/normalize';
import type { OrgKind } from '../../graph/model';
import type { SynthCountry } from './countries';
import { MIDDLE_INITIALS, NAME_POOLS, SHARED_NAMES } from './names';
import type { MinistryKey, SynthOrg } from './organizations';
import type { Random } from './random';

/** Months since year 0: posts and dialogues are compared on this scale. */
export type Month = number;
export const month = (year: number, m: number): Month => year * 12 + (m - 1);
export const yearOf = (t: Month): number => Math.floor(t / 12);
export const monthOf = (t: Month): number => (t % 12) + 1;
export const ym = (t: Month): string => `${yearOf(t)}-${String(monthOf(t)).padStart(2, '0')}`;

export interface Post {
  org: SynthOrg;
  /** The title as most documents state it, e.g. "Joint Secretary (Border Management)". */
  title: string;
  /** The bare rank, which some documents use instead. */
  rank: string;
  seniority: number;
  from: Month;
  /** First month no longer held. */
  to: Month;
}

export interface SynthPerson {
  name: string;
  alias: string | undefined;
  country: string;
  posts: Post[];
}

const LADDERS: Record<OrgKind, string[]> = {
  ministry: [
    'Under Secretary',
    'Deputy Secretary',
    'Director',
    'Joint Secretary',
    'Additional Secretary',
    'Secretary',
  ],
  department: ['Desk Officer', 'Section Chief', 'Deputy Head', 'Head of Department'],
  agency: [
    'Senior Officer',
    'Deputy Director',
    'Director',
    'Additional Director General',
    'Director General',
  ],
  academy: ['Senior Instructor', 'Deputy Director', 'Director'],
  working_group: ['Member', 'Co-Chair'],
  other: ['Officer', 'Head'],
};

const PORTFOLIOS = [
  'International Cooperation',
  'Internal Security',
  'Border Management',
  'Policy',
  'Counter-Terrorism',
  'Legal Affairs',
  'Cyber and Information Security',
];

/** A ladder position from 0 (entry) to 1 (top), so careers climb whatever the kind of body. */
function titleAt(
  kind: OrgKind,
  level: number,
  rng: Random,
): { title: string; rank: string; seniority: number } {
  const ladder = LADDERS[kind];
  const i = Math.min(ladder.length - 1, Math.max(0, Math.round(level * (ladder.length - 1))));
  const rank = ladder[i] ?? 'Officer';
  const title = kind === 'ministry' && rng.chance(0.5) ? `${rank} (${rng.pick(PORTFOLIOS)})` : rank;
  return { title, rank, seniority: i / Math.max(1, ladder.length - 1) };
}

export class PeopleFactory {
  /** Normalised names and aliases in use, per country: names are unique within a country, aliases too. */
  private readonly taken = new Map<string, Set<string>>();

  constructor(private readonly rng: Random) {}

  private takenIn(country: string): Set<string> {
    let s = this.taken.get(country);
    if (s === undefined) {
      s = new Set();
      this.taken.set(country, s);
    }
    return s;
  }

  private name(country: SynthCountry): string {
    const taken = this.takenIn(country.code);
    const pool = NAME_POOLS[country.region];
    const candidates = [
      ...(this.rng.chance(0.04) ? [this.rng.pick(SHARED_NAMES)] : []),
      ...Array.from({ length: 6 }, () => `${this.rng.pick(pool.first)} ${this.rng.pick(pool.last)}`),
    ];
    for (const c of candidates) if (!taken.has(normalizePersonName(c))) return c;
    for (;;) {
      const c = `${this.rng.pick(pool.first)} ${this.rng.pick(MIDDLE_INITIALS)}. ${this.rng.pick(pool.last)}`;
      if (!taken.has(normalizePersonName(c))) return c;
    }
  }

  /**
   * A person whose career covers `around`: 2–5 posts of 2–6 years, mostly in `home` (a ministry's bodies),
   * sometimes elsewhere in the country.
   */
  create(country: SynthCountry, home: SynthOrg[], elsewhere: SynthOrg[], around: Month): SynthPerson {
    const rng = this.rng;
    const taken = this.takenIn(country.code);
    const name = this.name(country);
    taken.add(normalizePersonName(name));
    const words = name.split(' ');
    const short = `${words[0]?.[0] ?? ''}. ${words[words.length - 1] ?? ''}`;
    let alias: string | undefined;
    if (rng.chance(0.3) && !taken.has(normalizePersonName(short))) {
      alias = short;
      taken.add(normalizePersonName(short));
    }
    const count = rng.int(2, 5);
    const lengths = Array.from({ length: count }, () => rng.int(24, 72));
    const total = lengths.reduce((a, b) => a + b, 0);
    let at = around - rng.int(0, total - 1);
    const startLevel = rng.next() * 0.5;
    const posts: Post[] = lengths.map((len, i) => {
      const org = rng.chance(0.8) || elsewhere.length === 0 ? rng.pick(home) : rng.pick(elsewhere);
      const level = Math.min(1, startLevel + (i / Math.max(1, count - 1)) * (0.4 + rng.next() * 0.6));
      const post = { org, ...titleAt(org.kind, level, rng), from: at, to: at + len };
      at += len;
      return post;
    });
    return { name, alias, country: country.code, posts };
  }
}

/** Ministry posts outrank those in the bodies under it; then the higher rung of the ladder. */
export function bySeniority(a: { post: Post }, b: { post: Post }): number {
  const score = (p: Post) => p.seniority + (p.org.kind === 'ministry' ? 1 : 0);
  return score(b.post) - score(a.post);
}

/** The post a person holds in month `t`, if any. */
export function postAt(p: SynthPerson, t: Month): Post | undefined {
  return p.posts.find((post) => post.from <= t && t < post.to);
}

/** People of one country grouped by the ministry of their posts, for picking delegations. */
export class Staff {
  private readonly byMinistry = new Map<MinistryKey, SynthPerson[]>();

  add(p: SynthPerson): void {
    for (const m of new Set(p.posts.map((post) => post.org.ministry))) {
      if (m === undefined) continue;
      const list = this.byMinistry.get(m) ?? [];
      list.push(p);
      this.byMinistry.set(m, list);
    }
  }

  /** People holding a post under `ministry` in month `t`, most senior first (the ministry's own staff first). */
  active(ministry: MinistryKey, t: Month): { person: SynthPerson; post: Post }[] {
    const out: { person: SynthPerson; post: Post }[] = [];
    for (const person of this.byMinistry.get(ministry) ?? []) {
      const post = postAt(person, t);
      if (post?.org.ministry === ministry) out.push({ person, post });
    }
    return out.sort(bySeniority);
  }
}
