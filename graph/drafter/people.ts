// People named in a release: each candidate name (personParts.ts) qualifies when the text marks it as a person (a
// title beside it, an honorific before it, or compromise's person tags); mentions of one person are merged, keeping
// the fullest title stated, the strongest role cue, and the first organisation and country given.
import { normalizePersonName } from '../normalize';
import type { Role } from './personParts';
import { countryCode } from './lexicon';
import { lowerCaseTitle } from './lowerTitles';
import type { FoundOrg } from './orgs';
import {
  isHonorific,
  namesInRun,
  prefixTitle,
  ROLE_CUES,
  roleIn,
  sideCountries,
  suffixTitle,
  titleBeforeComma,
  type Cited,
  type FoundPerson,
} from './personParts';
import { capitalisedRuns, type ReadText, type Sentence, type Span } from './text';

export type { Cited, FoundPerson, Role } from './personParts';

const roleRank = (r: Cited<string> | undefined) =>
  r === undefined ? 99 : ROLE_CUES.findIndex(([, role]) => role === r.value);

/** The organisation a short name (an acronym) stands for, among those found. */
function orgNamed(orgs: FoundOrg[], text: string): string | undefined {
  return orgs.find((o) => o.name === text || o.aliases.includes(text))?.name;
}

const cite = <T>(value: T, span: Span, confidence: number): Cited<T> => ({ value, span, confidence });

type Candidate = FoundPerson & { qualified: boolean };

function personInSentence(
  doc: ReadText,
  s: Sentence,
  orgs: FoundOrg[],
  inherited?: Cited<Role>,
): Candidate[] {
  const sides = sideCountries(s);
  const stated = roleIn(s) ?? inherited;
  // Joining or attending for a side the sentence names ("On the Kenyan side, Mr … joined") is being a delegate.
  const role: Cited<Role> | undefined =
    stated?.value === 'participant' && sides.length > 0 ? { ...stated, value: 'delegate' } : stated;
  const out: Candidate[] = [];
  for (const run of capitalisedRuns(s)) {
    for (const cand of namesInRun(run)) {
      const first = cand.name[0];
      const last = cand.name[cand.name.length - 1];
      if (first === undefined || last === undefined) continue;
      if (orgs.some((o) => o.mentions.some((m) => m.start <= first.start && m.end >= last.end))) continue;
      const pre = prefixTitle(doc, cand.prefix);
      const suf = suffixTitle(doc, last.end, s.end, orgs);
      const lead =
        pre.title || suf.title ? {} : titleBeforeComma(doc, s, (cand.prefix[0] ?? first).start, orgs);
      const plain =
        pre.title || suf.title || lead.title
          ? undefined
          : lowerCaseTitle(doc, s, (cand.prefix[0] ?? first).start, last.end);
      const honorific = cand.prefix.length > 0 && isHonorific(cand.prefix[cand.prefix.length - 1] ?? first);
      // A name right after "by" or "and" in a sentence with a role cue ("headed by Kristie Canegallo").
      const tagged = /\b(?:by|and)\s+$/.test(doc.text.slice(Math.max(0, first.start - 6), first.start));
      const qualified = Boolean(
        pre.title ||
        suf.title ||
        lead.title ||
        plain ||
        pre.rank ||
        honorific ||
        (tagged && role !== undefined),
      );
      const nameSpan: Span = {
        start: first.start,
        end: last.end,
        text: doc.text.slice(first.start, last.end),
      };
      const titles = [pre.title, suf.title, lead.title, plain].filter((t): t is Span => t !== undefined);
      // The post stated after the name is the post; a word before it is then a rank ("Superintendent Oh
      // Jae-min, Police Attaché at …"). Otherwise the fullest title stated.
      const title = suf.title ?? titles.sort((a, b) => b.text.length - a.text.length)[0] ?? pre.rank;
      const orgSpan = suf.org ?? pre.org ?? lead.org;
      const orgName = orgSpan === undefined ? undefined : orgNamed(orgs, orgSpan.text);
      const side = sides.filter((c) => c.span.start < first.start).pop();
      const countryWord = pre.country;
      out.push({
        qualified,
        name: cite(nameSpan.text, nameSpan, tagged || honorific ? 0.9 : 0.75),
        title: title && cite(title.text, title, 0.85),
        role: role && { ...role },
        country: countryWord
          ? cite(countryCodeOf(countryWord.text), countryWord, 0.85)
          : (side ?? envoyOf(title) ?? countryAfterPost(doc, title)),
        organization:
          orgSpan && orgName ? cite(orgName, orgSpan, 0.8) : onBehalfOf(doc, last.end, s.end, orgs),
      });
    }
  }
  return out.filter((p) => p.country === undefined || p.country.value !== '');
}

const countryCodeOf = (w: string) => countryCode(w) ?? '';

/** "…, Assistant Minister of Foreign Affairs of the Arab Republic of Egypt": the country the post is held for,
 *  named right after it (the post itself leaves the country out). */
