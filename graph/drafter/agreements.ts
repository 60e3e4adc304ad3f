// Agreements a release reports as signed or adopted: the instrument's kind from its name ("Memorandum of
// Cooperation", "MoU", "letter of intent"…), the parties (organisations after "between" or "by" in its
// sentences), the signing date (a date in the sentence, or the meeting's last day when it was signed "at the
// close of" the meeting), and a name from the text. Plans and drafts ("will sign", "towards an MoU") are not
// agreements yet.
import { sentenceDates, type Reference } from './dates';
import type { FoundOrg } from './orgs';
import { refName } from './orgNames';
import { isPartOfCue } from './partOf';
import type { Cited } from './people';
import type { ReadText, Sentence, Span } from './text';

export type AgreementKind = 'mou' | 'moc' | 'treaty' | 'joint_statement' | 'other';

export interface FoundAgreement {
  kind: Cited<AgreementKind>;
  name: Cited<string>;
  /** Composed by the drafter (kind + parties) rather than read whole from the text. */
  nameComposed: boolean;
  parties: Cited<string>[];
  signed?: Cited<string> | undefined;
  /** Signed at the close or on the sidelines of the meeting: the date is the meeting's. */
  atMeeting?: Span | undefined;
  sentences: number[];
}

const KINDS: [RegExp, AgreementKind, string][] = [
  [/\bmemorand(?:um|a) of understanding\b|\bMOUs?\b|\bMoUs?\b/i, 'mou', 'Memorandum of Understanding'],
  [/\bmemorand(?:um|a) of cooperation\b|\bMOCs?\b|\bMoCs?\b/i, 'moc', 'Memorandum of Cooperation'],
  [/\bletters? of intent\b/i, 'other', 'Letter of Intent'],
  [/\btreaty\b/i, 'treaty', 'Treaty'],
  [/\bjoint statement\b/i, 'joint_statement', 'Joint Statement'],
  [/\bjoint declaration\b/i, 'joint_statement', 'Joint Declaration'],
  [/\b(?:joint )?action plan\b/i, 'other', 'Action Plan'],
  [/\b(?:agreement|protocol|arrangement)\b/i, 'other', 'Agreement'],
];
export const SIGNED = /\b(signed|concluded|inked|adopted|exchanged|initialled|initialed|sealed)\b/i;
/** "The two sides signed …": the parties are the meeting's two sides. */
export const SIDES = /\bthe two (?:sides|delegations|parties)\b/i;
const NOT_YET =
  /\b(will|would|shall|to sign|to be (?:signed|concluded|adopted)|prepare|towards|toward|draft|proposed|negotiat\w*|plans? to|intend\w*|future)\b/i;
const ANAPHOR =
  /\b(?:the|this|that|it|new)\s+(?:new\s+)?(memorandum|agreement|mou|moc|treaty|letter|protocol|pact|instrument)\b|^It\b/i;
const AT_MEETING =
  /\b(?:at the (?:conclusion|close|end) of|on the sidelines of|on the margins of|during|at the (?:meeting|dialogue|talks|consultations|session|committee)\b)/i;

const at = (s: Sentence, m: RegExpExecArray): Span => ({
  start: s.start + m.index,
  end: s.start + m.index + m[0].length,
  text: m[0],
});

type Mention = { o: FoundOrg; m: Span };

/** Organisations named between two offsets, once each in order; a body named only as what another is part of
 *  ("the National Police, which reports to the Ministry of the Interior, and NAPTIP") is not a party. */
function namedBetween(doc: ReadText, orgs: FoundOrg[], from: number, to: number): Cited<string>[] {
  const found: Mention[] = orgs
    .flatMap((o) => o.mentions.filter((m) => m.start >= from && m.end <= to).map((m) => ({ o, m })))
    .sort((a, b) => a.m.start - b.m.start);
  const out: Cited<string>[] = [];
  found.forEach(({ o, m }, i) => {
    const prev = found[i - 1];
    if (prev !== undefined && isPartOfCue(doc.text.slice(prev.m.end, m.start))) return;
    const value = refName(o, orgs);
    if (!out.some((p) => p.value === value)) out.push({ value, span: m, confidence: 0.8 });
  });
  return out;
}

/** The parties a sentence names: after "on behalf of", "between" or "by", else the subject before the verb
 *  ("the CBSA and ANAM signed …"), else "the two ministries" as the one body of that kind of each country. */
