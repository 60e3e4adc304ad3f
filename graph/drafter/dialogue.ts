// The meeting a release reports: its series name (a capitalised run ending in "Dialogue", "Talks", "Meeting",
// "Committee"… or built around such a word), the edition (an ordinal before it: "sixth", "6th", "the fourth
// round of"), its days, its city (a gazetteer city after "in" or "at" in a sentence about the meeting), and
// its countries (named in the series, else the two the release names most).
import nlp from 'compromise';
import { normalizeText } from '../normalize';
import { sentenceDates, type FoundDate, type Reference } from './dates';
import { cityIn } from './cities';
import { countryCode, NOT_NAME } from './lexicon';
import { countriesInName } from './orgs';
import type { Cited } from './people';
import { capitalisedRuns, runText, type ReadText, type Sentence, type Span, type Term } from './text';

const HEADS = new Set([
  'dialogue',
  'talks',
  'consultations',
  'meeting',
  'summit',
  'conference',
  'forum',
  'committee',
  'commission',
]);

export interface FoundDialogue {
  series: Cited<string>;
  mentions: Span[];
  edition?: Cited<number> | undefined;
  date?: (FoundDate & { sentence: number }) | undefined;
  city?: (Cited<string> & { country: string }) | undefined;
  countries: Cited<string>[];
}

const lower = (t: Term | undefined) => (t?.text ?? '').toLowerCase();
const isOrdinal = (w: string) =>
  /^(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+tieth|\w+-\w+(st|nd|rd|th))$/i.test(
    w,
  );

/** A series name inside a run: from after "The"/an ordinal/a year to the head word (or a phrase after it). */
function seriesInRun(doc: ReadText, run: Term[]): Span | undefined {
  const headAt = run.findIndex((t, i) => i > 0 && HEADS.has(lower(t)));
  if (headAt < 0) return undefined;
  // Cut before the head at the last lowercase connector ("… in New Delhi for the X Dialogue"), then drop "The",
  // ordinals and years; after the head, a phrase joined by "on"/"of" belongs to the name ("Committee on
  // Migration and Security"), trailing dates do not.
  let start = 0;
  for (let i = headAt - 1; i > 0; i--)
    if (/^\p{Ll}/u.test(run[i]?.text ?? '') && lower(run[i]) !== 'and' && run[i - 1]?.post !== '-') {
      start = i + 1;
      break;
    }
  const skip = (t: Term | undefined) =>
    ['the', 'and'].includes(lower(t)) || isOrdinal(lower(t)) || /^\d{4}$/.test(lower(t));
  while (start < headAt && skip(run[start])) start++;
  let end = headAt + 1;
  if (['on', 'of', 'for'].includes(lower(run[headAt + 1]))) {
    end = run.length;
    while (end > headAt + 1 && NOT_NAME.has(lower(run[end - 1]).replace(/\.$/, ''))) end--;
  }
  const terms = run.slice(start, end);
  if (terms.length < 2) return undefined;
  const first = terms[0] as Term;
  const last = terms[terms.length - 1] as Term;
  return { start: first.start, end: last.end, text: runText(doc, terms) };
}

const ordinals = new Map<string, number | undefined>();

/** "sixth", "6th", "5th" → 6, 6, 5 (compromise reads ordinals; answers are kept, a call costs milliseconds). */
export function ordinalValue(word: string): number | undefined {
  const key = word.toLowerCase();
  if (!ordinals.has(key)) {
    const got: unknown = nlp(key).numbers().get();
    const n: unknown = Array.isArray(got) ? got[0] : got;
    ordinals.set(key, typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 10000 ? n : undefined);
  }
  return ordinals.get(key);
}

/** The ordinal that introduces a mention: "the sixth X", "the fourth round of the X", "the 5th session of the X". */
function editionBefore(doc: ReadText, mention: Span): Cited<number> | undefined {
  const before = doc.text.slice(Math.max(0, mention.start - 60), mention.start);
  const m =
    /\b(\w+(?:-\w+)?)\s+(?:(?:round|session|edition|meeting|iteration|annual meeting)\s+of\s+(?:the\s+)?)?$/i.exec(
      before,
    );
  const w = m?.[1];
  if (m === null || w === undefined || !isOrdinal(w)) return undefined;
  const value = ordinalValue(w);
  const start = mention.start - before.length + m.index;
  return value === undefined
    ? undefined
    : { value, confidence: 0.9, span: { start, end: start + w.length, text: w } };
}

