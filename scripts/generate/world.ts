// The synthetic world behind the readouts: every country's institutions and staff, and each dialogue as it really
// happened (who came, in which post, what was discussed and signed). Readouts are then partial views of it.
import type { AgreementKind, Role } from '../../graph/model';
import { COUNTRIES, type SynthCountry } from './countries';
import { normalizeText } from '../../graph/normalize';
import {
  buildCountryOrgs,
  rootOf,
  withAncestors,
  type CountryOrgs,
  type MinistryKey,
  type SynthOrg,
} from './organizations';
import { bySeniority, PeopleFactory, postAt, Staff, type Month, type Post, type SynthPerson } from './people';
import type { Random } from './random';
import { dialogueName, ordinal, type DialoguePlan, type SeriesType, type SynthSeries } from './series';
import type { ThemeVocabulary } from './themes';

export interface Delegate {
  person: SynthPerson;
  post: Post;
  role: Role;
  onBehalfOf: SynthOrg;
}

export interface Delegation {
  country: SynthCountry;
  ministry: SynthOrg;
  /** Every body under the delegation's ministry: the bodies that may sign for its side. */
  bodies: SynthOrg[];
  members: Delegate[];
}

export interface SynthAgreement {
  name: string;
  kind: AgreementKind;
  signed: string;
  parties: SynthOrg[];
  themes: string[];
  summary: string;
}

export interface SynthDialogue {
  plan: DialoguePlan;
  name: string;
  ordinal: string;
  start: string;
  end: string | undefined;
  themes: string[];
  delegations: [Delegation, Delegation];
  workingGroup: SynthOrg | undefined;
  agreements: SynthAgreement[];
}

const AGREEMENT_KINDS: [AgreementKind, string, number][] = [
  ['mou', 'Memorandum of Understanding', 0.5],
  ['moc', 'Memorandum of Cooperation', 0.2],
  ['joint_statement', 'Joint Declaration', 0.15],
  ['treaty', 'Agreement', 0.05],
  ['other', 'Action Plan', 0.1],
];

/** yyyy-mm-dd of `day` (1-based) in month `t`, plus `plus` days. */
export function isoDay(t: Month, day: number, plus = 0): string {
  const d = new Date(Date.UTC(Math.floor(t / 12), t % 12, day + plus));
  return d.toISOString().slice(0, 10);
}

/** Attendances a person makes per year, on average: sizes each ministry's pool of officials to its workload. */
const ATTENDANCES_PER_YEAR = 1.5;
const PER_SIDE = 3;

export class World {
  private readonly orgs = new Map<string, CountryOrgs>();
  private readonly staff = new Map<string, Staff>();
  private readonly pool = new Map<string, number>();
  private readonly workingGroups = new Map<SynthSeries, SynthOrg>();
  private readonly people: PeopleFactory;
  private agreementSerial = 0;
  private dialogues = 0;
  peopleCreated = 0;

  constructor(
    private readonly rng: Random,
    private readonly themes: ThemeVocabulary,
    plans: readonly DialoguePlan[],
  ) {
    const orgRng = rng.fork('organizations');
    for (const c of COUNTRIES) {
      this.orgs.set(c.code, buildCountryOrgs(c, orgRng, new Set()));
      this.staff.set(c.code, new Staff());
    }
    this.people = new PeopleFactory(rng.fork('people'));
    this.sizePools(plans);
  }

  get organizations(): number {
    return [...this.orgs.values()].reduce((n, o) => n + o.all.length, 0) + this.workingGroups.size;
  }

  /** The ministry that fields a country's delegation: the series' own, or home affairs where it has none. */
  private ministryOf(c: SynthCountry, type: SeriesType): MinistryKey {
    return this.orgs.get(c.code)?.ministries.has(type.ministry) ? type.ministry : 'interior';
  }

  /** How many officials each ministry keeps active, from how many delegations it sends per year. */
  private sizePools(plans: readonly DialoguePlan[]): void {
    const seen = new Map<string, { count: number; first: Month; last: Month }>();
    for (const p of plans) {
      for (const c of [p.series.a, p.series.b]) {
        const key = `${c.code}|${this.ministryOf(c, p.series.type)}`;
        const s = seen.get(key) ?? { count: 0, first: p.start, last: p.start };
        seen.set(key, {
          count: s.count + 1,
          first: Math.min(s.first, p.start),
          last: Math.max(s.last, p.start),
        });
      }
    }
    for (const [key, s] of seen) {
      const years = Math.max(1, (s.last - s.first) / 12);
      this.pool.set(key, Math.max(4, Math.ceil(((s.count / years) * PER_SIDE) / ATTENDANCES_PER_YEAR)));
    }
  }

