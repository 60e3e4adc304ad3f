// The parts of a person's mention: a run of two to four name words, with a post title stated in front of it ("Home
// Secretary Ajay Bhalla") or after it (", Second Permanent Secretary at the Home Office"), honorifics and ranks
// dropped, the organisation and country the text gives, and the role from cues in the sentence.
import { normalizeText } from '../normalize';
import { countryCode, HONORIFICS, NOT_NAME, ORG_HEADS, ORG_LEADS, TITLE_HEADS } from './lexicon';
import { rankOf } from './lowerTitles';
import type { FoundOrg } from './orgs';
import type { ReadText, Sentence, Span, Term } from './text';

export type Role = 'co_chair' | 'head_of_delegation' | 'delegate' | 'participant';

export interface Cited<T> {
  value: T;
  span: Span;
  confidence: number;
}

export interface FoundPerson {
  name: Cited<string>;
  title?: Cited<string> | undefined;
  role?: Cited<Role> | undefined;
  country?: Cited<string> | undefined;
  organization?: Cited<string> | undefined;
}

/** Role cues, strongest first; each applies to the people named in its sentence. */
export const ROLE_CUES: [RegExp, Role, number][] = [
  [/\bco-?chair(?:ed|s|ing| men|persons)?\b/i, 'co_chair', 0.9],
  [
    /\b(?:led|headed|leading|heading)\b|\bheads? of (?:the |their |its )?delegation/i,
    'head_of_delegation',
    0.85,
  ],
  [
    /\bdelegation (?:also )?(?:included|includes|comprised|comprising|consisted of)|\bmembers of the delegation|\baccompanied by|\bdelegates?\b|\b(?:was|were) (?:also )?represented by\b/i,
    'delegate',
    0.8,
  ],
  [
    /\b(?:also )?(?:attended|attending|participated|took part|joined|were present|was present)\b/i,
    'participant',
    0.6,
  ],
];

/** Capitalised words that are not names in these texts: posts, bodies, places, months. */
const NOT_NAME_EXTRA = new Set(
  'senior acting additional joint special principal deputy assistant first second third national federal home homeland security affairs dialogue talks summit meeting border management government cyber police group working ministry department office international cooperation crime public general state interior justice defence defense foreign finance health transport immigration customs navy army coast maritime operations policy republic kingdom'.split(
    ' ',
  ),
);

const word = (t: Term | undefined) =>
  (t?.text ?? '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/\.$/, '');
export const isHonorific = (t: Term) => HONORIFICS.has(word(t));
const isTitleWord = (t: Term) =>
  word(t)
    .split('-')
    .some((w) => TITLE_HEADS.has(w));

function isNameWord(t: Term): boolean {
  const w = word(t);
  if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(t.text) || /^[A-Z.]{2,}$/.test(t.text)) return false;
  if (NOT_NAME.has(w) || NOT_NAME_EXTRA.has(w) || TITLE_HEADS.has(w) || HONORIFICS.has(w)) return false;
  return ORG_HEADS[w] === undefined && !ORG_LEADS.has(w) && countryCode(t.text) === undefined;
}

interface NameInRun {
  name: Term[];
  prefix: Term[];
  suffixStart: number;
}

/** Groups of 2–4 name words that end the run or stand before "of": candidates for a person's name. */
export function namesInRun(run: Term[]): NameInRun[] {
  const out: NameInRun[] = [];
  let i = 0;
  while (i < run.length) {
    const t = run[i];
    if (t === undefined || !isNameWord(t)) {
      i++;
      continue;
    }
    let j = i;
    // "Han Seo-yeon": the tokeniser splits a hyphenated given name, and its second part is lower case.
    const hyphened = (k: number) => k > i && run[k - 1]?.post === '-' && /^\p{Ll}/u.test(run[k]?.text ?? '');
    while (
      j < run.length &&
      run[j] !== undefined &&
      (isNameWord(run[j] as Term) || hyphened(j)) &&
      !/,/.test(run[j - 1]?.post ?? '')
    )
      j++;
    const endsRun = j === run.length || word(run[j]) === 'of';
    if (j - i >= 2 && j - i <= 4 && endsRun)
      out.push({ name: run.slice(i, j), prefix: run.slice(0, i), suffixStart: j });
    i = j;
  }
  return out;
}