const MEETING_CUE =
  /\b(dialogue|talks|consultations|meeting|met|meet|held|hold|took place|convened|co-?chair|session|round|committee)\b/i;
const OTHER_MEETING = /\b(previous|last|next|earlier|former|will|upcoming|first dialogue|first meeting)\b/i;

function meetingSentences(doc: ReadText, mentions: Span[]): Sentence[] {
  const named = (s: Sentence) => mentions.some((m) => m.start >= s.start && m.end <= s.end);
  return doc.sentences.filter((s) => (named(s) || MEETING_CUE.test(s.text)) && !OTHER_MEETING.test(s.text));
}

/** The two countries the release names most often, when the series name names none. */
function mostNamedCountries(doc: ReadText): Cited<string>[] {
  const count = new Map<string, Cited<string> & { n: number }>();
  for (const s of doc.sentences) {
    for (const [i, t] of s.terms.entries()) {
      // "Sri Lanka", "South Africa": a country of two words is read as one (and its second word is not read alone).
      const next = s.terms[i + 1];
      const pair = next && /^\s*$/.test(t.post) ? `${t.text} ${next.text}` : undefined;
      const prev = s.terms[i - 1];
      if (prev && /^\s*$/.test(prev.post) && countryCode(`${prev.text} ${t.text}`) !== undefined) continue;
      const two = pair === undefined ? undefined : countryCode(pair);
      const code = two ?? countryCode(t.text);
      if (code === undefined) continue;
      const end = two !== undefined && next ? next.end : t.end;
      const c = count.get(code) ?? {
        value: code,
        n: 0,
        confidence: 0.6,
        span: { start: t.start, end, text: doc.text.slice(t.start, end) },
      };
      c.n++;
      count.set(code, c);
    }
  }
  return [...count.values()]
    .sort((a, b) => b.n - a.n)
    .slice(0, 2)
    .map(({ n: _n, ...c }) => c);
}

export function findDialogue(
  doc: ReadText,
  ref: Reference | undefined,
  skip?: Span,
): FoundDialogue | undefined {
  const mentions: Span[] = [];
  for (const s of doc.sentences)
    for (const run of capitalisedRuns(s, true)) {
      const m = seriesInRun(doc, run);
      if (m) mentions.push(m);
    }
  if (mentions.length === 0) return undefined;
  const score = (m: Span) => countriesInName(m.text).length * 100 + m.text.length;
  const best = [...mentions].sort((a, b) => score(b) - score(a))[0] as Span;
  const bestNorm = normalizeText(best.text);
  const same = mentions.filter((m) => bestNorm.endsWith(normalizeText(m.text)));
  const edition = same.map((m) => editionBefore(doc, m)).find((e) => e !== undefined);
  const sentences = meetingSentences(doc, same);
  const dated = sentences
    .flatMap((s) => sentenceDates(s, ref).map((d) => ({ ...d, sentence: s.index })))
    .filter((d) => skip === undefined || d.span.end <= skip.start || d.span.start >= skip.end);
  // A range of days is the meeting's span; a single day beside it is often a signing or the closing day.
  const date =
    dated.find((d) => d.start.length === 10 && d.end !== undefined) ??
    dated.find((d) => d.start.length === 10) ??
    dated[0];
  const city = cityNear(doc, sentences, date?.sentence);
  const inName = countriesInName(best.text);
  const countries =
    inName.length >= 2
      ? inName.map((value) => ({ value, confidence: 0.9, span: best }))
      : mostNamedCountries(doc);
  return {
    series: { value: best.text, confidence: 0.85, span: best },
    mentions: same,
    edition,
    date,
    city,
    countries,
  };
}

/** The meeting's city: in the dated sentence first, then in the other sentences about the meeting. */
function cityNear(doc: ReadText, sentences: Sentence[], dated: number | undefined) {
  const ordered = [...sentences].sort((a, b) => Number(b.index === dated) - Number(a.index === dated));
  for (const s of ordered) {
    const c = cityIn(doc, s);
    if (c) return c;
  }
  return undefined;
}