function partiesIn(doc: ReadText, s: Sentence, orgs: FoundOrg[], countries: string[]): Cited<string>[] {
  for (const cue of [/\bon behalf of\b/i, /\bbetween\b/i, /\bby\b/i]) {
    const m = cue.exec(s.text);
    const got = m === null ? [] : namedBetween(doc, orgs, s.start + m.index, s.end);
    if (got.length > 0) return got;
  }
  const verb = SIGNED.exec(s.text);
  const subject = verb === null ? [] : namedBetween(doc, orgs, s.start, s.start + verb.index);
  if (subject.length > 0) return subject;
  const two = /\bthe two (ministr|agenc|service|force|department)\w*/i.exec(s.text);
  if (two === null || countries.length !== 2) return [];
  const kind = (two[1] ?? '').toLowerCase().startsWith('ministr') ? 'ministry' : 'agency';
  const picks = countries.map((c) => orgs.filter((o) => o.kind === kind && o.countries.includes(c)));
  if (!picks.every((p) => p.length === 1)) return [];
  const span = at(s, two);
  return picks.flatMap((p) => (p[0] ? [{ value: refName(p[0], orgs), span, confidence: 0.6 }] : []));
}

/** The name as the text gives it: "memorandum of understanding on maritime domain awareness"; an "and" joins
 *  subjects ("on training and capacity building") unless a verb or a new subject follows it ("and agreed …"). */
function nameFrom(doc: ReadText, kind: Span, label: string): string | undefined {
  const rest =
    /^\s+(on|for|concerning|regarding)\s+([^,.;()]+?)(?=\s+(?:between|with|at|by|which|that|in)\b|\s+and\s+(?:\w+ed|will|would|also|then|they|the two)\b|[,.;()]|$)/i.exec(
      doc.text.slice(kind.end, kind.end + 120),
    );
  if (rest === null) return undefined;
  const words = (rest[2] ?? '').trim().split(/\s+/);
  return words.length <= 8 ? `${label} ${rest[1]?.toLowerCase()} ${words.join(' ')}` : undefined;
}

export function findAgreements(
  doc: ReadText,
  orgs: FoundOrg[],
  ref: Reference | undefined,
  countries: string[] = [],
): FoundAgreement[] {
  const out: FoundAgreement[] = [];
  let last: FoundAgreement | undefined;
  for (const s of doc.sentences) {
    const kindHit = KINDS.map(([re, kind, label]) => ({ m: re.exec(s.text), kind, label })).find(
      (k) => k.m !== null,
    );
    const anaphor = last !== undefined && s.index - Math.max(...last.sentences) <= 2 && ANAPHOR.test(s.text);
    if (
      anaphor &&
      last !== undefined &&
      (kindHit === undefined || kindHit.kind === last.kind.value || kindHit.kind === 'other')
    ) {
      addDetails(doc, last, s, orgs, ref, countries);
      continue;
    }
    if (kindHit?.m == null || !SIGNED.test(s.text) || NOT_YET.test(s.text.slice(0, kindHit.m.index + 40)))
      continue;
    const kindSpan = at(s, kindHit.m);
    const read = nameFrom(doc, kindSpan, kindHit.label);
    const a: FoundAgreement = {
      kind: { value: kindHit.kind, span: kindSpan, confidence: kindHit.kind === 'other' ? 0.6 : 0.9 },
      name: { value: read ?? kindHit.label, span: kindSpan, confidence: read ? 0.7 : 0.4 },
      nameComposed: read === undefined,
      parties: [],
      sentences: [],
    };
    addDetails(doc, a, s, orgs, ref, countries);
    out.push(a);
    last = a;
  }
  for (const a of out) {
    if (a.nameComposed && a.parties.length >= 2) {
      a.name.value = `${a.name.value} between ${a.parties.map((p) => p.value).join(' and ')}`;
    }
  }
  return out;
}

function addDetails(
  doc: ReadText,
  a: FoundAgreement,
  s: Sentence,
  orgs: FoundOrg[],
  ref: Reference | undefined,
  countries: string[],
): void {
  a.sentences.push(s.index);
  // The parties are those of one sentence: a later "It provides for exchanges between …" names others.
  if (a.parties.length === 0) {
    for (const p of partiesIn(doc, s, orgs, countries))
      if (!a.parties.some((q) => q.value === p.value)) a.parties.push(p);
  }
  if (a.signed === undefined) {
    const d = sentenceDates(s, ref)[0];
    if (d !== undefined) a.signed = { value: d.start, span: d.span, confidence: d.confidence };
  }
  if (a.signed === undefined && a.atMeeting === undefined) {
    const m = AT_MEETING.exec(s.text);
    if (m !== null) a.atMeeting = at(s, m);
  }
}