  private delegation(c: SynthCountry, type: SeriesType, t: Month): Delegation {
    const orgs = this.orgs.get(c.code) as CountryOrgs;
    const staff = this.staff.get(c.code) as Staff;
    const key = this.ministryOf(c, type);
    const home = orgs.subtree.get(key) ?? [];
    const elsewhere = orgs.all.filter((o) => o.ministry !== key);
    const target = this.pool.get(`${c.code}|${key}`) ?? 4;
    const active = staff.active(key, t);
    // Hire until the ministry has its usual number of officials in post (a hire may land in another ministry).
    for (let tries = 0; active.length < target && tries < target * 4; tries++) {
      const person = this.people.create(c, home, elsewhere, t);
      staff.add(person);
      this.peopleCreated += 1;
      const post = postAt(person, t);
      if (post?.org.ministry === key) active.push({ person, post });
    }
    active.sort(bySeniority);
    const rng = this.rng;
    const top = Math.max(2, Math.ceil(active.length / 10));
    const headAt = rng.int(0, Math.min(top, active.length) - 1);
    const head = active[headAt];
    const others = rng.sample(
      active.filter((_, i) => i !== headAt),
      rng.int(1, 3),
    );
    const members: Delegate[] = [];
    const ministry = orgs.ministries.get(key) as SynthOrg;
    const add = (a: { person: SynthPerson; post: Post }, role: Role) => {
      const root = rootOf(a.post.org);
      members.push({ ...a, role, onBehalfOf: root !== a.post.org && rng.chance(0.25) ? root : a.post.org });
    };
    if (head) add(head, type.coChaired ? 'co_chair' : 'head_of_delegation');
    for (const o of others) add(o, rng.chance(0.9) ? 'delegate' : 'participant');
    return { country: c, ministry, bodies: home, members };
  }

  private workingGroup(s: SynthSeries): SynthOrg {
    let wg = this.workingGroups.get(s);
    if (wg === undefined) {
      wg = {
        name: `${s.a.name}–${s.b.name} Joint Working Group on ${s.type.workingGroup}`,
        alias: undefined,
        kind: 'working_group',
        countries: [s.a.code, s.b.code],
        parent: undefined,
        ministry: undefined,
      };
      this.workingGroups.set(s, wg);
    }
    return wg;
  }

  /**
   * A party is referred to by name alone, in readouts that list both delegations' bodies and the bodies above
   * them, so each party's name must not also name a body of the other side (or one above the other party).
   */
  private parties(sides: Delegation[]): SynthOrg[] | undefined {
    const names = (orgs: SynthOrg[]) =>
      new Set(orgs.flatMap(withAncestors).map((o) => normalizeText(o.name)));
    const listed = (s: Delegation) => [s.ministry, ...s.members.flatMap((m) => [m.post.org, m.onBehalfOf])];
    const [a, b] = sides;
    if (a === undefined || b === undefined) return undefined;
    for (let tries = 0; tries < 5; tries++) {
      const takenByB = names(listed(b));
      const freeA = a.bodies.filter((o) => !takenByB.has(normalizeText(o.name)));
      if (freeA.length === 0) return undefined;
      const pa = this.rng.pick(freeA);
      const takenByA = names([...listed(a), pa]);
      const free = b.bodies.filter((o) => !takenByA.has(normalizeText(o.name)));
      const pb = free.length > 0 ? this.rng.pick(free) : undefined;
      if (pb !== undefined && !names([pb]).has(normalizeText(pa.name))) return [pa, pb];
    }
    return undefined;
  }

  private agreement(d: DialoguePlan, parties: SynthOrg[], themes: string[], signed: string): SynthAgreement {
    const rng = this.rng;
    const r = rng.next();
    let acc = 0;
    const [kind, label] = AGREEMENT_KINDS.find(([, , w]) => (acc += w) > r) ?? ['mou', 'Memorandum', 0];
    const covered = rng.sample(themes, rng.int(1, 2));
    const topic = this.themes.names.get(covered[0] ?? '') ?? 'security cooperation';
    this.agreementSerial += 1;
    const ref = `${d.series.a.code}-${d.series.b.code}/${signed.slice(0, 4)}/${this.agreementSerial}`;
    return {
      name: `${label} ${ref} on ${topic}`,
      kind,
      signed,
      parties,
      themes: covered,
      summary: `Sets up cooperation on ${topic} between ${parties.map((p) => p.name).join(' and ')}.`,
    };
  }

  /** What happened at one planned dialogue. */
  dialogue(plan: DialoguePlan): SynthDialogue {
    const rng = this.rng;
    const { series } = plan;
    const start = isoDay(plan.start, plan.day);
    const end = plan.days > 1 ? isoDay(plan.start, plan.day, plan.days - 1) : undefined;
    const themes = new Set([
      ...rng.sample(series.coreThemes, rng.int(2, 4)),
      ...this.themes.picker.pickDistinct(rng, rng.int(2, 5)),
    ]);
    // The first dialogues take up the whole vocabulary once, so that every theme is in use at any size.
    const rare = this.themes.ids[this.dialogues];
    if (rare !== undefined) themes.add(rare);
    this.dialogues += 1;
    const delegations: [Delegation, Delegation] = [
      this.delegation(series.a, series.type, plan.start),
      this.delegation(series.b, series.type, plan.start),
    ];
    const themeList = [...themes];
    const agreements: SynthAgreement[] = [];
    const signed = end ?? start;
    // A second instrument, when there is one, binds the same two bodies (names that are unambiguous together).
    const parties = rng.chance(0.22) ? this.parties(delegations) : undefined;
    if (parties) {
      agreements.push(this.agreement(plan, parties, themeList, signed));
      if (rng.chance(0.12)) agreements.push(this.agreement(plan, parties, themeList, signed));
    }
    return {
      plan,
      name: dialogueName(plan),
      ordinal: ordinal(plan.edition),
      start,
      end,
      themes: themeList,
      delegations,
      workingGroup: series.hasWorkingGroup && rng.chance(0.6) ? this.workingGroup(series) : undefined,
      agreements,
    };
  }
}
