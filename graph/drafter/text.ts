// The release as the drafter reads it: sentences and terms from compromise (with their offsets in the text),
// capitalised runs (candidate names), and line:column positions for evidence.
// compromise's tokeniser alone: its tagger costs ten times as much, and the readers need only sentences and words.
import nlp from 'compromise/one';
import { z } from 'zod';

export interface Term {
  text: string;
  start: number;
  end: number;
  /** Punctuation and spaces after the term, as compromise splits them. */
  post: string;
  pre: string;
  tags: ReadonlySet<string>;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  terms: Term[];
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface ReadText {
  text: string;
  sentences: Sentence[];
  /** Offsets at which lines start, for line:column. */
  lineStarts: number[];
}

const TermsJson = z.array(
  z.object({
    terms: z.array(
      z.object({
        text: z.string(),
        pre: z.string(),
        post: z.string(),
        tags: z.array(z.string()),
        offset: z.object({ start: z.number(), length: z.number() }),
      }),
    ),
  }),
);

/**
 * The text as compromise should read it: a line wrapped in the middle of a sentence (long, without closing
 * punctuation, the next line going on with it) has its break turned into a space, since compromise ends a
 * sentence at every line break. Other breaks stay: headlines, datelines and list items carry no full stop.
 * The length is unchanged, so offsets hold for the original text.
 */
function unwrapped(text: string): string {
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      const next = lines[i + 1];
      const wrapped =
        next !== undefined &&
        line.trim().length >= 50 &&
        !/[.:;!?"”)]\s*$/.test(line) &&
        /^\s*\p{Ll}|^\s*\p{Lu}\p{Ll}/u.test(next);
      return i === lines.length - 1 ? line : `${line}${wrapped ? ' ' : '\n'}`;
    })
    .join('');
}

/** Splits the text into sentences and terms, in one pass of compromise (each call has a fixed cost). */
export function readText(text: string): ReadText {
  const sentences: Sentence[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  for (const s of TermsJson.parse(nlp(unwrapped(text)).json({ offset: true }))) {
    const terms = s.terms
      .filter((t) => t.text !== '')
      .map((t) => ({
        text: t.text,
        start: t.offset.start,
        end: t.offset.start + t.text.length,
        post: t.post,
        pre: t.pre,
        tags: new Set(t.tags),
      }));
    const first = terms[0];
    const last = terms[terms.length - 1];
    if (first === undefined || last === undefined) continue;
    const end = last.end + last.post.trimEnd().length;
    sentences.push({
      index: sentences.length,
      start: first.start,
      end,
      text: text.slice(first.start, end),
      terms,
    });
  }
  return { text, sentences, lineStarts };
}

/** 1-based line and column of an offset. */
export function lineColumn(doc: ReadText, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = doc.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((doc.lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (doc.lineStarts[lo] ?? 0) + 1 };
}

export function span(doc: ReadText, start: number, end: number): Span {
  return { start, end, text: doc.text.slice(start, end) };
}

export const isCapitalised = (t: Term) => /^[\p{Lu}\d]/u.test(t.text) && !/^\d+$/.test(t.text);

/** Connectors allowed inside a name ("Ministry of Home Affairs", "Secretary for Border Management"). */
const CONNECTORS = new Set(['of', 'for', 'the', 'on', 'de', 'du', 'des']);

/** Punctuation after a term that ends a name (a comma, full stop, bracket, quote…, or a spaced dash as in
 *  "Pretoria – The …"); hyphens and dashes inside a name ("Kenya–Germany") do not. */
export const breaksAfter = (t: Term) =>
  (/[^\s\-–—]/u.test(t.post) && !isAbbreviation(t)) || /\s[-–—]/u.test(t.post) || /[([“"]/u.test(t.pre);

/** A one- or two-letter capitalised abbreviation inside a name ("Md. Rafiqul …", "J. Smith"). */
const isAbbreviation = (t: Term) => /^\.\s+$/.test(t.post) && /^\p{Lu}\p{Ll}?$/u.test(t.text);

/**
 * Runs of capitalised terms in a sentence, allowing connectors between capitalised words: the candidates for
 * names of people, organisations, dialogues and titles. Each run is a list of term indexes.
 */
export function capitalisedRuns(s: Sentence, withAnd = false): Term[][] {
  const runs: Term[][] = [];
  let run: Term[] = [];
  const close = () => {
    const end = () => (run[run.length - 1]?.text ?? '').toLowerCase();
    while (run.length > 0 && (CONNECTORS.has(end()) || end() === 'and')) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  s.terms.forEach((t, i) => {
    const next = s.terms[i + 1];
    const prev = s.terms[i - 1];
    if (run.length > 0 && prev !== undefined && breaksAfter(prev)) close();
    if (/[([“"]/u.test(t.pre) && run.length > 0) close();
    const joined = run.length > 0 && prev?.post === '-' && /^\p{Ll}/u.test(t.text);
    const connector = CONNECTORS.has(t.text.toLowerCase()) || (withAnd && t.text === 'and');
    if (isCapitalised(t) || joined) run.push(t);
    else if (
      run.length > 0 &&
      connector &&
      next !== undefined &&
      (isCapitalised(next) || (t.text !== 'and' && CONNECTORS.has(next.text.toLowerCase()))) &&
      !breaksAfter(t)
    ) {
      run.push(t);
    } else close();
  });
  close();
  return runs;
}

export const runText = (doc: ReadText, run: readonly Term[]) =>
  run.length === 0 ? '' : doc.text.slice(run[0]?.start ?? 0, run[run.length - 1]?.end ?? 0);