/** The title stated before the name: the prefix without articles, countries and honorifics, ending in a post word. */
export function prefixTitle(
  doc: ReadText,
  prefix: Term[],
): { title?: Span; country?: Span; org?: Span; rank?: Span } {
  let from = 0;
  let country: Span | undefined;
  let org: Span | undefined;
  while (from < prefix.length) {
    const t = prefix[from] as Term;
    const here = { start: t.start, end: t.end, text: t.text };
    if (countryCode(t.text) !== undefined) country = here;
    else if (/^[A-Z]{2,8}$/.test(t.text)) org = here;
    else if (word(t) !== 'the') break;
    from++;
  }
  let to = prefix.length;
  while (to > from && isHonorific(prefix[to - 1] as Term)) to--;
  const words = prefix.slice(from, to);
  const last = words[words.length - 1];
  if (words.length === 0 || last === undefined || !words.some(isTitleWord)) return { country, org };
  if (isHonorific(words[0] as Term)) return { country, org, rank: rankOf(doc, prefix.slice(from)) };
  const start = (words[0] as Term).start;
  return { title: { start, end: last.end, text: doc.text.slice(start, last.end) }, country, org };
}

/** Splits "Bakamla's Director of Operations", "Head of Partnerships at the X" or "Director of Training of the
 *  X" into the post and the organisation, when X is an organisation the text names; the post keeps "of …"
 *  when the organisation follows "at" ("Director-General of the Cyber Affairs Bureau at the NPA"). */
function splitTitle(seg: Span, orgs: FoundOrg[]): { title: Span; org?: Span | undefined } {
  const owner = /^([\p{L}.&-]+)['’]s\s+/u.exec(seg.text);
  if (
    owner?.[1] !== undefined &&
    orgs.some((o) => o.name === owner[1] || o.aliases.includes(owner[1] ?? ''))
  ) {
    const cut = owner[0].length;
    return {
      title: { start: seg.start + cut, end: seg.end, text: seg.text.slice(cut) },
      org: orgAt(orgs, seg.start),
    };
  }
  const cutAt = (m: RegExpExecArray | null | undefined) => {
    if (!m) return undefined;
    const org = orgAt(orgs, seg.start + m.index + m[0].length);
    return org
      ? { title: { start: seg.start, end: seg.start + m.index, text: seg.text.slice(0, m.index) }, org }
      : undefined;
  };
  const at = /\s+at (?:the )?/.exec(seg.text);
  const atOrg = cutAt(at);
  if (atOrg) return atOrg;
  // "Minister Counsellor at the Embassy of …": the post ends at "at" even where the body is not recognised.
  if (at)
    return { title: { start: seg.start, end: seg.start + at.index, text: seg.text.slice(0, at.index) } };
  const ofs = [...seg.text.matchAll(/\s+of (?:the )?/g)].reverse();
  for (const m of ofs) {
    const hit = cutAt(m);
    if (hit) return hit;
  }
  // "Assistant Minister of Foreign Affairs of the Arab Republic of Egypt": the country is the person's, not
  // part of the post.
  const country = [...ofs]
    .reverse()
    .find((m) => countryCode(seg.text.slice(m.index + m[0].length)) !== undefined);
  if (country !== undefined)
    return {
      title: { start: seg.start, end: seg.start + country.index, text: seg.text.slice(0, country.index) },
    };
  return { title: seg };
}

/** One comma-separated part of a title: up to a comma or full stop, with one bracketed qualifier such as
 *  "(Operations)" (but not an acronym such as "(NPA)", which names an organisation). */
const SEGMENT = /^[^,;.()“”"]+(?:\((?![A-Z]{2,8}\))[^()]*\)[^,;.()“”"]*)?/;

