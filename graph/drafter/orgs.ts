// Organisations named in a release: capitalised runs ending in an organisation word ("… Police Academy",
// "Ministry of …", "… Working Group"), their country (from "India's", "US", "Indian" in front, or a country
// adjective kept in the name), their acronyms (in brackets after the name, or used alone and matching its
// initials) and part-of links the text states ("X is part of Y").
import { normalizeText } from '../normalize';
import { countryCode, GROUP_HEADS, HONORIFICS, ORG_HEADS, ORG_LEADS, TITLE_HEADS } from './lexicon';
import { bracketed, extendWithPlace, knownAs } from './orgMentions';
import { mergeSameBody } from './orgNames';
import { findPartOf } from './partOf';
import { capitalisedRuns, runText, type ReadText, type Span, type Term } from './text';

export type OrgKind = 'ministry' | 'department' | 'agency' | 'academy' | 'working_group' | 'other';

export interface FoundOrg {
  name: string;
  kind: OrgKind;
  /** One country, several (a joint body), or none known. */
  countries: string[];
  aliases: string[];
  mentions: Span[];
  countrySpan?: Span | undefined;
  /** Why the country is what it is, when the text implies rather than states it. */
  countryRemark?: string | undefined;
  partOf?: { name: string; span: Span } | undefined;
  kindConfidence: number;
}

