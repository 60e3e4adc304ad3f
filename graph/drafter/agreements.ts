// Agreements a release reports as signed or adopted: the instrument's kind from its name ("Memorandum of
// Cooperation", "MoU", "letter of intent"…), the parties (organisations after "between" or "by" in its
// sentences), the signing date (a date in the sentence, or the meeting's last day when it was signed "at the
// close of" the meeting), and a name from the text. Plans and drafts ("will sign", "towards an MoU") are not
// agreements yet.
import { sentenceDates, type Reference } from './dates';
import type { FoundOrg } from './orgs';
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
  [/\bjoint (?:statement|declaration)\b/i, 'joint_statement', 'Joint Statement'],
  [/\b(?:agreement|protocol|arrangement)\b/i, 'other', 'Agreement'],
];
const SIGNED = /\b(signed|concluded|inked|adopted|exchanged|initialled|initialed|sealed)\b/i;
const NOT_YET =
  /\b(will|would|shall|to sign|towards|toward|draft|proposed|negotiat\w*|plans? to|intend\w*|future)\b/i;
const ANAPHOR =
  /\b(?:the|this|that|it|new)\s+(?:new\s+)?(memorandum|agreement|mou|moc|treaty|letter|protocol|pact|instrument)\b|^It\b/i;
const AT_MEETING = /\b(?:at the (?:conclusion|close|end) of|on the sidelines of|on the margins of|during)\b/i;

const at = (s: Sentence, m: RegExpExecArray): Span => ({
  start: s.start + m.index,
  end: s.start + m.index + m[0].length,
  text: m[0],
});

/** Organisations named in a sentence after "between" or "by": the parties, in order of mention. */
function partiesIn(s: Sentence, orgs: FoundOrg[]): Cited<string>[] {
  const cue = /\b(between|by)\b/i.exec(s.text);
  if (cue === null) return [];
  const from = s.start + cue.index;
  const found = orgs
    .flatMap((o) => o.mentions.filter((m) => m.start > from && m.end <= s.end).map((m) => ({ o, m })))
    .sort((a, b) => a.m.start - b.m.start);
  const out: Cited<string>[] = [];
  for (const { o, m } of found)
    if (!out.some((p) => p.value === o.name)) out.push({ value: o.name, span: m, confidence: 0.8 });
  return out;
}

/** The name as the text gives it: "memorandum of understanding on maritime domain awareness". */
function nameFrom(doc: ReadText, kind: Span, label: string): string | undefined {
  const rest =
    /^\s+(on|for|concerning|regarding)\s+([^,.;()]+?)(?=\s+(?:between|with|at|by|and|which|that|in)\b|[,.;()]|$)/i.exec(
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
      addDetails(last, s, orgs, ref);
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
    addDetails(a, s, orgs, ref);
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

function addDetails(a: FoundAgreement, s: Sentence, orgs: FoundOrg[], ref: Reference | undefined): void {
  a.sentences.push(s.index);
  if (a.parties.length < 2) {
    for (const p of partiesIn(s, orgs)) if (!a.parties.some((q) => q.value === p.value)) a.parties.push(p);
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
