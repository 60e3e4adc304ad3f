// The `source` and `dialogue` sections of a draft, with evidence for each value and checks for the rest.
import { countryCode } from './lexicon';
import type { Assembly } from './found';

const SUFFIX = (n: number) =>
  n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
export const ordinal = (n: number) => `${n}${SUFFIX(n) ?? 'th'}`;

/** "India-UK Home Affairs Dialogue" → "India–UK Home Affairs Dialogue": a hyphen between two countries is a dash. */
export function dashCountries(name: string): string {
  return name.replace(/([\p{L}.]+)-([\p{L}.]+)/gu, (whole, a: string, b: string) =>
    countryCode(a) !== undefined && countryCode(b) !== undefined ? `${a}–${b}` : whole,
  );
}

export const UNNAMED_PUBLISHER = 'Unnamed news outlet (not stated in the copy)';

export function layoutSource(a: Assembly, dialogueName: string): Record<string, unknown> {
  const { found, rec } = a;
  const { source, options } = found;
  const out: Record<string, unknown> = {};
  if (source.title) {
    out.title = source.title.value;
    rec.cite('source.title', out.title, source.title.span, source.title.confidence, 'headline');
  } else {
    out.title = `Report on the ${dialogueName}`;
    rec.check(
      'source.title',
      'the copy has no headline; this title was composed from the dialogue name: reword it if you like',
    );
  }
  if (options.publisher !== undefined) out.publisher = options.publisher;
  else if (source.publisher) {
    out.publisher = source.publisher.value;
    rec.cite('source.publisher', out.publisher, source.publisher.span, source.publisher.confidence);
  } else {
    out.publisher = UNNAMED_PUBLISHER;
    rec.check('source.publisher', 'no publisher found in the copy: name it if you know it');
  }
  if (options.url !== undefined) out.url = options.url;
  const dl = found.dateline;
  if (options.published !== undefined) out.published = options.published;
  else if (dl?.yearStated) {
    out.published = dl.start;
    rec.cite('source.published', dl.start, dl.span, dl.confidence, 'dateline');
  } else if (found.reference) {
    out.published = String(found.reference.date.getUTCFullYear());
    rec.check(
      'source.published',
      `no dateline: the latest year the text names (${String(out.published)}) is assumed; give --published if you know the date`,
    );
  } else rec.check('source.published', 'no date found: give the publication date (--published)');
  out.kind = source.kind.value;
  rec.cite('source.kind', source.kind.value, source.kind.span, source.kind.confidence);
  if (source.kind.span === undefined)
    rec.check('source.kind', 'no cue for the kind of document: news is assumed');
  return out;
}

function cityAndHost(a: Assembly, out: Record<string, unknown>, countries: string[]): void {
  const { dialogue } = a.found;
  const { rec } = a;
  if (dialogue.city) {
    out.city = dialogue.city.value;
    rec.cite('dialogue.city', dialogue.city.value, dialogue.city.span, dialogue.city.confidence);
    if (countries.includes(dialogue.city.country)) {
      out.host = dialogue.city.country;
      rec.cite('dialogue.host', out.host, dialogue.city.span, 0.8, 'the country of the city');
    } else
      rec.check(
        'dialogue.host',
        `the city ${dialogue.city.value} is not in one of the dialogue's countries: check where it met`,
      );
  } else rec.check('dialogue.city', 'no city found: look for "held in …" or "met in …"');
}

export function layoutDialogue(a: Assembly): Record<string, unknown> {
  const { dialogue, orgs } = a.found;
  const { rec } = a;
  const series = dashCountries(dialogue.series.value);
  const date = dialogue.date;
  const out: Record<string, unknown> = {};
  const edition = dialogue.edition?.value;
  out.name =
    edition !== undefined
      ? `${ordinal(edition)} ${series}`
      : date
        ? `${date.start.slice(0, 4)} ${series}`
        : series;
  rec.cite(
    'dialogue.name',
    out.name,
    dialogue.series.span,
    0.7,
    edition !== undefined ? 'edition and series' : 'year and series',
  );
  if (edition === undefined && date) out.aliases = [series];
  out.series = series;
  rec.cite('dialogue.series', series, dialogue.series.span, dialogue.series.confidence);
  if (dialogue.edition) {
    out.edition = dialogue.edition.value;
    rec.cite('dialogue.edition', edition, dialogue.edition.span, dialogue.edition.confidence);
  }
  if (date) {
    out.start = date.start;
    const remark = date.relative
      ? `a relative day, counted back from ${a.found.options.published ?? a.found.dateline?.start ?? 'the release date'}`
      : undefined;
    rec.cite('dialogue.start', date.start, date.span, date.confidence, remark);
    if (date.end !== undefined && date.end !== date.start) {
      out.end = date.end;
      rec.cite('dialogue.end', date.end, date.span, date.confidence);
    }
  } else rec.check('dialogue.start', 'no date of the meeting found: look for the day it was held');
  const countries = dialogue.countries.map((c) => c.value);
  if (dialogue.city && !countries.includes(dialogue.city.country) && countries.length < 2)
    countries.push(dialogue.city.country);
  cityAndHost(a, out, countries);
  out.countries = countries;
  dialogue.countries.forEach((c, i) => rec.cite(`dialogue.countries[${i}]`, c.value, c.span, c.confidence));
  if (countries.length < 2)
    rec.check('dialogue.countries', 'fewer than two countries found: add the other participating country');
  const groups = orgs.filter((o) => o.kind === 'working_group');
  if (groups.length > 0) {
    out.workingGroups = groups.map((g) => g.name);
    groups.forEach((g, i) => rec.cite(`dialogue.workingGroups[${i}]`, g.name, g.mentions[0], 0.7));
  }
  out.summary = '';
  rec.check(
    'dialogue.summary',
    'write what happened at the meeting in your own words (the loader wants no sentences copied from the release)',
  );
  return out;
}