const lower = (t: Term | undefined) => (t?.text ?? '').toLowerCase().replace(/['’]s$/, '');

/** The kind a name suggests, from its lead word ("Ministry of …") or its last word. */
function kindOf(words: string[]): { kind: OrgKind; confidence: number } | undefined {
  const text = words.join(' ');
  if (GROUP_HEADS.test(text)) return { kind: 'working_group', confidence: 0.9 };
  // The lead word may follow one qualifier: "State Department for …", "Federal Ministry of …".
  // "Directorate General for National Security": "General" may stand between the lead word and its "for".
  const joins = (i: number) =>
    ['of', 'for'].includes(words[i] ?? '') ||
    (words[i] === 'general' && ['of', 'for'].includes(words[i + 1] ?? ''));
  const at = [0, 1].find((i) => ORG_LEADS.has(words[i] ?? '') && joins(i + 1));
  const lead = at === undefined ? undefined : words[at];
  if (lead !== undefined) return { kind: ORG_HEADS[lead] ?? 'other', confidence: 0.9 };
  const head = ORG_HEADS[words[words.length - 1] ?? ''];
  // An "office" is a ministry ("Home Office", "Federal Foreign Office") unless it is a police office.
  if (head === 'ministry' && words.includes('police')) return { kind: 'agency', confidence: 0.7 };
  return head === undefined ? undefined : { kind: head, confidence: head === 'ministry' ? 0.6 : 0.8 };
}

/** Where in a run the organisation's name may start, the likeliest first: after each "of"/"for" that does not
 *  follow a lead word, from the last one back ("Director General of the National Agency for the Prohibition of
 *  Trafficking": the last cut leaves no organisation word, the one before gives the agency), then the start. */
function nameStarts(run: Term[]): number[] {
  const out: number[] = [];
  const text = (from: number) =>
    run
      .slice(from)
      .map((t) => t.text)
      .join(' ');
  for (let i = run.length - 2; i > 0; i--) {
    const w = lower(run[i]);
    // "Ministry of Justice of Argentina", "Police of the Republic of Mozambique": a country after "of" stays.
    const countryAfter = countryCode(text(lower(run[i + 1]) === 'the' ? i + 2 : i + 1)) !== undefined;
    // "Embassy of the Kingdom of the Netherlands": the "of" of a country's formal name does not start a name.
    const stateForm = countryCode(text(i - 1)) !== undefined;
    if (
      (w === 'of' || w === 'for') &&
      (!ORG_LEADS.has(lower(run[i - 1])) || unitOf(run, i)) &&
      !countryAfter &&
      !stateForm
    ) {
      out.push(lower(run[i + 1]) === 'the' ? i + 2 : i + 1);
    }
  }
  out.push(0);
  return out;
}

/** "Rescue Department of the Japan Coast Guard": a lead word after a qualifier, then "of the" and a body with an
 *  organisation word of its own, is a unit of that body (the unit belongs to a post), unlike "Department of
 *  Transportation" or "Federal Ministry of the Interior". */
function unitOf(run: Term[], i: number): boolean {
  if (i < 2 || lower(run[i]) !== 'of' || lower(run[i + 1]) !== 'the' || lower(run[i - 2]) === 'the')
    return false;
  if (countryCode(run[i - 2]?.text ?? '') !== undefined) return false;
  const rest = run.slice(i + 2).map(lower);
  return rest.length >= 2 && kindOf(rest) !== undefined;
}

/** Country codes in a joint name such as "U.S.-India", "South Africa–Mozambique" or "Japan–Australia". */
export function countriesInName(name: string): string[] {
  const codes: string[] = [];
  for (const part of name.split(/[-–—/]+/u)) {
    const words = part.trim().split(/\s+/);
    // The longest run of words at either end of the part that names a country.
    for (let n = Math.min(3, words.length); n > 0; n--) {
      const code = countryCode(words.slice(0, n).join(' ')) ?? countryCode(words.slice(-n).join(' '));
      if (code !== undefined) {
        codes.push(code);
        break;
      }
    }
  }
  return [...new Set(codes)];
}

interface RunOrg {
  start: number;
  country?: { code: string; span: Span } | undefined;
}

/** Strips "The" and a leading country ("India's", "US", "Indian" before "Ministry of …") off a name. */
function trimLead(doc: ReadText, run: Term[], from: number): RunOrg {
  let start = from;
  if (lower(run[start]) === 'the') start++;
  const first = run[start];
  // A country of one word or two ("Sri Lanka's Ministry of Defence").
  const second = run[start + 1];
  const pair = second && first ? countryCode(`${first.text} ${second.text}`) : undefined;
  const n = pair !== undefined ? 2 : 1;
  const code = pair ?? (first === undefined ? undefined : countryCode(first.text));
  const last = run[start + n - 1];
  if (first === undefined || last === undefined || code === undefined || start + n >= run.length)
    return { start };
  const where = {
    code,
    span: { start: first.start, end: last.end, text: runText(doc, run.slice(start, start + n)) },
  };
  const possessive = /['’]s$/.test(last.text);
  const short = n === 1 && /^[A-Z.]{2,5}$/.test(first.text);
  const rest = run.slice(start + n).map(lower);
  const ledName = ORG_LEADS.has(rest[0] ?? '') && (rest[1] === 'of' || rest.length === 1);
  const joint = countriesInName(runText(doc, run.slice(start))).length > 1;
  if (joint || !(possessive || short || ledName)) return { start, country: where };
  return { start: start + n, country: where };
}

/** "police of the republic of mozambique" → "police": the words before a closing "of <country>". */
function withoutCountryTail(words: string[]): string[] {
  for (let i = 1; i < words.length - 1; i++) {
    if (words[i] !== 'of') continue;
    const rest = words.slice(words[i + 1] === 'the' ? i + 2 : i + 1).join(' ');
    if (countryCode(rest.charAt(0).toUpperCase() + rest.slice(1)) !== undefined) return words.slice(0, i);
  }
  return words;
}

/** The one country an adjective inside a name gives ("Royal Canadian Mounted Police", "Royal Thai Police"). */
function countryWithin(words: string[]): string[] {
  const codes = new Set<string>();
  for (const w of words) {
    const code = countryCode(w.charAt(0).toUpperCase() + w.slice(1));
    if (code !== undefined) codes.add(code);
  }
  return codes.size === 1 ? [...codes] : [];
}

/** The organisation a capitalised run names, if it names one (titles such as "Director-General of the … Bureau"
 *  followed by "at" are part of a post, not an organisation). */
function orgInRun(doc: ReadText, run: Term[], after: string): FoundOrg | undefined {
  for (const from of nameStarts(run)) {
    const org = orgFrom(doc, run, after, from);
    if (org !== null) return org;
  }
  return undefined;
}

/** The organisation named from `from` to the end of the run; null when no organisation word is there. */
function orgFrom(doc: ReadText, run: Term[], after: string, from: number): FoundOrg | undefined | null {
  const before = run.slice(0, from).map(lower);
  const titleUnit = before.some((w) => TITLE_HEADS.has(w.replace(/-.*/, ''))) && /^\s*at\s/.test(after);
  if (titleUnit) return undefined;
  const { start, country } = trimLead(doc, run, from);
  const terms = run.slice(start);
  const words = terms.map(lower);
  const kind = kindOf(withoutCountryTail(words));
  if (kind === undefined) return null;
  if (terms.length < 2) return undefined;
  const first = terms[0];
  const last = terms[terms.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const name = doc.text.slice(first.start, last.end);
  const inName = countriesInName(name);
  const countries =
    kind.kind === 'working_group' && inName.length > 1
      ? inName
      : country
        ? [country.code]
        : inName.length > 0
          ? inName.slice(0, 1)
          : countryWithin(words);
  // The name with its leading country word ("Indian Coast Guard" for "Coast Guard"), when that word was cut.
  const cut = country !== undefined && run[start - 1]?.end === country.span.end;
  const aliases = cut ? [doc.text.slice(country.span.start, last.end)] : [];
  return {
    name,
    kind: kind.kind,
    kindConfidence: kind.confidence,
    countries,
    aliases: aliases.filter((a) => normalizeText(a) !== normalizeText(name) && !/['’]s\s/.test(a)),
    mentions: [{ start: first.start, end: last.end, text: name }],
    countrySpan: country?.span,
  };
}

export const initials = (name: string) =>
  name
    .split(/[\s\-–—]+/u)
    .filter((w) => !['of', 'the', 'and', 'for', 'on', '&'].includes(w.toLowerCase()) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');

const GROUP_END = new Set(['group', 'force', 'committee', 'subgroup', 'sub-group']);

/** "Ministry of Justice and Public Security" is one name; "Kristie Canegallo and Indian Home Secretary" is not:
 *  "and" stays inside a run only after a lead word with "of"/"for" ("Ministry of …"). */
function splitAtAnd(run: Term[]): Term[][] {
  const out: Term[][] = [];
  let part: Term[] = [];
  let led = false;
  run.forEach((t, i) => {
    if (ORG_LEADS.has(lower(t)) && ['of', 'for'].includes(lower(run[i + 1]))) led = true;
    // "Working Group on Synthetic Drugs and Precursors": a joint body's subject may hold an "and".
    if (GROUP_END.has(lower(t)) && ['on', 'for'].includes(lower(run[i + 1]))) led = true;
    // "… Ministry of Migration and Ambassador Tarek …": a post or honorific after "and" starts a person, not
    // more of the name.
    const next = lower(run[i + 1]);
    const person = TITLE_HEADS.has(next) || HONORIFICS.has(next.replace(/\.$/, ''));
    if (lower(t) === 'and' && (!led || person)) {
      led = false;
      if (part.length > 0) out.push(part);
      part = [];
    } else part.push(t);
  });
  if (part.length > 0) out.push(part);
  return out;
}

export function findOrganizations(doc: ReadText): FoundOrg[] {
  const found = new Map<string, FoundOrg>();
  for (const s of doc.sentences) {
    for (const run of capitalisedRuns(s, true).flatMap(splitAtAnd)) {
      const end = run[run.length - 1]?.end ?? 0;
      const org = orgInRun(doc, run, doc.text.slice(end, end + 5));
      if (org === undefined) continue;
      extendWithPlace(doc, org);
      org.aliases.push(...bracketed(doc, org.mentions[0]?.end ?? end));
      knownAs(doc, org);
      // "Sri Lanka's Ministry of Defence" is not the "Ministry of Defence" named without a country.
      const key = `${normalizeText(org.name)}|${org.countrySpan ? org.countries.join('-') : ''}`;
      const seen = found.get(key);
      if (seen === undefined) found.set(key, org);
      else mergeInto(seen, org);
    }
  }
  linkAcronyms(doc, [...found.values()]);
  const orgs = mergeSameBody([...found.values()]);
  findPartOf(doc, orgs);
  return orgs;
}

function mergeInto(a: FoundOrg, b: FoundOrg): void {
  a.mentions.push(...b.mentions);
  for (const al of b.aliases) if (!a.aliases.includes(al)) a.aliases.push(al);
  if (a.countries.length === 0 && b.countries.length > 0) {
    a.countries = b.countries;
    a.countrySpan = b.countrySpan;
  }
}

/** Upper-case words used alone: the alias of the organisation whose initials they are, if one is named. */
function linkAcronyms(doc: ReadText, orgs: FoundOrg[]): void {
  for (const s of doc.sentences) {
    for (const t of s.terms) {
      const word = t.text.replace(/['’]s$/, '');
      const named = orgs.find((o) => o.aliases.includes(word));
      if (named === undefined && (!/^[A-Z]{2,8}$/.test(word) || countryCode(word) !== undefined)) continue;
      const org = named ?? orgs.find((o) => initials(o.name) === word);
      if (org === undefined) continue;
      if (!org.aliases.includes(word)) org.aliases.push(word);
      org.mentions.push({ start: t.start, end: t.start + word.length, text: word });
    }
  }
}

/** Upper-case words no organisation found in the text answers to ("MHA"): the graph may know them. */
export function loneAcronyms(doc: ReadText, orgs: FoundOrg[]): Span[] {
  const out: Span[] = [];
  for (const s of doc.sentences) {
    for (const t of s.terms) {
      const word = t.text.replace(/['’]s$/, '');
      if (!/^[A-Z]{2,8}$/.test(word) || countryCode(word) !== undefined) continue;
      if (orgs.some((o) => o.aliases.includes(word)) || out.some((o) => o.text === word)) continue;
      out.push({ start: t.start, end: t.start + word.length, text: word });
    }
  }
  return out;
}
