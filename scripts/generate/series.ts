// Recurring dialogues between pairs of countries and their editions: numbered, dated at a steady rhythm, hosted in
// turn. Busy countries (early in COUNTRIES) take part in more series, so they become hubs as in reality.
import { COUNTRIES, type SynthCountry } from './countries';
import type { MinistryKey } from './organizations';
import { month, type Month } from './people';
import { WeightedPicker, type Random } from './random';

export interface SeriesType {
  name: string;
  ministry: MinistryKey;
  /** Co-chaired by the heads of the two sides, rather than led by heads of delegation. */
  coChaired: boolean;
  /** Topic of the joint working group some series set up. */
  workingGroup: string;
}

export const SERIES_TYPES: readonly SeriesType[] = [
  {
    name: 'Home Affairs Dialogue',
    ministry: 'interior',
    coChaired: true,
    workingGroup: 'Police Cooperation',
  },
  {
    name: 'Counter-Terrorism Dialogue',
    ministry: 'foreign',
    coChaired: true,
    workingGroup: 'Counter-Terrorism',
  },
  { name: 'Cyber Dialogue', ministry: 'digital', coChaired: true, workingGroup: 'Cyber Security' },
  { name: 'Justice Dialogue', ministry: 'justice', coChaired: false, workingGroup: 'Legal Assistance' },
  { name: 'Security Dialogue', ministry: 'defence', coChaired: true, workingGroup: 'Maritime Security' },
  { name: 'Customs Committee', ministry: 'finance', coChaired: false, workingGroup: 'Customs Enforcement' },
  { name: 'Consular Dialogue', ministry: 'foreign', coChaired: false, workingGroup: 'Consular Matters' },
  { name: 'Border Talks', ministry: 'interior', coChaired: false, workingGroup: 'Border Management' },
  { name: 'Narcotics Dialogue', ministry: 'interior', coChaired: false, workingGroup: 'Counter-Narcotics' },
];

export interface SynthSeries {
  name: string;
  type: SeriesType;
  a: SynthCountry;
  b: SynthCountry;
  /** Vocabulary theme ids this series keeps coming back to. */
  coreThemes: string[];
  hasWorkingGroup: boolean;
}

export interface DialoguePlan {
  series: SynthSeries;
  edition: number;
  start: Month;
  day: number;
  days: number;
  host: SynthCountry;
}

const ORDINAL_SUFFIX = ['th', 'st', 'nd', 'rd'];

/** 1 → "1st", 12 → "12th", 22 → "22nd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (ORDINAL_SUFFIX[n % 10] ?? 'th')}`;
}

export const dialogueName = (d: DialoguePlan) => `${ordinal(d.edition)} ${d.series.name}`;

/** The latest month an edition may fall in; the synthetic record ends in mid-2026. */
const LAST: Month = month(2026, 6);
const FIRST: Month = month(1992, 1);

/**
 * About `count` dialogues in series: ~count^0.3 editions per series on average (6 for 300 dialogues, 23 for
 * 35,000), so larger worlds have longer series as well as more of them. Sorted by date.
 */
export function planDialogues(count: number, themeIds: WeightedPicker<string>, rng: Random): DialoguePlan[] {
  const perSeries = Math.min(24, Math.max(6, Math.round(count ** 0.3)));
  const seriesCount = Math.max(1, Math.ceil(count / perSeries));
  const countryPicker = WeightedPicker.zipf(COUNTRIES, 0.6);
  const seen = new Set<string>();
  const series: SynthSeries[] = [];
  while (series.length < seriesCount) {
    const a = countryPicker.pick(rng);
    const b = countryPicker.pick(rng);
    const type = rng.pick(SERIES_TYPES);
    const key = [a.code, b.code].sort().join('-') + type.name;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    series.push({
      name: `${a.name}–${b.name} ${type.name}`,
      type,
      a,
      b,
      coreThemes: themeIds.pickDistinct(rng, 6),
      hasWorkingGroup: rng.chance(0.25),
    });
  }
  const weights = series.map(() => 0.3 + rng.next() * 1.4);
  const sum = weights.reduce((x, y) => x + y, 0);
  const plans: DialoguePlan[] = [];
  series.forEach((s, i) => {
    const editions = Math.max(1, Math.round((count * (weights[i] ?? 1)) / sum));
    const period = Math.max(
      3,
      Math.min(rng.pick([6, 12, 12, 12, 18, 24]), Math.floor((LAST - FIRST) / editions)),
    );
    const first = LAST - rng.int(0, period) - (editions - 1) * period;
    for (let e = 1; e <= editions; e++) {
      plans.push({
        series: s,
        edition: e,
        start: first + (e - 1) * period + rng.int(-1, 1),
        day: rng.int(1, 26),
        days: rng.pick([1, 1, 2, 2, 3]),
        host: e % 2 === 1 ? s.a : s.b,
      });
    }
  });
  return plans.sort(
    (x, y) => x.start - y.start || x.day - y.day || (dialogueName(x) < dialogueName(y) ? -1 : 1),
  );
}