function countryAfterPost(doc: ReadText, title: Span | undefined): Cited<string> | undefined {
  if (title === undefined) return undefined;
  const m = /^\s+of\s+(?:the\s+)?((?:\p{Lu}[\p{L}]*\s*(?:of\s+(?:the\s+)?)?){1,5})/u.exec(
    doc.text.slice(title.end, title.end + 80),
  );
  const words = (m?.[1] ?? '').trim().split(/\s+/);
  for (let n = words.length; n > 0 && m !== null; n--) {
    const phrase = words.slice(0, n).join(' ');
    const code = countryCode(phrase);
    if (code === undefined) continue;
    const start = doc.text.indexOf(phrase, title.end);
    return cite(code, { start, end: start + phrase.length, text: phrase }, 0.7);
  }
  return undefined;
}

/** An envoy's country from the post: "Ambassador of the Kingdom of Morocco to France" is Moroccan. */
function envoyOf(title: Span | undefined): Cited<string> | undefined {
  const m =
    /\b(?:Ambassador|High Commissioner|Consul(?:[- ]General)?|Charg[ée] d['’]Affaires) of (?:the )?(.+?) (?:to|in)\b/u.exec(
      title?.text ?? '',
    );
  const code = m?.[1] === undefined ? undefined : countryCode(m[1]);
  return title && code ? cite(code, title, 0.8) : undefined;
}

/** "… also attended on behalf of the Federal Foreign Office": the body a person came for. */
function onBehalfOf(doc: ReadText, from: number, to: number, orgs: FoundOrg[]): Cited<string> | undefined {
  const m = /\bon behalf of (?:the )?/.exec(doc.text.slice(from, to));
  if (m === null) return undefined;
  const at = from + m.index + m[0].length;
  const org = orgs.find((o) => o.mentions.some((x) => x.start === at));
  return (
    org &&
    cite(
      org.name,
      { start: at, end: at + org.name.length, text: doc.text.slice(at, at + org.name.length) },
      0.7,
    )
  );
}

/**
 * A role cue a sentence takes from before it: a sentence cut short after an abbreviation ("co-chaired by
 * insp."), or a list item under a line that introduces it ("The delegation included:").
 */
function inheritedRole(doc: ReadText, i: number): Cited<Role> | undefined {
  const prev = doc.sentences[i - 1];
  const s = doc.sentences[i];
  if (prev === undefined || s === undefined) return undefined;
  if (/\bby\s+\S{1,6}\.$/.test(prev.text)) return roleIn(prev);
  const lineStart = doc.text.lastIndexOf('\n', s.start - 1) + 1;
  if (doc.text.slice(lineStart, s.start).trim() !== '') return undefined;
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    const t = doc.sentences[k];
    if (t === undefined) break;
    if (/:\s*$/.test(t.text)) return roleIn(t);
    if (/[.!?]["”]?$/.test(t.text)) break;
  }
  return undefined;
}

/** Every person the release names, one entry each. */
export function findPeople(doc: ReadText, orgs: FoundOrg[]): FoundPerson[] {
  return readPeople(doc, orgs).people;
}

/**
 * The people who took part, and those the text names but gives no part in the meeting (quoted, mentioned,
 * sending a message): readouts list only the first, the draft says it left out the second.
 */
export function readPeople(doc: ReadText, orgs: FoundOrg[]): { people: FoundPerson[]; named: FoundPerson[] } {
  const byName = new Map<string, FoundPerson>();
  const all = doc.sentences.flatMap((s, i) => personInSentence(doc, s, orgs, inheritedRole(doc, i)));
  const wanted = new Set(all.filter((c) => c.qualified).map((c) => normalizePersonName(c.name.value)));
  for (const c of all) {
    const p: FoundPerson = {
      name: c.name,
      title: c.title,
      role: c.role,
      country: c.country,
      organization: c.organization,
    };
    const key = normalizePersonName(p.name.value);
    if (!wanted.has(key)) continue;
    const seen = byName.get(key);
    if (seen === undefined) {
      byName.set(key, p);
      continue;
    }
    if (p.title && (!seen.title || p.title.value.length > seen.title.value.length)) seen.title = p.title;
    if (roleRank(p.role) < roleRank(seen.role)) seen.role = p.role;
    seen.country ??= p.country;
    seen.organization ??= p.organization;
  }
  // A later "Dr Lamberti Ocampo" is the same person as "Horacio Lamberti Ocampo". Words inside another's title
  // ("Head of International Training Programmes") are not a person.
  const candidates = [...byName.values()];
  const titles = all.flatMap((c) => (c.title ? [c.title.span] : []));
  const persons = candidates.filter((p) => {
    const key = ` ${normalizePersonName(p.name.value)}`;
    const inTitle = titles.some((t) => t.start <= p.name.span.start && t.end >= p.name.span.end);
    const merged = candidates.some((q) => q !== p && ` ${normalizePersonName(q.name.value)}`.endsWith(key));
    return !merged && !inTitle;
  });
  return {
    people: persons.filter((p) => p.role !== undefined),
    named: persons.filter((p) => p.role === undefined),
  };
}
