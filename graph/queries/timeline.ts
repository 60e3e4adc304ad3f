// Dialogues (dated by their start) and agreements (dated by their signing) in one chronology, optionally only
// where all of some countries took part and only what overlaps a period. Dates are partial (yyyy, yyyy-mm,
// yyyy-mm-dd) and compared through the period they cover.
import { isCountryCode } from '../countries';
import { lowerBound } from '../dates';
import { BadInputError } from '../errors';
import { int, type Runner } from '../executor';
import type { EntityRow, TimelineRow } from '../model';
import { entityFromRow } from './rows';

export const TIMELINE_MAX_ENTRIES = 1000;
export const TIMELINE_MAX_COUNTRIES = 20;

// Each statement is cut at the cap in date order (the dialogue one along the startDate index); the two are then
// merged, so the answer is the earliest entries overall.
const DIALOGUES = `
MATCH (n:Dialogue) WHERE n.startDate IS NOT NULL
  AND ($countries IS NULL OR all(c IN $countries WHERE c IN n.countries))
  AND ($from IS NULL OR n.endKey >= $from) AND ($to IS NULL OR n.startKey <= $to)
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY n.startDate, n.id LIMIT $limit`;

// An agreement's countries are its parties' and those of the dialogue that concluded it. Its period ends at the
// last day `signedOn` can mean, which is on or after $from exactly when signedOn >= $from cut to its precision.
const AGREEMENTS = `
MATCH (n:Agreement) WHERE n.signedKey IS NOT NULL
  AND ($to IS NULL OR n.signedKey <= $to)
  AND ($from IS NULL OR n.signedOn >= left($from, size(n.signedOn)))
  AND ($countries IS NULL OR all(c IN $countries WHERE
    EXISTS { MATCH (o:Organization)-[:PARTY_TO]->(n) WHERE c IN o.countries }
    OR EXISTS { MATCH (n)-[:CONCLUDED_AT]->(d:Dialogue) WHERE c IN d.countries }))
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY n.signedKey, n.id LIMIT $limit`;

export interface TimelineFilter {
  /** ISO codes, any case. */
  countries: readonly string[] | null;
  /** First day of the period (yyyy-mm-dd). */
  from: string | null;
  /** Last day of the period (yyyy-mm-dd). */
  to: string | null;
}

export interface TimelineResult {
  entries: TimelineRow[];
  entities: EntityRow[];
}

function dialogueLabel(date: string, name: string, city: string | null): string {
  // "2024 U.S.–India Homeland Security Dialogue" reads better without the year the date already gives.
  const year = date.slice(0, 4);
  const short = name.startsWith(`${year} `) ? name.slice(year.length + 1) : name;
  return `${date} · ${short}${city ? ` (${city})` : ''}`;
}

function toEntry(e: EntityRow): TimelineRow | null {
  if (e.__typename === 'Dialogue') {
    return {
      date: e.startDate,
      kind: 'DIALOGUE',
      id: e.id,
      label: dialogueLabel(e.startDate, e.name, e.city),
    };
  }
  if (e.__typename === 'Agreement' && e.signedOn !== null) {
    return { date: e.signedOn, kind: 'AGREEMENT', id: e.id, label: `${e.signedOn} · ${e.name}` };
  }
  return null;
}

/** Chronological: by first possible day, then coarser dates first, dialogues before what they concluded, then id. */
function compareEntries(a: TimelineRow, b: TimelineRow): number {
  const keys = (t: TimelineRow) => [
    lowerBound(t.date),
    String(t.date.length).padStart(2, '0'),
    t.kind === 'DIALOGUE' ? '0' : '1',
    t.id,
  ];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i += 1) {
    const x = ka[i] ?? '';
    const y = kb[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export async function timeline(run: Runner, filter: TimelineFilter): Promise<TimelineResult> {
  const codes =
    filter.countries === null ? [] : [...new Set(filter.countries.map((c) => c.trim().toUpperCase()))];
  if (codes.length > TIMELINE_MAX_COUNTRIES) {
    throw new BadInputError(`countries: give at most ${TIMELINE_MAX_COUNTRIES} codes`);
  }
  const unknown = codes.filter((c) => !isCountryCode(c));
  if (unknown.length > 0) {
    throw new BadInputError(
      `countries: not ISO 3166-1 alpha-2 codes: ${unknown.map((c) => JSON.stringify(c)).join(', ')}`,
    );
  }
  if (filter.from !== null && filter.to !== null && filter.from > filter.to) {
    throw new BadInputError('from, to: the period must not end before it starts');
  }
  const params = {
    countries: codes.length > 0 ? codes : null,
    from: filter.from,
    to: filter.to,
    limit: int(TIMELINE_MAX_ENTRIES),
  };
  const rows = [...(await run(DIALOGUES, params)), ...(await run(AGREEMENTS, params))];
  const entities = rows.map(entityFromRow).filter((e): e is EntityRow => e !== undefined);
  const entries = entities
    .map(toEntry)
    .filter((t): t is TimelineRow => t !== null)
    .sort(compareEntries)
    .slice(0, TIMELINE_MAX_ENTRIES);
  return { entries, entities };
}