/** The title and organisation stated after the name: ", Title[, Unit], Org" or ", Title at/of the Org". */
export function suffixTitle(
  doc: ReadText,
  from: number,
  limit: number,
  orgs: FoundOrg[],
): { title?: Span; org?: Span } {
  const rest = doc.text.slice(from, limit);
  const ofOrg = /^\s+of (?:the )?/.exec(rest);
  if (ofOrg) {
    const org = orgAt(orgs, from + ofOrg[0].length);
    return org ? { org } : {};
  }
  // ", the Ministry's National Director of …": the post follows a possessive naming the body again.
  const lead = /^,\s*(?:the\s+\p{Lu}\p{L}*['’]s\s+)?(?=\p{Lu})/u.exec(rest);
  if (lead === null) return {};
  const parts: Span[] = [];
  let at = from + lead[0].length;
  for (;;) {
    const org = orgAt(orgs, at);
    if (org && parts.length > 0) return { title: joinSpans(doc, parts), org };
    const seg = (SEGMENT.exec(doc.text.slice(at, limit))?.[0] ?? '').trimEnd();
    if (!/^\p{Lu}/u.test(seg) || /^(?:and|who|which)\b/i.test(seg)) break;
    const split = splitTitle({ start: at, end: at + seg.length, text: seg }, orgs);
    const next = /^\s*,\s*(?!and\b)(?=\p{Lu})/u.exec(doc.text.slice(at + seg.length, limit));
    // "Deputy Director General of the Police General Department, Ministry of Public Security": the body
    // after the comma is the person's; the unit before it stays in the post.
    const outer = next && split.org ? orgAt(orgs, at + seg.length + next[0].length) : undefined;
    if (outer)
      return {
        title: joinSpans(doc, [...parts, { start: at, end: at + seg.length, text: seg }]),
        org: outer,
      };
    parts.push(split.title);
    if (split.org) return { title: joinSpans(doc, parts), org: split.org };
    if (next === null) break;
    at += seg.length + next[0].length;
  }
  return { title: joinSpans(doc, parts.slice(0, 1)) };
}

/** A title given before the name and a comma: "the Secretary of State for Security, Mr Andrés …". */
export function titleBeforeComma(
  doc: ReadText,
  s: Sentence,
  nameStart: number,
  orgs: FoundOrg[],
): { title?: Span; org?: Span } {
  const before = /^(.*?),\s*(?:\p{Lu}[\p{L}.]*\s+){0,3}$/su.exec(doc.text.slice(s.start, nameStart))?.[1];
  if (before === undefined) return {};
  // The capitalised phrase (with "of", "for", "the", "and" and possessives inside) that ends right there.
  // "The Ambassador of the Kingdom of Morocco to France, H.E. …": "to" may join a post; a leading "The" is not in it.
  const m = /(?:\bThe\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+(?:of|for|and|the|on|to|\p{Lu}[\p{L}'’-]*))*)$/u.exec(
    before,
  );
  const text = m?.[1];
  if (
    m === null ||
    text === undefined ||
    !normalizeText(text)
      .split(' ')
      .some((w) => TITLE_HEADS.has(w))
  )
    return {};
  const start = s.start + m.index + m[0].length - text.length;
  return splitTitle({ start, end: start + text.length, text }, orgs);
}

function joinSpans(doc: ReadText, parts: Span[]): Span | undefined {
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const text = doc.text.slice(first.start, last.end);
  const words = normalizeText(first.text).split(' ');
  return words.some((w) => TITLE_HEADS.has(w)) ? { start: first.start, end: last.end, text } : undefined;
}

/** The organisation mentioned at an offset (after an optional country word), if one is. */
export function orgAt(orgs: FoundOrg[], at: number): Span | undefined {
  for (const o of orgs) {
    for (const m of o.mentions) if (m.start >= at && m.start <= at + 12) return { ...m, text: o.name };
  }
  return undefined;
}

export function roleIn(s: Sentence): Cited<Role> | undefined {
  for (const [re, role, confidence] of ROLE_CUES) {
    const m = re.exec(s.text);
    if (m)
      return {
        value: role,
        confidence,
        span: { start: s.start + m.index, end: s.start + m.index + m[0].length, text: m[0] },
      };
  }
  return undefined;
}

/** "India's delegation", "The UK side": the countries whose sides a sentence names, in order. */
export function sideCountries(s: Sentence): Cited<string>[] {
  const out: Cited<string>[] = [];
  for (const m of s.text.matchAll(
    /([\p{Lu}][\p{L}.]*(?:\s[\p{Lu}][\p{L}.]*)?)(?:['’]s)?\s+(?:delegation|side|team)\b/gu,
  )) {
    const words = m[1] ?? '';
    const code = countryCode(words) ?? countryCode(words.split(/\s+/).pop() ?? '');
    const start = s.start + m.index;
    if (code !== undefined)
      out.push({ value: code, confidence: 0.8, span: { start, end: start + m[0].length, text: m[0] } });
  }
  return out;
}
